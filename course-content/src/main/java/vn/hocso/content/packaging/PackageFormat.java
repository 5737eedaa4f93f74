package vn.hocso.content.packaging;

/** Names shared by the writer and the reader. */
final class PackageFormat {

  static final String FORMAT = "hocso-course-package";
  static final int VERSION = 1;
  static final String COURSE_JSON = "course.json";
  static final String MEDIA_FOLDER = "media/";

  static final String RICH_TEXT = "richText";
  static final String IMAGE = "image";
  static final String VIDEO = "video";
  static final String CALLOUT = "callout";
  static final String INSTRUCTION = "instruction";
  static final String QUESTION = "question";
  static final String EXTERNAL_AU = "externalAu";

  private PackageFormat() {}
}
