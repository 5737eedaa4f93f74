package vn.hocso.lms.learning.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import vn.hocso.content.course.domain.QuestionResult;
import vn.hocso.lms.learning.control.Learning;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.control.LearningViews.LessonPage;
import vn.hocso.lms.web.Messages;

/**
 * The lesson player (/app/learn.xhtml): one lesson per page, previous and next, and the lesson's
 * own questions answered on the spot (each in its own form; the submitted choices arrive in the
 * maps below, keyed by question key, and ordering slots by "key:slot").
 */
@Named
@ViewScoped // the page and its questions are decoded again when one of them is answered
public class LessonPlayerView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Learning learning;
  @Inject Messages messages;

  private long course;
  private String lesson;
  private LessonPage page;
  private String refusal;
  private final HashMap<String, String> chosen = new HashMap<>();
  private final HashMap<String, Object> chosenMany = new HashMap<>();
  private final HashMap<String, String> slots = new HashMap<>();
  private String answeredKey;
  private QuestionResult answer;
  private String answerRefusal;

  public void load() throws IOException {
    try {
      page = learning.lesson(LearnerPages.username(), course, lesson);
    } catch (LearningRefusedException e) {
      refusal = messages.get(e.reason().messageKey());
    } catch (NoSuchElementException e) {
      LearnerPages.notFound();
    }
  }

  /** Marks her answer to one of the lesson's questions and keeps its feedback for the page. */
  public void answer(String questionKey) {
    answeredKey = questionKey;
    answer = null;
    answerRefusal = null;
    var response = response(questionKey);
    if (response.isEmpty()
        || response.contains("")
        || response.stream().distinct().count() < response.size()) {
      answerRefusal = messages.get("quizTake.chooseFirst");
      return;
    }
    try {
      answer =
          learning.answerInLesson(LearnerPages.username(), course, lesson, questionKey, response);
    } catch (LearningRefusedException e) {
      answerRefusal = messages.get(e.reason().messageKey());
    } catch (NoSuchElementException | IllegalArgumentException e) {
      answerRefusal = messages.get("quizTake.chooseFirst");
    }
  }

  /** What the question's form sent: one choice, several, or the ordering slots in order. */
  private List<String> response(String questionKey) {
    if (chosen.get(questionKey) != null) {
      return List.of(chosen.get(questionKey));
    }
    var many = chosenMany.get(questionKey);
    if (many instanceof Object[] array) {
      return Arrays.stream(array).map(String::valueOf).toList();
    }
    if (many instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    var ordered = new ArrayList<String>();
    for (int slot = 0; slots.containsKey(questionKey + ":" + slot); slot++) {
      var value = slots.get(questionKey + ":" + slot);
      ordered.add(value == null ? "" : value);
    }
    return ordered;
  }

  public Map<String, String> getChosen() {
    return chosen;
  }

  public Map<String, Object> getChosenMany() {
    return chosenMany;
  }

  public Map<String, String> getSlots() {
    return slots;
  }

  /** The question answered in this request, or null. */
  public String getAnsweredKey() {
    return answeredKey;
  }

  public QuestionResult getAnswer() {
    return answer;
  }

  /** Why her answer was not marked (nothing chosen), or null. */
  public String getAnswerRefusal() {
    return answerRefusal;
  }

  public LessonPage getPage() {
    return page;
  }

  /** Why the lesson is not shown, or null. */
  public String getRefusal() {
    return refusal;
  }

  /** "2 / 10": where this step is in the course. */
  public String getPosition() {
    var steps = page.path().steps();
    return (steps.indexOf(page.step()) + 1) + " / " + steps.size();
  }

  public long getCourse() {
    return course;
  }

  public void setCourse(long course) {
    this.course = course;
  }

  public String getLesson() {
    return lesson;
  }

  public void setLesson(String lesson) {
    this.lesson = lesson;
  }
}
