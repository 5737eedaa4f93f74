package vn.hocso.lms.accounts.domain;

/**
 * How a password is checked against a stored hash: {@link #HASHING} ({@link PasswordHashing}) is
 * the one the platform uses. A seam so a test can see which hashes a log-in checked, and how many.
 */
@FunctionalInterface
public interface PasswordCheck {

  PasswordCheck HASHING = PasswordHashing::matches;

  /** Whether the password matches the hash; false for a hash that is not well formed. */
  boolean matches(char[] password, String storedHash);
}
