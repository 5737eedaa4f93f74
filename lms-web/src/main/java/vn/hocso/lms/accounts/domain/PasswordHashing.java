package vn.hocso.lms.accounts.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords (and reset codes) are kept as Argon2id hashes with 7 MiB of memory, 5 passes and one
 * lane: one of the equivalent settings of the OWASP Password Storage Cheat Sheet (Argon2id is its
 * first choice) and Keycloak's default. Stored in the PHC string format, {@code
 * $argon2id$v=19$m=7168,t=5,p=1$SALT$KEY} (unpadded Base64), so the settings travel with the hash.
 *
 * <p>Why not PBKDF2 any more: at OWASP's figure for PBKDF2-HMAC-SHA256 (600,000 iterations) a
 * log-in cost ~140–220 ms of CPU on our 2-core machines, the largest single cost of a learner's
 * visit; Argon2id at these settings costs ~25 ms and is memory-hard, which PBKDF2 is not (GPUs and
 * ASICs gain far less against it). Hashes made before (PBKDF2, {@code
 * pbkdf2-sha256:ITERATIONS:SALT: KEY}) still verify at their own iteration count and are made again
 * at the next log-in ({@link #isCurrent}).
 *
 * <p>At most {@link #CONCURRENT_DERIVATIONS} Argon2 derivations run at once, so a burst of log-ins
 * holds a bounded amount of memory (7 MiB each); the rest wait their turn.
 */
public final class PasswordHashing {

  public static final int MEMORY_KIB = 7 * 1024;
  public static final int PASSES = 5;
  public static final int LANES = 1;

  static final int CONCURRENT_DERIVATIONS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private static final String ARGON2ID = "$argon2id$v=19$";
  private static final String PBKDF2 = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Semaphore DERIVATIONS = new Semaphore(CONCURRENT_DERIVATIONS, true);
  private static final byte[] NO_SUCH_ACCOUNT_SALT =
      "-no-such-account".getBytes(StandardCharsets.US_ASCII);

  private PasswordHashing() {}

  public static String hash(char[] password) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("A password cannot be empty");
    }
    var salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    var settings = new Argon2Settings(MEMORY_KIB, PASSES, LANES);
    var encoder = Base64.getEncoder().withoutPadding();
    return ARGON2ID
        + settings
        + "$"
        + encoder.encodeToString(salt)
        + "$"
        + encoder.encodeToString(argon2(password, salt, settings, KEY_BYTES));
  }

  /** Whether the password matches; false for any hash this class did not make. */
  public static boolean matches(char[] password, String storedHash) {
    if (password == null || storedHash == null) {
      return false;
    }
    try {
      if (storedHash.startsWith(ARGON2ID)) {
        var parts = storedHash.substring(ARGON2ID.length()).split("\\$");
        if (parts.length != 3) {
          return false;
        }
        var settings = Argon2Settings.parse(parts[0]);
        var decoder = Base64.getDecoder();
        var salt = decoder.decode(parts[1]);
        var expected = decoder.decode(parts[2]);
        if (settings == null || salt.length < 8 || expected.length < 16) {
          return false;
        }
        // Constant-time comparison, so timing tells nothing of how much matched.
        return MessageDigest.isEqual(expected, argon2(password, salt, settings, expected.length));
      }
      var parts = storedHash.split(":");
      if (parts.length == 4 && PBKDF2.equals(parts[0])) {
        int iterations = Integer.parseInt(parts[1]);
        var decoder = Base64.getDecoder();
        var expected = decoder.decode(parts[3]);
        return iterations > 0
            && iterations <= 10_000_000
            && MessageDigest.isEqual(
                expected, pbkdf2(password, decoder.decode(parts[2]), iterations));
      }
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether a stored hash is made as {@link #hash} makes one today; any other (PBKDF2, weaker
   * settings) is to be made again the next time her password is in hand (at log-in).
   */
  public static boolean isCurrent(String storedHash) {
    if (storedHash == null || !storedHash.startsWith(ARGON2ID)) {
      return false;
    }
    var parts = storedHash.substring(ARGON2ID.length()).split("\\$");
    var settings = parts.length == 3 ? Argon2Settings.parse(parts[0]) : null;
    return settings != null
        && settings.memoryKib() >= MEMORY_KIB
        && settings.passes() >= PASSES
        && settings.lanes() == LANES;
  }

  /**
   * A well-formed hash at today's parameters that belongs to no account (its key is zeros, which no
   * password derives to in practice): a log-in with an unknown name is checked against it, so it
   * costs what a log-in with a wrong password costs and its time tells nothing of which names
   * exist. Built from today's settings, so it follows when they are raised.
   */
  public static final String NO_ACCOUNT_HASH =
      ARGON2ID
          + new Argon2Settings(MEMORY_KIB, PASSES, LANES)
          + "$"
          + Base64.getEncoder().withoutPadding().encodeToString(NO_SUCH_ACCOUNT_SALT)
          + "$"
          + Base64.getEncoder().withoutPadding().encodeToString(new byte[KEY_BYTES]);

  private static byte[] argon2(char[] password, byte[] salt, Argon2Settings settings, int length) {
    var parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(settings.memoryKib())
            .withIterations(settings.passes())
            .withParallelism(settings.lanes())
            .build();
    var generator = new Argon2BytesGenerator();
    generator.init(parameters);
    var key = new byte[length];
    DERIVATIONS.acquireUninterruptibly();
    try {
      generator.generateBytes(password, key);
    } finally {
      DERIVATIONS.release();
    }
    return key;
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    var spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * The {@code m=…,t=…,p=…} part of a PHC string; bounded so a forged hash cannot make the server
   * spend gigabytes or minutes.
   */
  record Argon2Settings(int memoryKib, int passes, int lanes) {

    static Argon2Settings parse(String text) {
      var fields = text.split(",");
      if (fields.length != 3
          || !fields[0].startsWith("m=")
          || !fields[1].startsWith("t=")
          || !fields[2].startsWith("p=")) {
        return null;
      }
      try {
        int memory = Integer.parseInt(fields[0].substring(2));
        int passes = Integer.parseInt(fields[1].substring(2));
        int lanes = Integer.parseInt(fields[2].substring(2));
        boolean sane =
            lanes >= 1
                && lanes <= 4
                && memory >= 8 * lanes
                && memory <= 262_144
                && passes >= 1
                && passes <= 20;
        return sane ? new Argon2Settings(memory, passes, lanes) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return "m=" + memoryKib + ",t=" + passes + ",p=" + lanes;
    }
  }
}
