package vn.hocso.xapi.client;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import vn.hocso.xapi.client.model.XapiJson;

/**
 * A state or profile document (xAPI 2.0 Part 3 §3): its bytes, their content type and, when read
 * from the LRS, the ETag to write it back with ({@link Precondition#ifMatch}).
 */
public final class Document {

  private final byte[] content;
  private final String contentType;
  private final String etag;
  private final Instant lastModified;

  public Document(byte[] content, String contentType, String etag, Instant lastModified) {
    this.content = content.clone();
    this.contentType = Objects.requireNonNull(contentType);
    this.etag = etag;
    this.lastModified = lastModified;
  }

  /** A JSON document to write. */
  public static Document json(JsonObject json) {
    return new Document(
        json.toString().getBytes(StandardCharsets.UTF_8), "application/json", null, null);
  }

  /** Any content to write. */
  public static Document of(byte[] content, String contentType) {
    return new Document(content, contentType, null, null);
  }

  public byte[] content() {
    return content.clone();
  }

  public String contentType() {
    return contentType;
  }

  /** The ETag the LRS gave, quotes included, when it gave one. */
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  public Optional<Instant> lastModified() {
    return Optional.ofNullable(lastModified);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The content read as a JSON object. */
  public JsonObject asJson() {
    return XapiJson.parseObject(text());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Document d
        && Arrays.equals(content, d.content)
        && contentType.equals(d.contentType)
        && Objects.equals(etag, d.etag)
        && Objects.equals(lastModified, d.lastModified);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(content), contentType, etag, lastModified);
  }

  @Override
  public String toString() {
    return "Document[" + contentType + ", " + content.length + " bytes, etag=" + etag + "]";
  }
}
