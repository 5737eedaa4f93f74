package vn.hocso.lms.accounts.domain;

/** A password or reset code that cannot be accepted; the message is for her, in Vietnamese. */
public class PasswordRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PasswordRejectedException(String message) {
    super(message);
  }
}
