package vn.hocso.xapi.statements.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw data of one attachment, as sent in a part of a multipart/mixed request (xAPI 2.0 Part 3
 * §1.5.2) and kept once per hash. {@code sha2} is lower-case hex of SHA-256, SHA-384 or SHA-512
 * (xAPI 2.0 Part 2 §2.4.11 allows any SHA-2); the length of the hex tells which.
 */
public record AttachmentData(String sha2, String contentType, byte[] content) {

  public AttachmentData {
    Objects.requireNonNull(sha2);
    Objects.requireNonNull(contentType);
    Objects.requireNonNull(content);
    sha2 = sha2.toLowerCase(Locale.ROOT);
  }

  /** The SHA-2 digest of {@code content} in the variant that a hash of this length names. */
  public static Optional<String> digest(String sha2, byte[] content) {
    var algorithm =
        switch (sha2.length()) {
          case 64 -> "SHA-256";
          case 96 -> "SHA-384";
          case 128 -> "SHA-512";
          default -> null;
        };
    if (algorithm == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }

  /** Whether {@code content} really has the hash {@code sha2}. */
  public boolean hashMatches() {
    return digest(sha2, content).map(sha2::equals).orElse(false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttachmentData that
        && sha2.equals(that.sha2)
        && contentType.equals(that.contentType)
        && java.util.Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return sha2.hashCode();
  }

  @Override
  public String toString() {
    return "AttachmentData[" + sha2 + ", " + contentType + ", " + content.length + " bytes]";
  }
}
