package vn.hocso.content.course.domain;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the stable xAPI activity ids of course content. An id never changes once a course is
 * created, so statements of every version of a course count together (xAPI 2.0 Part 2 §2.4.4.1: an
 * activity id is unique and permanent).
 *
 * <p>A course is named by its slug; a module, lesson, quiz or question by the course slug and a key
 * unique among the items of its kind in the course. Keys are copied into every new version, so the
 * lesson "quet-ma" of version 1 and of version 2 is one activity.
 */
public final class ActivityIri {

  /** The base under which every activity of the platform is named. */
  public static final String BASE = "https://hocso.vn/xapi/activities/";

  /** The prefix of every course activity id. */
  public static final String COURSE_PREFIX = BASE + "course/";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final int MAX_SLUG_LENGTH = 80;

  private ActivityIri() {}

  /** The activity id of a course, from its slug (lower-case ASCII words joined by hyphens). */
  public static URI ofCourse(String slug) {
    return URI.create(COURSE_PREFIX + requireSlug(slug, "course slug"));
  }

  /** The activity id of a module of a course. */
  public static URI ofModule(String courseSlug, String moduleKey) {
    return within(courseSlug, "module", moduleKey);
  }

  /** The activity id of a lesson of a course. */
  public static URI ofLesson(String courseSlug, String lessonKey) {
    return within(courseSlug, "lesson", lessonKey);
  }

  /** The activity id of a quiz of a course. */
  public static URI ofQuiz(String courseSlug, String quizKey) {
    return within(courseSlug, "quiz", quizKey);
  }

  /** The activity id of a question, in a quiz or embedded in a lesson. */
  public static URI ofQuestion(String courseSlug, String questionKey) {
    return within(courseSlug, "question", questionKey);
  }

  /** The slug of a course activity id. */
  public static String courseSlugOf(URI courseIri) {
    var text = courseIri.toString();
    if (!text.startsWith(COURSE_PREFIX)) {
      throw new IllegalArgumentException("Not a course activity id: " + courseIri);
    }
    return requireSlug(text.substring(COURSE_PREFIX.length()), "course slug");
  }

  /**
   * A slug made from a Vietnamese or English title: diacritics dropped (đ becomes d), lower case,
   * words joined by hyphens; "Quét mã QR" gives "quet-ma-qr". Empty titles give "muc".
   */
  public static String slugFrom(String title) {
    var text = title == null ? "" : title.replace('đ', 'd').replace('Đ', 'D');
    var ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > MAX_SLUG_LENGTH) {
      ascii = ascii.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "muc" : ascii;
  }

  /** Checks a slug or key: lower-case ASCII words joined by hyphens. */
  public static String requireSlug(String slug, String what) {
    if (slug == null || slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "A " + what + " is lower-case ASCII words joined by hyphens, not: " + slug);
    }
    return slug;
  }

  private static URI within(String courseSlug, String kind, String key) {
    return URI.create(ofCourse(courseSlug) + "/" + kind + "/" + requireSlug(key, kind + " key"));
  }
}
