package vn.hocso.lms.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP Password Storage Cheat Sheet, 2023, for
 * PBKDF2-HMAC-SHA256), a 16-byte random salt and a 32-byte key, stored as {@code
 * pbkdf2-sha256:ITERATIONS:SALT:KEY} (Base64). The iteration count is kept in the hash, so hashes
 * made with fewer iterations still verify and are made again at log-in ({@link #isCurrent}); until
 * session 7 they were made with 210,000, OWASP's figure for PBKDF2-HMAC-SHA512, not SHA-256.
 */
public final class PasswordHashing {

  public static final int ITERATIONS = 600_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashing() {}

  public static String hash(char[] password) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("A password cannot be empty");
    }
    var salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    var encoder = Base64.getEncoder();
    return String.join(
        ":",
        PREFIX,
        Integer.toString(ITERATIONS),
        encoder.encodeToString(salt),
        encoder.encodeToString(derive(password, salt, ITERATIONS)));
  }

  /** Whether the password matches; false for any hash this class did not make. */
  public static boolean matches(char[] password, String storedHash) {
    if (password == null || storedHash == null) {
      return false;
    }
    var parts = storedHash.split(":");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      var decoder = Base64.getDecoder();
      var salt = decoder.decode(parts[2]);
      var expected = decoder.decode(parts[3]);
      // Constant-time comparison, so timing tells nothing of how much matched.
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether a stored hash is made as {@link #hash} makes one today; one made with fewer iterations
   * is to be made again the next time her password is in hand (at log-in).
   */
  public static boolean isCurrent(String storedHash) {
    if (storedHash == null) {
      return false;
    }
    var parts = storedHash.split(":");
    try {
      return parts.length == 4
          && PREFIX.equals(parts[0])
          && Integer.parseInt(parts[1]) >= ITERATIONS;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * A well-formed hash at today's parameters that belongs to no account (its key is zeros, which no
   * password derives to in practice): a log-in with an unknown name is checked against it, so it
   * costs what a log-in with a wrong password costs and its time tells nothing of which names
   * exist. Built from {@link #ITERATIONS}, so it follows when they are raised.
   */
  public static final String NO_ACCOUNT_HASH =
      String.join(
          ":",
          PREFIX,
          Integer.toString(ITERATIONS),
          Base64.getEncoder()
              .encodeToString("-no-such-account".getBytes(StandardCharsets.US_ASCII)),
          Base64.getEncoder().encodeToString(new byte[KEY_BITS / 8]));

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    var spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
