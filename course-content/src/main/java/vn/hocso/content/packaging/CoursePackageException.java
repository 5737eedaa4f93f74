package vn.hocso.content.packaging;

/** A course package that cannot be read, with a message naming what is wrong and where. */
public class CoursePackageException extends Exception {

  private static final long serialVersionUID = 1L;

  public CoursePackageException(String message) {
    super(message);
  }

  public CoursePackageException(String message, Throwable cause) {
    super(message, cause);
  }
}
