package vn.hocso.lms.authoring.control;

import java.time.Instant;

/** A version waiting in the review queue: which course, who wrote it, when it was submitted. */
public record ReviewItem(
    long courseId,
    String title,
    int versionNumber,
    String authorName,
    String submittedBy,
    Instant submittedAt,
    boolean hasPublishedVersion) {}
