package vn.hocso.xapi.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import vn.hocso.xapi.client.model.Attachment;
import vn.hocso.xapi.client.model.LanguageMap;

/**
 * The data of an attachment, sent with its statement in a multipart/mixed request (xAPI 2.0 Part 3
 * §1.5.2) and read back with {@code attachments=true}. It is matched to the statement's {@link
 * Attachment} by its SHA-256 hash.
 */
public record AttachmentContent(String contentType, byte[] content) {

  public AttachmentContent {
    Objects.requireNonNull(contentType, "contentType");
    content = Objects.requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The lower-case hex SHA-256 of the content, as {@code sha2} and X-Experience-API-Hash. */
  public String sha2() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The statement's metadata for this content: its type, length and hash filled in. */
  public Attachment describedAs(String usageType, LanguageMap display, LanguageMap description) {
    return new Attachment(
        usageType, display, description, contentType, content.length, sha2(), null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttachmentContent that
        && contentType.equals(that.contentType)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return 31 * contentType.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "AttachmentContent[" + contentType + ", " + content.length + " bytes]";
  }
}
