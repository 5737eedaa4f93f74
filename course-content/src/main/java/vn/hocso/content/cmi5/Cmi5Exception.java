package vn.hocso.content.cmi5;

/** A cmi5.xml that cannot be imported, with a message naming the problem and where it is. */
public class Cmi5Exception extends Exception {

  private static final long serialVersionUID = 1L;

  private final String vietnamese;

  /** A problem with a message for the trainer (Vietnamese) and one for logs (English). */
  public Cmi5Exception(String vietnamese, String english) {
    super(english);
    this.vietnamese = vietnamese;
  }

  public Cmi5Exception(String vietnamese, String english, Throwable cause) {
    super(english, cause);
    this.vietnamese = vietnamese;
  }

  /** What the trainer reads: names the problem and where, in Vietnamese. */
  public String vietnameseMessage() {
    return vietnamese;
  }
}
