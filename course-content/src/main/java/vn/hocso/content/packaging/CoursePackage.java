package vn.hocso.content.packaging;

import java.util.Map;
import vn.hocso.content.course.domain.Course;

/**
 * A course read from a package: a new course whose only version is a draft, and the media files, by
 * reference ({@code media/…}), for the caller to store. Nothing is persisted by reading.
 */
public record CoursePackage(Course course, Map<String, byte[]> media) {

  public CoursePackage {
    media = Map.copyOf(media);
  }
}
