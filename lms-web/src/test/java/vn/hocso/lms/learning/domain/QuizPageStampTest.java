package vn.hocso.lms.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A quiz page speaks for one registration, version and attempt; a page left open in another tab
 * after a retake, a version migration or the attempt finished elsewhere no longer does.
 */
class QuizPageStampTest {

  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

  private final Enrolment enrolment = new Enrolment(7, 3, 1, NOW);

  @Test
  void aPageSpeaksForTheEnrolmentAndAttemptItWasOpenedFor() {
    var page = QuizPageStamp.of(enrolment, 0);

    assertThat(page.attemptNumber()).isEqualTo(1);
    assertThat(page.isCurrentFor(enrolment, 0)).isTrue();
  }

  @Test
  void aPageOfAnEarlierTakeIsStaleInTheNewTake() {
    var page = QuizPageStamp.of(enrolment, 1);
    var secondTake = enrolment.retake(1, NOW.plusSeconds(60));

    assertThat(page.isCurrentFor(secondTake, 0)).isFalse();
  }

  @Test
  void aPageOfTheVersionSheWasMovedFromIsStale() {
    var page = QuizPageStamp.of(enrolment, 0);
    enrolment.migrateTo(2);

    assertThat(page.isCurrentFor(enrolment, 0)).isFalse();
  }

  @Test
  void aPageWhoseAttemptWasFinishedElsewhereIsStale() {
    var page = QuizPageStamp.of(enrolment, 1); // her second attempt

    assertThat(page.isCurrentFor(enrolment, 1)).isTrue();
    assertThat(page.isCurrentFor(enrolment, 2)).as("the second attempt finished").isFalse();
    assertThat(page.isCurrentFor(enrolment, 3)).isFalse();
  }

  @Test
  void fewerFinishedAttemptsKnownThanWhenThePageBeganIsNoReasonToRefuse() {
    // Her records are incomplete while the LRS is away: the page knew of one finished attempt.
    var page = QuizPageStamp.of(enrolment, 1);

    assertThat(page.isCurrentFor(enrolment, 0)).isTrue();
  }

  @Test
  void theSittingRemembersTheMostFinishedAttemptsPerQuiz() {
    var sitting =
        new Sitting(
            "account",
            enrolment.registration(),
            java.net.URI.create("https://hocso.vn/xapi/activities/course/c"),
            1,
            NOW);
    assertThat(sitting.attemptsFinished("quiz")).isZero();

    sitting.attemptsFinished("quiz", 2);
    sitting.attemptsFinished("quiz", 1); // a page that read fewer does not take it back

    assertThat(sitting.attemptsFinished("quiz")).isEqualTo(2);
    assertThat(sitting.attemptsFinished("other")).isZero();
  }
}
