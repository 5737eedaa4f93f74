package vn.hocso.lms.accounts.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Passwords checked lately, so a JSON API client that sends HTTP Basic with every call does not pay
 * the slow hash (Argon2id, ~25 ms of CPU and 7 MiB) each time, as the LRS remembers its clients'
 * secrets. What is kept is a SHA-256 of the username, the password and the stored hash it matched,
 * never the password: a changed password (a new stored hash) or another password never matches an
 * entry, and entries end after a few minutes. Only successful checks are remembered; a wrong
 * password always goes through the slow hash and the login throttle.
 */
final class RecentPasswords {

  static final Duration REMEMBERED = Duration.ofMinutes(5);
  static final int MAX_REMEMBERED = 10_000;

  private final ConcurrentHashMap<String, Long> untilNanos = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  RecentPasswords() {
    this(System::nanoTime);
  }

  RecentPasswords(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Whether this password matched this stored hash for this username a short while ago. */
  boolean matchedLately(String username, String password, String storedHash) {
    var until = untilNanos.get(key(username, password, storedHash));
    return until != null && until - nanoTime.getAsLong() > 0;
  }

  /** Remembers that the password matched the stored hash. */
  void matched(String username, String password, String storedHash) {
    if (untilNanos.size() >= MAX_REMEMBERED) {
      untilNanos.clear(); // crude bound; each client then pays one slow hash again
    }
    untilNanos.put(
        key(username, password, storedHash), nanoTime.getAsLong() + REMEMBERED.toNanos());
  }

  private static String key(String username, String password, String storedHash) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var part : new String[] {username, password, storedHash}) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
