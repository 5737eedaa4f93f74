package vn.hocso.content.course.domain;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * When a learner has completed a course: every lesson seen, every quiz passed at its passing score,
 * or both. A rule must ask for something.
 */
@Embeddable
public class CompletionRule {

  private boolean allLessonsSeen;

  private boolean allQuizzesPassed;

  protected CompletionRule() {
    // for JPA
  }

  public CompletionRule(boolean allLessonsSeen, boolean allQuizzesPassed) {
    if (!allLessonsSeen && !allQuizzesPassed) {
      throw new IllegalArgumentException(
          "A completion rule asks for all lessons seen, all quizzes passed, or both");
    }
    this.allLessonsSeen = allLessonsSeen;
    this.allQuizzesPassed = allQuizzesPassed;
  }

  /** The usual rule: every lesson seen and every quiz passed. */
  public static CompletionRule allLessonsSeenAndQuizzesPassed() {
    return new CompletionRule(true, true);
  }

  public boolean allLessonsSeen() {
    return allLessonsSeen;
  }

  public boolean allQuizzesPassed() {
    return allQuizzesPassed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompletionRule rule
        && rule.allLessonsSeen == allLessonsSeen
        && rule.allQuizzesPassed == allQuizzesPassed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(allLessonsSeen, allQuizzesPassed);
  }

  @Override
  public String toString() {
    return "CompletionRule[allLessonsSeen="
        + allLessonsSeen
        + ", allQuizzesPassed="
        + allQuizzesPassed
        + "]";
  }
}
