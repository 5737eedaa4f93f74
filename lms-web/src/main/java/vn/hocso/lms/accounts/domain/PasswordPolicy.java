package vn.hocso.lms.accounts.domain;

import java.util.Locale;

/**
 * What a password must be: at least 8 characters (NIST SP 800-63B: length, not composition rules,
 * which push people to write passwords down), at most 128, and not the username.
 */
public final class PasswordPolicy {

  public static final int MINIMUM_LENGTH = 8;
  public static final int MAXIMUM_LENGTH = 128;

  private PasswordPolicy() {}

  /** Returns the password if acceptable, else throws with a message for her. */
  public static char[] check(char[] password, String username) {
    if (password == null || password.length < MINIMUM_LENGTH) {
      throw new PasswordRejectedException("Mật khẩu cần ít nhất " + MINIMUM_LENGTH + " ký tự.");
    }
    if (password.length > MAXIMUM_LENGTH) {
      throw new PasswordRejectedException("Mật khẩu dài tối đa " + MAXIMUM_LENGTH + " ký tự.");
    }
    if (new String(password).strip().toLowerCase(Locale.ROOT).equals(username)) {
      throw new PasswordRejectedException("Mật khẩu không được trùng tên đăng nhập.");
    }
    return password;
  }
}
