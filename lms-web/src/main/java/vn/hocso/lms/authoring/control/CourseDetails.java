package vn.hocso.lms.authoring.control;

import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;

/** What the course form edits: title, summary, track, level and length. */
public record CourseDetails(
    String title,
    String titleEnglish,
    String summary,
    String summaryEnglish,
    Track track,
    Level level,
    int estimatedMinutes) {}
