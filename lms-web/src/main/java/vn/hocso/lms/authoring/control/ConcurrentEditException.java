package vn.hocso.lms.authoring.control;

/**
 * Someone else saved the course after the caller's page loaded it: saving now would silently
 * overwrite her work, so the save is refused and the page shows the course as it is now.
 */
public class ConcurrentEditException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentEditException(long courseId, long seen, long now) {
    super(
        "Course "
            + courseId
            + " was changed by someone else (revision "
            + now
            + ", the page showed "
            + seen
            + ")");
  }
}
