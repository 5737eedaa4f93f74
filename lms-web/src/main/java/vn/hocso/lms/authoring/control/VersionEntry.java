package vn.hocso.lms.authoring.control;

import java.time.Instant;
import java.util.List;
import vn.hocso.content.authoring.Change;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.lms.authoring.domain.AuthoringAction;

/**
 * One version in a course's history: its state, what changed from the one before, what happened.
 */
public record VersionEntry(
    int number,
    VersionStatus status,
    Instant createdAt,
    Instant publishedAt,
    List<Change> changes,
    List<Event> events) {

  /** One step in the life of the version. */
  public record Event(AuthoringAction action, String actorName, Instant at, String comment) {}
}
