package vn.hocso.lms.learning.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import vn.hocso.content.course.application.QuestionView;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.lms.learning.control.Learning;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.control.LearningViews.AnswerOutcome;
import vn.hocso.lms.learning.control.LearningViews.QuizPage;
import vn.hocso.lms.web.Messages;

/**
 * A quiz (/app/quiz.xhtml), one question at a time: she answers, checks, sees at once whether it
 * was right and why, and goes on; after the last question, her score, and another attempt if the
 * course's policy allows one. The answers of the attempt in hand live in this view.
 */
@Named
@ViewScoped
public class QuizView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Learning learning;
  @Inject transient Messages messages;

  private long course;
  private String quiz;
  private QuizPage page;
  private String refusal;

  /** The page no longer speaks for her enrolment: it offers only to be loaded again. */
  private boolean stale;

  private boolean attempting;
  private int index;
  private final Map<String, List<String>> answers = new LinkedHashMap<>();
  private AnswerOutcome outcome;
  private String chosen;
  private List<String> chosenMany = new ArrayList<>();
  private List<String> order = new ArrayList<>();

  public void load() throws IOException {
    try {
      page = learning.quiz(LearnerPages.username(), course, quiz);
      attempting = !page.passed() && page.canAttempt();
      stale = false;
      refusal = null;
      index = 0;
      answers.clear();
      outcome = null;
      clearChoice();
    } catch (LearningRefusedException e) {
      refusal = messages.get(e.reason().messageKey());
    } catch (NoSuchElementException e) {
      LearnerPages.notFound();
    }
  }

  /**
   * Marks the question in hand and shows its feedback, once: without JavaScript a double click
   * posts twice into the same view, and the second must not send a second {@code answered}.
   */
  public synchronized void check() {
    if (outcome != null || stale || !hasQuestion()) {
      return; // this question is marked already, or the page is out of date
    }
    var question = getQuestion();
    var response =
        switch (question.kind()) {
          case SINGLE_CHOICE, TRUE_FALSE -> chosen == null ? List.<String>of() : List.of(chosen);
          case MULTIPLE_CHOICE -> List.copyOf(chosenMany);
          case ORDERING -> java.util.Collections.unmodifiableList(new ArrayList<>(order));
        };
    if (response.isEmpty()
        || (question.kind() == QuestionKind.ORDERING
            && (response.contains(null)
                || response.stream().distinct().count() < response.size()))) {
      refusal = messages.get("quizTake.chooseFirst");
      return;
    }
    refusal = null;
    try {
      outcome =
          learning.answer(
              LearnerPages.username(),
              course,
              quiz,
              page.stamp(),
              answers,
              question.key(),
              response);
      answers.put(question.key(), response);
    } catch (LearningRefusedException e) {
      refuse(e);
    }
  }

  /**
   * The next question of the attempt, once the page is known to speak still for her enrolment and
   * attempt (a quiz page left open in another tab may not).
   */
  public synchronized void next() {
    if (stale || outcome == null || outcome.attemptFinished() || index + 1 >= questionCount()) {
      return; // nothing to go on to: a repeated click, or a page out of date
    }
    try {
      learning.requireCurrentQuizPage(course, quiz, page.stamp());
    } catch (LearningRefusedException e) {
      refuse(e);
      return;
    }
    index++;
    refusal = null;
    outcome = null;
    clearChoice();
  }

  private void refuse(LearningRefusedException e) {
    refusal = messages.get(e.reason().messageKey());
    stale = e.reason() == LearningRefusedException.Reason.STALE_QUIZ_PAGE;
  }

  private int questionCount() {
    return page == null ? 0 : page.questions().size();
  }

  private boolean hasQuestion() {
    return page != null && attempting && index < questionCount();
  }

  /** Starts another attempt (the page reads her attempts again). */
  public void retry() throws IOException {
    load();
  }

  private void clearChoice() {
    chosen = null;
    chosenMany = new ArrayList<>();
    order = new ArrayList<>();
    if (hasQuestion()) {
      for (int i = 0; i < getQuestion().options().size(); i++) {
        order.add(null);
      }
    }
  }

  public QuizPage getPage() {
    return page;
  }

  public String getRefusal() {
    return refusal;
  }

  /**
   * True when the page speaks for a registration, version or attempt that is no longer hers: it
   * then only offers to be loaded again.
   */
  public boolean isStale() {
    return stale;
  }

  /** True while an attempt is in hand (not passed before, an attempt allowed). */
  public boolean isAttempting() {
    return attempting;
  }

  /**
   * Her finished attempts: after the answer that finished an attempt, counted with it; else as the
   * page was loaded (an answer inside an attempt does not change them).
   */
  public int getAttemptsUsed() {
    return outcome != null && outcome.attemptFinished()
        ? outcome.attemptsUsed()
        : page.attemptsUsed();
  }

  public QuestionView getQuestion() {
    return page.questions().get(index);
  }

  public int getNumber() {
    return index + 1;
  }

  public boolean isChecked() {
    return outcome != null;
  }

  public AnswerOutcome getOutcome() {
    return outcome;
  }

  /** The position slots of an ordering question: 0, 1, 2… */
  public List<Integer> getSlots() {
    var slots = new ArrayList<Integer>();
    for (int i = 0; i < order.size(); i++) {
      slots.add(i);
    }
    return slots;
  }

  public List<String> getOrder() {
    return order;
  }

  public String getChosen() {
    return chosen;
  }

  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  public List<String> getChosenMany() {
    return chosenMany;
  }

  public void setChosenMany(List<String> chosenMany) {
    this.chosenMany = chosenMany == null ? new ArrayList<>() : new ArrayList<>(chosenMany);
  }

  public long getCourse() {
    return course;
  }

  public void setCourse(long course) {
    this.course = course;
  }

  public String getQuiz() {
    return quiz;
  }

  public void setQuiz(String quiz) {
    this.quiz = quiz;
  }
}
