package vn.hocso.content.cmi5;

/** A cmi5.xml that cannot be imported, with a message naming the problem and where it is. */
public class Cmi5Exception extends Exception {

  private static final long serialVersionUID = 1L;

  public Cmi5Exception(String message) {
    super(message);
  }

  public Cmi5Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
