package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One option of a question, with the feedback a learner sees when she chooses it. For an ordering
 * question the options are the items, written in the right order, and {@code correct} is unused.
 */
@Embeddable
public class AnswerOption {

  @Column(name = "option_key", nullable = false, length = 16)
  private String key;

  @Column(name = "option_text", nullable = false, length = 1000)
  private String text;

  @Column(nullable = false)
  private boolean correct;

  @Column(length = 1000)
  private String feedback;

  protected AnswerOption() {
    // for JPA
  }

  /** An option whose key is given when it is placed in a question (a, b, c…). */
  public AnswerOption(String text, boolean correct, String feedback) {
    this(null, text, correct, feedback);
  }

  /** An option with a key of its own (lower-case letters and digits, at most 16). */
  public AnswerOption(String key, String text, boolean correct, String feedback) {
    if (key != null && !key.matches("[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException(
          "An option key is lower-case letters and digits, not: " + key);
    }
    this.key = key;
    this.text = Text.required(text, 1000, "An answer option's text");
    this.correct = correct;
    this.feedback = Text.optional(feedback, 1000, "An answer option's feedback");
  }

  /** A right option. */
  public static AnswerOption right(String text, String feedback) {
    return new AnswerOption(text, true, feedback);
  }

  /** A wrong option. */
  public static AnswerOption wrong(String text, String feedback) {
    return new AnswerOption(text, false, feedback);
  }

  /** An item of an ordering question. */
  public static AnswerOption item(String text) {
    return new AnswerOption(text, false, null);
  }

  AnswerOption withKey(String newKey) {
    return new AnswerOption(newKey, text, correct, feedback);
  }

  public String key() {
    return key;
  }

  public String text() {
    return text;
  }

  public boolean isCorrect() {
    return correct;
  }

  /** What a learner who chose this option is told, or null. */
  public String feedback() {
    return feedback;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnswerOption option
        && Objects.equals(option.key, key)
        && option.text.equals(text)
        && option.correct == correct
        && Objects.equals(option.feedback, feedback);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, text, correct, feedback);
  }

  @Override
  public String toString() {
    return "AnswerOption[" + key + ", " + text + (correct ? ", correct" : "") + "]";
  }
}
