package vn.hocso.content.catalogue;

import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;

/**
 * What a catalogue card shows of a course: its published version. {@code courseId} is the course's
 * (null for a course that was never saved, as in tests).
 */
public record CatalogueCourse(
    Long courseId,
    String activityIri,
    String slug,
    String title,
    String titleEnglish,
    String summary,
    String summaryEnglish,
    Track track,
    Level level,
    Audience audience,
    int estimatedMinutes) {

  static CatalogueCourse of(CourseVersion version) {
    var course = version.course();
    return new CatalogueCourse(
        course.id(),
        course.activityIri().toString(),
        course.slug(),
        version.title(),
        version.titleEnglish(),
        version.summary(),
        version.summaryEnglish(),
        version.track(),
        version.level(),
        version.audience(),
        version.estimatedMinutes());
  }

  /** The title in the visitor's language ("vi" or "en"), Vietnamese when there is no English. */
  public String title(String language) {
    return "en".equals(language) && titleEnglish != null ? titleEnglish : title;
  }

  /** The summary in the visitor's language, Vietnamese when there is no English. */
  public String summary(String language) {
    return "en".equals(language) && summaryEnglish != null ? summaryEnglish : summary;
  }

  public DurationBand durationBand() {
    return DurationBand.of(estimatedMinutes);
  }
}
