package vn.hocso.content.course.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A question in a quiz or a lesson, with feedback for each option and for a right or wrong answer.
 * A question is a value once made: to edit one, replace it (it keeps its key and activity IRI). A
 * draft may hold a question without a right answer yet; publishing does not allow it.
 */
@Entity
@Table(name = "question")
public class Question {

  private static final int MAX_OPTIONS = 10;

  @Id
  @TableGenerator(
      name = "question_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "question",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "question_ids")
  private Long id;

  /** The quiz it belongs to, or null for a question embedded in a lesson. */
  @ManyToOne
  @JoinColumn(name = "quiz_id")
  private Quiz quiz;

  @Column(nullable = false)
  private int position;

  @Column(name = "content_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "activity_iri", nullable = false, updatable = false)
  private String activityIri;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private QuestionKind kind;

  @Column(nullable = false, length = 2000)
  private String prompt;

  @ElementCollection
  @CollectionTable(name = "answer_option", joinColumns = @JoinColumn(name = "question_id"))
  @OrderColumn(name = "position")
  private List<AnswerOption> options = new ArrayList<>();

  @Column(name = "feedback_correct", length = 1000)
  private String feedbackWhenRight;

  @Column(name = "feedback_incorrect", length = 1000)
  private String feedbackWhenWrong;

  protected Question() {
    // for JPA
  }

  /**
   * A question of any kind. Options without a key get a, b, c… by position. The key (and activity
   * IRI) is given when the question is placed in a quiz or lesson, from {@code key} if not null.
   */
  public Question(
      String key,
      QuestionKind kind,
      String prompt,
      List<AnswerOption> options,
      String feedbackWhenRight,
      String feedbackWhenWrong) {
    this.key = key == null ? null : ActivityIri.requireSlug(key, "question key");
    this.kind = Objects.requireNonNull(kind, "A question has a kind");
    this.prompt = Text.required(prompt, 2000, "A question");
    this.feedbackWhenRight = Text.optional(feedbackWhenRight, 1000, "Feedback for a right answer");
    this.feedbackWhenWrong = Text.optional(feedbackWhenWrong, 1000, "Feedback for a wrong answer");
    if (options == null || options.size() < 2) {
      throw new IllegalArgumentException("A question has at least two options");
    }
    if (options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException("A question has at most " + MAX_OPTIONS + " options");
    }
    if (kind == QuestionKind.TRUE_FALSE && options.size() != 2) {
      throw new IllegalArgumentException("A true/false question has exactly two options");
    }
    var keys = new HashSet<String>();
    for (int i = 0; i < options.size(); i++) {
      var option = options.get(i);
      var withKey =
          option.key() == null ? option.withKey(String.valueOf((char) ('a' + i))) : option;
      if (!keys.add(withKey.key())) {
        throw new IllegalArgumentException(
            "Two options of a question share the key " + withKey.key());
      }
      this.options.add(withKey);
    }
  }

  /** One right option among several. */
  public static Question singleChoice(String prompt, List<AnswerOption> options) {
    return new Question(null, QuestionKind.SINGLE_CHOICE, prompt, options, null, null);
  }

  /** Several right options: all of them, and no other, must be chosen. */
  public static Question multipleChoice(String prompt, List<AnswerOption> options) {
    return new Question(null, QuestionKind.MULTIPLE_CHOICE, prompt, options, null, null);
  }

  /** A statement that is true or false; options "Đúng" (a) and "Sai" (b). */
  public static Question trueFalse(
      String statement, boolean isTrue, String feedbackIfTrueChosen, String feedbackIfFalseChosen) {
    return new Question(
        null,
        QuestionKind.TRUE_FALSE,
        statement,
        List.of(
            new AnswerOption("Đúng", isTrue, feedbackIfTrueChosen),
            new AnswerOption("Sai", !isTrue, feedbackIfFalseChosen)),
        null,
        null);
  }

  /** Items to put in order, written here in the right order. */
  public static Question ordering(
      String prompt,
      List<String> itemsInRightOrder,
      String feedbackWhenRight,
      String feedbackWhenWrong) {
    return new Question(
        null,
        QuestionKind.ORDERING,
        prompt,
        itemsInRightOrder.stream().map(AnswerOption::item).toList(),
        feedbackWhenRight,
        feedbackWhenWrong);
  }

  /** The same question, not yet in any quiz or lesson, keeping its key and activity IRI. */
  Question copy() {
    var copy = new Question(key, kind, prompt, options, feedbackWhenRight, feedbackWhenWrong);
    copy.activityIri = activityIri;
    copy.position = position;
    return copy;
  }

  void name(String newKey, String courseSlug) {
    this.key = newKey;
    this.activityIri = ActivityIri.ofQuestion(courseSlug, newKey).toString();
  }

  /** Takes the key and activity IRI of the question it replaces. */
  void keep(Question replaced) {
    this.key = replaced.key;
    this.activityIri = replaced.activityIri;
  }

  void placeIn(Quiz quiz, int position) {
    this.quiz = quiz;
    this.position = position;
  }

  void placeAt(int position) {
    this.position = position;
  }

  /** What stops this question from being published, in English. */
  List<String> problems() {
    return publishingProblems().stream().map(PublishingProblem::english).toList();
  }

  /** What stops this question from being published. */
  List<PublishingProblem> publishingProblems() {
    var problems = new ArrayList<PublishingProblem>();
    var right = options.stream().filter(AnswerOption::isCorrect).count();
    switch (kind) {
      case SINGLE_CHOICE, TRUE_FALSE -> {
        if (right == 0) {
          problems.add(
              PublishingProblem.ofQuestion(
                  PublishingProblem.Code.QUESTION_NO_RIGHT_ANSWER, prompt, 0));
        } else if (right > 1) {
          problems.add(
              PublishingProblem.ofQuestion(
                  PublishingProblem.Code.QUESTION_SEVERAL_RIGHT, prompt, right));
        }
      }
      case MULTIPLE_CHOICE -> {
        if (right == 0) {
          problems.add(
              PublishingProblem.ofQuestion(
                  PublishingProblem.Code.QUESTION_NO_RIGHT_ANSWER, prompt, 0));
        }
      }
      case ORDERING -> {
        // the written order is the answer
      }
    }
    return problems;
  }

  /** Marks a learner's response: right or wrong, and what to tell her. */
  public QuestionResult mark(Response response) {
    var chosen = response == null ? List.<String>of() : response.optionKeys();
    for (var chosenKey : chosen) {
      option(chosenKey);
    }
    var right = isRight(chosen);
    var feedback = new ArrayList<String>();
    if (kind != QuestionKind.ORDERING) {
      for (var chosenKey : new java.util.LinkedHashSet<>(chosen)) {
        var text = option(chosenKey).feedback();
        if (text != null) {
          feedback.add(text);
        }
      }
    }
    var general = right ? feedbackWhenRight : feedbackWhenWrong;
    if (general != null) {
      feedback.add(general);
    }
    return new QuestionResult(key, activityIri(), right, feedback);
  }

  private boolean isRight(List<String> chosen) {
    return switch (kind) {
      case SINGLE_CHOICE, TRUE_FALSE -> chosen.size() == 1 && option(chosen.get(0)).isCorrect();
      case MULTIPLE_CHOICE -> Set.copyOf(chosen).equals(rightKeys()) && !chosen.isEmpty();
      case ORDERING -> chosen.equals(options.stream().map(AnswerOption::key).toList());
    };
  }

  private Set<String> rightKeys() {
    return options.stream()
        .filter(AnswerOption::isCorrect)
        .map(AnswerOption::key)
        .collect(Collectors.toSet());
  }

  private AnswerOption option(String optionKey) {
    return options.stream()
        .filter(o -> o.key().equals(optionKey))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Question " + key + " has no option " + optionKey));
  }

  public Long id() {
    return id;
  }

  /** The quiz it belongs to, or null when it is embedded in a lesson. */
  public Quiz quiz() {
    return quiz;
  }

  public int position() {
    return position;
  }

  /** Its key in the course, or null before it is placed in a quiz or lesson. */
  public String key() {
    return key;
  }

  public URI activityIri() {
    return activityIri == null ? null : URI.create(activityIri);
  }

  public QuestionKind kind() {
    return kind;
  }

  public String prompt() {
    return prompt;
  }

  public List<AnswerOption> options() {
    return List.copyOf(options);
  }

  public String feedbackWhenRight() {
    return feedbackWhenRight;
  }

  public String feedbackWhenWrong() {
    return feedbackWhenWrong;
  }
}
