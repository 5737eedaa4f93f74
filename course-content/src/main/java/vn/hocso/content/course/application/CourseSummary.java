package vn.hocso.content.course.application;

import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.Track;

/** What a catalogue list shows of a course. */
public record CourseSummary(
    long id,
    String activityIri,
    String title,
    String titleEnglish,
    String summary,
    Track track,
    int estimatedMinutes) {

  static CourseSummary of(Course course) {
    return new CourseSummary(
        course.id(),
        course.activityIri().toString(),
        course.title(),
        course.titleEnglish(),
        course.summary(),
        course.track(),
        course.estimatedMinutes());
  }
}
