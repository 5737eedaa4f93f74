package vn.hocso.xapi.documents.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One document as stored: its bytes, the Content-Type it came with (answered unchanged), its ETag
 * and when it last changed (epoch microseconds).
 */
public record Document(byte[] content, String contentType, String etag, long updatedMicros) {

  public static final String JSON = "application/json";

  public Document {
    Objects.requireNonNull(content);
    Objects.requireNonNull(contentType);
    Objects.requireNonNull(etag);
  }

  /** A document with its ETag computed from its content. */
  public static Document of(byte[] content, String contentType, long updatedMicros) {
    return new Document(content, contentType, etagOf(content), updatedMicros);
  }

  /**
   * The SHA-1 of the content in hexadecimal (xAPI 1.0.3 §6.3 requires SHA-1; 2.0 Part 3 §1.3 keeps
   * it; the conformance suite checks for 40 hex digits).
   */
  public static String etagOf(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java", e);
    }
  }

  /** Whether a Content-Type names JSON (parameters such as charset aside). */
  public static boolean isJsonType(String contentType) {
    if (contentType == null) {
      return false;
    }
    var semicolon = contentType.indexOf(';');
    var type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals(JSON);
  }

  public boolean isJson() {
    return isJsonType(contentType);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
