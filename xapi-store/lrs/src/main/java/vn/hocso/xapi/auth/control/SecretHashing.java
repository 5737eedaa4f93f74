package vn.hocso.xapi.auth.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets at rest: PBKDF2-HMAC-SHA256 with a random salt, written as {@code
 * pbkdf2-sha256$iterations$salt$hash}. Slow on purpose; {@link ClientRegistry} caches successes so
 * a client pays it once.
 */
public final class SecretHashing {

  static final int ITERATIONS = 210_000; // OWASP 2023 recommendation for PBKDF2-HMAC-SHA256
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretHashing() {}

  public static String hash(String secret) {
    var salt = new byte[16];
    RANDOM.nextBytes(salt);
    return format(ITERATIONS, salt, derive(secret, salt, ITERATIONS));
  }

  public static boolean matches(String secret, String stored) {
    var parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
      return false;
    }
    var iterations = Integer.parseInt(parts[1]);
    var salt = Base64.getDecoder().decode(parts[2]);
    var expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(secret, salt, iterations));
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    var base64 = Base64.getEncoder();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  private static byte[] derive(String secret, byte[] salt, int iterations) {
    try {
      var spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
    }
  }
}
