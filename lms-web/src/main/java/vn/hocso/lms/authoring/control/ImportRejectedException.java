package vn.hocso.lms.authoring.control;

/**
 * A course package or cmi5.xml that cannot be imported; the messages name the problem and its place
 * (a JSON path, an AU id or a line), in Vietnamese for the trainer and in English for logs. Nothing
 * was stored.
 */
public class ImportRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String vietnamese;

  public ImportRejectedException(String vietnamese, String english, Throwable cause) {
    super(english, cause);
    this.vietnamese = vietnamese;
  }

  public String vietnameseMessage() {
    return vietnamese;
  }
}
