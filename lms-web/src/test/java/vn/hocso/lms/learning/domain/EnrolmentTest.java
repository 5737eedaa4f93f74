package vn.hocso.lms.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Taking a course again is a new enrolment: the next take, a new registration. */
class EnrolmentTest {

  @Test
  void aRetakeIsTheNextTakeWithANewRegistrationInTheVersionPublishedNow() {
    var first = new Enrolment(7, 3, 1, Instant.parse("2026-01-05T02:00:00Z"));
    var second = first.retake(2, Instant.parse("2026-03-09T02:00:00Z"));
    var third = second.retake(2, Instant.parse("2026-04-01T02:00:00Z"));

    assertThat(first.takeNumber()).isEqualTo(1);
    assertThat(second.takeNumber()).isEqualTo(2);
    assertThat(third.takeNumber()).isEqualTo(3);
    assertThat(second.personId()).isEqualTo(7);
    assertThat(second.courseId()).isEqualTo(3);
    assertThat(second.versionNumber()).isEqualTo(2);
    assertThat(second.enrolledAt()).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));
    assertThat(second.registration())
        .isNotEqualTo(first.registration())
        .isNotEqualTo(third.registration());
  }
}
