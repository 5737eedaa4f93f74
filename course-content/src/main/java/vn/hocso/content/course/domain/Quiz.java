package vn.hocso.content.course.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The quiz that ends a module: ordered questions, a passing score in percent and how many attempts
 * a learner has. Marking an attempt happens here ({@link #score}); keeping attempts is the LMS's.
 */
@Entity
@Table(name = "quiz")
public class Quiz {

  @Id
  @TableGenerator(
      name = "quiz_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "quiz",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "quiz_ids")
  private Long id;

  @OneToOne(mappedBy = "quiz")
  private CourseModule module;

  @Column(name = "content_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "activity_iri", nullable = false, updatable = false)
  private String activityIri;

  @Column(nullable = false)
  private String title;

  @Column(name = "passing_score", nullable = false)
  private int passingScore;

  /** Null for no limit. */
  @Column(name = "max_attempts")
  private Integer maxAttempts;

  @OneToMany(mappedBy = "quiz", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Question> questions = new ArrayList<>();

  protected Quiz() {
    // for JPA
  }

  Quiz(CourseModule module, String key, String title, int passingScore, AttemptsPolicy attempts) {
    this.module = module;
    this.key = key;
    this.activityIri = ActivityIri.ofQuiz(module.version().courseSlug(), key).toString();
    this.title = Text.required(title, 200, "A quiz title");
    this.passingScore = checkedPassingScore(passingScore);
    this.maxAttempts =
        Objects.requireNonNull(attempts, "A quiz has an attempts policy").maxAttemptsOrNull();
  }

  Quiz copyInto(CourseModule newModule) {
    var copy = new Quiz();
    copy.module = newModule;
    copy.key = key;
    copy.activityIri = activityIri;
    copy.title = title;
    copy.passingScore = passingScore;
    copy.maxAttempts = maxAttempts;
    for (var question : questions) {
      var questionCopy = question.copy();
      questionCopy.placeIn(copy, question.position());
      copy.questions.add(questionCopy);
    }
    return copy;
  }

  public void retitle(String title) {
    requireDraft();
    this.title = Text.required(title, 200, "A quiz title");
  }

  /** The lowest score, in percent, that passes (1 to 100), e.g. 80. */
  public void requireScore(int passingScore) {
    requireDraft();
    this.passingScore = checkedPassingScore(passingScore);
  }

  public void allowAttempts(AttemptsPolicy attempts) {
    requireDraft();
    this.maxAttempts =
        Objects.requireNonNull(attempts, "A quiz has an attempts policy").maxAttemptsOrNull();
  }

  /** Appends a question; its key comes from the question's own key or from its prompt. */
  public Question addQuestion(Question question) {
    requireDraft();
    if (question.quiz() != null) {
      throw new IllegalArgumentException("That question already belongs to a quiz");
    }
    var version = module.version();
    var preferred =
        question.key() != null ? question.key() : ActivityIri.slugFrom(question.prompt());
    question.name(CourseVersion.uniqueKey(version.questionKeys(), preferred), version.courseSlug());
    question.placeIn(this, questions.size());
    questions.add(question);
    return question;
  }

  /** Puts a new question in place of the one with this key; it keeps the key and activity IRI. */
  public Question replaceQuestion(String key, Question replacement) {
    requireDraft();
    var previous = question(key);
    var index = questions.indexOf(previous);
    replacement.keep(previous);
    replacement.placeIn(this, index);
    questions.set(index, replacement);
    return replacement;
  }

  public void moveQuestion(String key, int toPosition) {
    requireDraft();
    Positions.move(questions, questions.indexOf(question(key)), toPosition, Question::placeAt);
  }

  public void removeQuestion(String key) {
    requireDraft();
    questions.remove(question(key));
    Positions.renumber(questions, Question::placeAt);
  }

  public Question question(String key) {
    return questions.stream()
        .filter(q -> q.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("No question " + key + " in quiz " + this.key));
  }

  /**
   * Marks an attempt: each question is right or wrong (a multiple-choice question is right only
   * when exactly its right options are chosen; an unanswered question is wrong), and the attempt
   * passes when the share of right answers reaches the passing score.
   *
   * @param responses the learner's response per question key; questions missing are unanswered
   * @throws IllegalArgumentException for a response to a question or option the quiz does not have
   */
  public QuizResult score(Map<String, Response> responses) {
    if (questions.isEmpty()) {
      throw new IllegalStateException("Quiz " + key + " has no questions to mark");
    }
    for (var answeredKey : responses.keySet()) {
      question(answeredKey);
    }
    var results = questions.stream().map(q -> q.mark(responses.get(q.key()))).toList();
    var right = (int) results.stream().filter(QuestionResult::correct).count();
    var percent = right * 100 / questions.size();
    return new QuizResult(right, questions.size(), percent, passes(percent), results);
  }

  /** True when a score in percent reaches the passing score. */
  public boolean passes(int scorePercent) {
    return scorePercent >= passingScore;
  }

  /** True when a learner who has used {@code attemptsUsed} attempts may try again. */
  public boolean allowsAnotherAttempt(int attemptsUsed) {
    return attemptsPolicy().allowsAnotherAttempt(attemptsUsed);
  }

  void addProblemsTo(List<PublishingProblem> problems) {
    if (questions.isEmpty()) {
      problems.add(
          PublishingProblem.of(
              PublishingProblem.Code.QUIZ_EMPTY, PublishingProblem.Place.QUIZ, title));
    }
    for (var question : questions) {
      for (var problem : question.publishingProblems()) {
        problems.add(problem.in(PublishingProblem.Place.QUIZ, title));
      }
    }
  }

  private void requireDraft() {
    module.version().requireDraft();
  }

  private static int checkedPassingScore(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("A passing score is between 1 and 100 percent");
    }
    return percent;
  }

  public Long id() {
    return id;
  }

  public String key() {
    return key;
  }

  public URI activityIri() {
    return URI.create(activityIri);
  }

  public String title() {
    return title;
  }

  public int passingScore() {
    return passingScore;
  }

  public AttemptsPolicy attemptsPolicy() {
    return AttemptsPolicy.of(maxAttempts);
  }

  public List<Question> questions() {
    return Collections.unmodifiableList(questions);
  }
}
