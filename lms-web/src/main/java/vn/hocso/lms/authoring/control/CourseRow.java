package vn.hocso.lms.authoring.control;

import java.time.Instant;
import vn.hocso.content.course.domain.VersionStatus;

/**
 * A course in "my courses": its title, the status of its latest version and whether learners can
 * see a published version of it.
 */
public record CourseRow(
    long courseId,
    String title,
    int latestVersion,
    VersionStatus latestStatus,
    boolean published,
    String ownerName,
    Instant changedAt) {}
