package vn.hocso.lms.learning.boundary;

import jakarta.faces.context.FacesContext;
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
 *
 * <p>Marking an answer moves on to the next question at once: the page shows the answer marked with
 * its feedback and carries the next question hidden, which "next question" shows in the browser
 * without a request (a quarter of a learner's requests in bench/run-learners.sh); without
 * JavaScript, {@link #next} posts the page and it shows the question in hand.
 */
@Named
@ViewScoped
public class QuizView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The request parameter naming the question an answer is for (the page's hidden field). */
  static final String ANSWERING = "attempt:answering";

  @Inject transient Learning learning;
  @Inject transient Messages messages;

  private long course;
  private String quiz;
  private QuizPage page;
  private String refusal;

  /** The page no longer speaks for her enrolment: it offers only to be loaded again. */
  private boolean stale;

  private boolean attempting;

  /** The question in hand: the next one to answer (the question count once all are answered). */
  private int index;

  private final Map<String, List<String>> answers = new LinkedHashMap<>();

  /** The answer just marked, shown with its feedback until she goes on; null when none is. */
  private AnswerOutcome outcome;

  private int markedIndex;
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
      markedIndex = 0;
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
   * Marks the question in hand, shows its feedback and moves on to the next question, once: a
   * double click posts twice into the same view (without JavaScript; with it, faces.js queues the
   * second), and the second, which names the question marked already, must neither send a second
   * {@code answered} nor be taken as the answer to the next question.
   */
  public synchronized void check() {
    if (stale || !hasQuestion() || !getQuestion().key().equals(answering())) {
      return; // the page is out of date, or this post answers a question marked already
    }
    outcome = null; // she went on to the question in hand (shown by the page, no request)
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
      markedIndex = index;
      index++;
      clearChoice();
    } catch (LearningRefusedException e) {
      refuse(e);
    }
  }

  /** The question key the posted form answers (null when it names none). */
  private static String answering() {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(ANSWERING);
  }

  /**
   * "Next question" posted without JavaScript: the page stops showing the answer just marked and
   * shows the question in hand (the answer moved on to it already, so a repeated click skips
   * nothing), once the page is known to speak still for her enrolment and attempt (a quiz page left
   * open in another tab may not). With JavaScript the page shows it without this request.
   */
  public synchronized void next() {
    if (stale || outcome == null || outcome.attemptFinished() || !hasQuestion()) {
      return; // nothing to go on to: a repeated click, or a page out of date
    }
    try {
      learning.requireCurrentQuizPage(course, quiz, page.stamp());
    } catch (LearningRefusedException e) {
      refuse(e);
      return;
    }
    refusal = null;
    outcome = null;
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

  /** True while the page shows the answer just marked (the question in hand hidden). */
  public boolean isChecked() {
    return outcome != null;
  }

  /** True while a question of the attempt is still to be answered. */
  public boolean isQuestionInHand() {
    return hasQuestion();
  }

  public String getAnsweringParameter() {
    return ANSWERING;
  }

  /** The question whose answer was just marked. */
  public QuestionView getMarkedQuestion() {
    return outcome == null ? null : page.questions().get(markedIndex);
  }

  public int getMarkedNumber() {
    return markedIndex + 1;
  }

  private List<String> markedResponse() {
    var marked = getMarkedQuestion();
    return marked == null ? List.of() : answers.getOrDefault(marked.key(), List.of());
  }

  /** Her choice in the question just marked (single choice, true/false). */
  public String getMarkedChosen() {
    var response = markedResponse();
    return response.isEmpty() ? null : response.get(0);
  }

  public List<String> getMarkedChosenMany() {
    return markedResponse();
  }

  public List<String> getMarkedOrder() {
    return markedResponse();
  }

  public List<Integer> getMarkedSlots() {
    return slots(markedResponse().size());
  }

  public AnswerOutcome getOutcome() {
    return outcome;
  }

  /** The position slots of an ordering question: 0, 1, 2… */
  public List<Integer> getSlots() {
    return slots(order.size());
  }

  private static List<Integer> slots(int count) {
    var slots = new ArrayList<Integer>();
    for (int i = 0; i < count; i++) {
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
