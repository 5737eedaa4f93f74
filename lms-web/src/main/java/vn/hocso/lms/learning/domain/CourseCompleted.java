package vn.hocso.lms.learning.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner met the completion rule of a course (docs/XAPI-PROFILE.md: the course's {@code
 * completed} statement). Fired as a CDI event by the learning service in the transaction that
 * queues that statement, so observers (certificates) act in the same transaction or after it.
 *
 * @param personId the learner
 * @param courseIri the course's stable activity id
 * @param courseVersion the version number she completed
 * @param registration her enrolment's xAPI registration
 * @param completedAt when the rule was met
 */
public record CourseCompleted(
    long personId, URI courseIri, int courseVersion, UUID registration, Instant completedAt) {

  public CourseCompleted {
    Objects.requireNonNull(courseIri, "courseIri");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
