package vn.hocso.lms.learning.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * What a quiz page was opened for: her registration (the take), the course version she was on and
 * the number of the attempt the page began (1 for her first). An answer or "next question" from
 * that page is for that attempt only: after she took the course again, an officer moved her to a
 * later version, or the attempt was finished in another tab, the page is stale, and what it sends
 * must not land in the new registration, version or attempt (a later version's quiz may not even
 * have the question).
 */
public record QuizPageStamp(UUID registration, int versionNumber, int attemptNumber)
    implements Serializable {

  public QuizPageStamp {
    Objects.requireNonNull(registration, "registration");
    if (versionNumber < 1 || attemptNumber < 1) {
      throw new IllegalArgumentException(
          "A version and an attempt number start at 1: " + versionNumber + ", " + attemptNumber);
    }
  }

  /** A page opened on this enrolment after {@code attemptsFinished} finished attempts. */
  public static QuizPageStamp of(Enrolment enrolment, int attemptsFinished) {
    return new QuizPageStamp(
        enrolment.registration(), enrolment.versionNumber(), attemptsFinished + 1);
  }

  /**
   * True while the page still speaks for her enrolment as it is now: the same registration, the
   * same version, and its attempt not finished yet. {@code attemptsFinished} is what is known of
   * her finished attempts at the quiz; known fewer than when the page began (her records incomplete
   * while the LRS is away) is no reason to refuse.
   */
  public boolean isCurrentFor(Enrolment enrolment, int attemptsFinished) {
    return registration.equals(enrolment.registration())
        && versionNumber == enrolment.versionNumber()
        && attemptsFinished < attemptNumber;
  }
}
