package vn.hocso.lms.learning.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.content.course.application.QuestionView;
import vn.hocso.content.course.domain.QuestionResult;
import vn.hocso.lms.learning.domain.CoursePath;
import vn.hocso.lms.learning.domain.QuizPageStamp;

/** The records the learning service hands to pages: no entity leaves it. */
public final class LearningViews {

  private LearningViews() {}

  /**
   * Her standing in a course, for the course page; empty enrolment when she has none. {@code take}
   * is 1 for her first enrolment, 2 when she takes the course again, … (0 when not enrolled).
   */
  public record Standing(
      boolean canLearn,
      boolean enrolled,
      CoursePath path,
      Optional<CoursePath.Step> resume,
      boolean completed,
      boolean progressComplete,
      int take) {}

  /** A lesson in the player. */
  public record LessonPage(
      String courseTitle,
      LessonView lesson,
      CoursePath path,
      CoursePath.Step step,
      Optional<CoursePath.Step> previous,
      Optional<CoursePath.Step> next,
      boolean courseCompleted,
      boolean progressComplete) {}

  /**
   * A quiz in the player: its questions without their answers being shown, and the {@code stamp}
   * (registration, version, attempt) its answers must carry back.
   */
  public record QuizPage(
      QuizPageStamp stamp,
      String courseTitle,
      String quizKey,
      String title,
      int passingScore,
      List<QuestionView> questions,
      int attemptsUsed,
      Integer maxAttempts,
      boolean passed,
      int bestScore,
      boolean canAttempt,
      Optional<CoursePath.Step> next,
      boolean courseCompleted) {}

  /**
   * What answering one question gave: its feedback, and the attempt's result once all are in. The
   * attempt's result, her attempts used, whether she may retry and whether the course is completed
   * are known only when the answer finished the attempt ({@code attemptFinished}).
   */
  public record AnswerOutcome(
      QuestionResult question,
      boolean attemptFinished,
      int scorePercent,
      boolean passed,
      int attemptsUsed,
      boolean canRetry,
      boolean courseCompleted) {

    /** An answer inside an attempt: its feedback only. */
    public static AnswerOutcome inAttempt(QuestionResult question) {
      return new AnswerOutcome(question, false, 0, false, 0, false, false);
    }
  }

  /** One course on "my learning" and the home page. */
  public record CourseProgress(
      long courseId,
      String title,
      int versionNumber,
      Instant enrolledAt,
      int percentDone,
      boolean completed,
      boolean passed,
      Optional<CoursePath.Step> resume,
      List<HistoryLine> history,
      int take) {}

  /** One line of her history: when, what she did (a verb key), to what. */
  public record HistoryLine(Instant at, String verbKey, String what) {}

  /** A course recommended to her. */
  public record Recommendation(long courseId, String title, String summary, int minutes) {}
}
