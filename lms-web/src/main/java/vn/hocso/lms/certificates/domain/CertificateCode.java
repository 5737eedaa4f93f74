package vn.hocso.lms.certificates.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The public code of a certificate: 24 characters of Crockford's base-32 alphabet (lower case, no
 * i, l, o, u), 120 random bits from {@link SecureRandom}. It is safe in a URL and a QR code, and
 * too many to guess: anyone holding the code may see what the verification page shows, nobody can
 * find a certificate without it.
 */
public final class CertificateCode {

  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  public static final int LENGTH = 24;
  private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-hjkmnp-tv-z]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateCode() {}

  public static String random() {
    var code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** Whether the text could be a code at all; anything else is unknown without asking the store. */
  public static boolean isWellFormed(String text) {
    return text != null && WELL_FORMED.matcher(text).matches();
  }
}
