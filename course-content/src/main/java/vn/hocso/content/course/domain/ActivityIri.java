package vn.hocso.content.course.domain;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Builds the stable xAPI activity ids of course content. An id never changes once a course is
 * created, so statements of every version of a course count together (xAPI 2.0 Part 2 §2.4.4.1: an
 * activity id is unique and permanent).
 */
public final class ActivityIri {

  /** The base under which every activity of the platform is named. */
  public static final String BASE = "https://hocso.vn/xapi/activities/";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private ActivityIri() {}

  /** The activity id of a course, from its slug (lower-case ASCII words joined by hyphens). */
  public static URI ofCourse(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "A course slug is lower-case ASCII words joined by hyphens, not: " + slug);
    }
    return URI.create(BASE + "course/" + slug);
  }
}
