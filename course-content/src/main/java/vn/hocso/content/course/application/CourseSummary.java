package vn.hocso.content.course.application;

import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.Track;

/** What a catalogue list shows of a course: its published version. {@code id} is the course's. */
public record CourseSummary(
    long id,
    String activityIri,
    String title,
    String titleEnglish,
    String summary,
    Track track,
    int estimatedMinutes) {

  static CourseSummary of(CourseVersion version) {
    return new CourseSummary(
        version.course().id(),
        version.course().activityIri().toString(),
        version.title(),
        version.titleEnglish(),
        version.summary(),
        version.track(),
        version.estimatedMinutes());
  }
}
