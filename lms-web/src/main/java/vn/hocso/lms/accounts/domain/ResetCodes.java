package vn.hocso.lms.accounts.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time reset codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to
 * read out over the phone, about 48 bits of entropy.
 */
final class ResetCodes {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ResetCodes() {}

  static String generate() {
    var code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }

  /** What she typed, without spaces or dashes, in capitals. */
  static String normalise(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}
