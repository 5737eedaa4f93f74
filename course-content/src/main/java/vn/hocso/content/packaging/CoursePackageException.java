package vn.hocso.content.packaging;

/** A course package that cannot be read, with a message naming what is wrong and where. */
public class CoursePackageException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String vietnamese;

  /** A problem with a message for the trainer (Vietnamese) and one for logs (English). */
  public CoursePackageException(String vietnamese, String english) {
    super(english);
    this.vietnamese = vietnamese;
  }

  public CoursePackageException(String vietnamese, String english, Throwable cause) {
    super(english, cause);
    this.vietnamese = vietnamese;
  }

  /** What the trainer reads: names the problem and where, in Vietnamese. */
  public String vietnameseMessage() {
    return vietnamese;
  }
}
