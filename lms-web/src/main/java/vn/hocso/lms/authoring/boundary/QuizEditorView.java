package vn.hocso.lms.authoring.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.content.course.application.QuestionView;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.QuestionInput;
import vn.hocso.lms.authoring.control.QuizView;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/**
 * The quiz builder of one module: title, passing score and attempts, and its questions of every
 * kind with their options, right answers and feedback.
 */
@Named
@ViewScoped
public class QuizEditorView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Option rows the form offers; blank ones are dropped. */
  static final int OPTION_ROWS = 6;

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;
  @Inject Messages messages;

  private long course;
  private String module;
  private transient QuizView quiz;
  private boolean loaded;
  private long revision;

  private String title;
  private int passingScore = 80;
  private Integer maxAttempts;

  /** The question being edited, or null for a new one. */
  private String editingKey;

  private QuestionKind kind = QuestionKind.SINGLE_CHOICE;
  private String prompt;
  private List<OptionRow> options = blankOptions();
  private String feedbackWhenRight;
  private String feedbackWhenWrong;

  /** One row of the option form. */
  public static class OptionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String text;
    private boolean correct;
    private String feedback;

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public boolean isCorrect() {
      return correct;
    }

    public void setCorrect(boolean correct) {
      this.correct = correct;
    }

    public String getFeedback() {
      return feedback;
    }

    public void setFeedback(String feedback) {
      this.feedback = feedback;
    }
  }

  public void load() throws IOException {
    try {
      reload();
    } catch (AccessDeniedException | java.util.NoSuchElementException e) {
      CourseEditorView.notFound();
      return;
    }
    if (quiz != null) {
      title = quiz.title();
      passingScore = quiz.passingScore();
      maxAttempts = quiz.maxAttempts();
    } else {
      title = messages.get("quiz.defaultTitle");
    }
  }

  private void reload() {
    // The revision first: an edit between the two reads then refuses her next save instead of
    // letting it overwrite what she never saw.
    revision = authoring.revision(author.caller(), course);
    quiz = authoring.quiz(author.caller(), course, module).orElse(null);
    loaded = true;
  }

  public QuizView getQuiz() {
    if (!loaded) {
      reload();
    }
    return quiz;
  }

  public void saveSettings() {
    act(
        "authoring.saved",
        () -> authoring.setQuiz(editing(), course, module, title, passingScore, maxAttempts));
  }

  public void removeQuiz() {
    act("authoring.removed", () -> authoring.removeQuiz(editing(), course, module));
  }

  public void saveQuestion() {
    var input =
        new QuestionInput(
            kind,
            prompt,
            options.stream()
                .map(o -> new QuestionInput.OptionInput(o.text, o.correct, o.feedback))
                .toList(),
            feedbackWhenRight,
            feedbackWhenWrong);
    var key = editingKey;
    if (act(
        "authoring.saved",
        () -> {
          if (key == null) {
            authoring.addQuestion(editing(), course, module, input);
          } else {
            authoring.replaceQuestion(editing(), course, module, key, input);
          }
        })) {
      clearForm();
    }
  }

  /** Fills the question form with a question to change it. */
  public void edit(String questionKey) {
    var question =
        getQuiz().questions().stream().filter(q -> q.key().equals(questionKey)).findFirst();
    if (question.isEmpty()) {
      return;
    }
    var q = question.get();
    clearForm();
    editingKey = q.key();
    kind = q.kind();
    prompt = q.prompt();
    feedbackWhenRight = q.feedbackWhenRight();
    feedbackWhenWrong = q.feedbackWhenWrong();
    for (int i = 0; i < q.options().size() && i < options.size(); i++) {
      var option = q.options().get(i);
      options.get(i).text = option.text();
      options.get(i).correct = option.correct();
      options.get(i).feedback = option.feedback();
    }
  }

  /** A true/false question starts with its two options written out. */
  public void kindChanged() {
    if (kind == QuestionKind.TRUE_FALSE
        && options.stream().allMatch(o -> o.text == null || o.text.isBlank())) {
      options.get(0).text = messages.get("quiz.true");
      options.get(1).text = messages.get("quiz.false");
    }
  }

  public void cancel() {
    clearForm();
  }

  public void move(String questionKey, int toPosition) {
    act(
        "authoring.moved",
        () -> authoring.moveQuestion(editing(), course, module, questionKey, toPosition));
  }

  public void remove(String questionKey) {
    act(
        "authoring.removed",
        () -> authoring.removeQuestion(editing(), course, module, questionKey));
  }

  private void clearForm() {
    editingKey = null;
    kind = QuestionKind.SINGLE_CHOICE;
    prompt = null;
    options = blankOptions();
    feedbackWhenRight = null;
    feedbackWhenWrong = null;
  }

  static List<OptionRow> blankOptions() {
    var rows = new ArrayList<OptionRow>();
    for (int i = 0; i < OPTION_ROWS; i++) {
      rows.add(new OptionRow());
    }
    return rows;
  }

  /** The caller, saving changes to the course as this page last showed it. */
  private vn.hocso.lms.authoring.control.Caller editing() {
    return author.caller().seeing(revision);
  }

  private boolean act(String doneKey, Runnable action) {
    var done = Feedback.attempt(messages, doneKey, action);
    reload();
    return done;
  }

  public String letter(int index) {
    return String.valueOf((char) ('A' + index));
  }

  public QuestionKind[] getKinds() {
    return QuestionKind.values();
  }

  public List<QuestionView> getQuestions() {
    return getQuiz() == null ? List.of() : getQuiz().questions();
  }

  public long getCourse() {
    return course;
  }

  public void setCourse(long course) {
    this.course = course;
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public int getPassingScore() {
    return passingScore;
  }

  public void setPassingScore(int passingScore) {
    this.passingScore = passingScore;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public String getEditingKey() {
    return editingKey;
  }

  public QuestionKind getKind() {
    return kind;
  }

  public void setKind(QuestionKind kind) {
    this.kind = kind;
  }

  public String getPrompt() {
    return prompt;
  }

  public void setPrompt(String prompt) {
    this.prompt = prompt;
  }

  public List<OptionRow> getOptions() {
    return options;
  }

  public String getFeedbackWhenRight() {
    return feedbackWhenRight;
  }

  public void setFeedbackWhenRight(String feedbackWhenRight) {
    this.feedbackWhenRight = feedbackWhenRight;
  }

  public String getFeedbackWhenWrong() {
    return feedbackWhenWrong;
  }

  public void setFeedbackWhenWrong(String feedbackWhenWrong) {
    this.feedbackWhenWrong = feedbackWhenWrong;
  }
}
