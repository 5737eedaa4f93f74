package vn.hocso.xapi.documents.entity;

import java.util.Arrays;
import java.util.Optional;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.PreconditionFailedException;

/**
 * The concurrency headers of a write (xAPI 2.0 Part 3 §1.3 "Concurrency", RFC 9110 §13.1; 1.0.3
 * §6.3): If-Match must name the current ETag (or be {@code *} and a document exist), If-None-Match
 * must not ({@code *}: no document may exist); otherwise 412 and nothing changes.
 */
public record Preconditions(Optional<String> ifMatch, Optional<String> ifNoneMatch) {

  public static Preconditions none() {
    return new Preconditions(Optional.empty(), Optional.empty());
  }

  public static Preconditions of(String ifMatch, String ifNoneMatch) {
    return new Preconditions(present(ifMatch), present(ifNoneMatch));
  }

  private static Optional<String> present(String header) {
    return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.trim());
  }

  public boolean isEmpty() {
    return ifMatch.isEmpty() && ifNoneMatch.isEmpty();
  }

  /**
   * Checks the headers against the current document.
   *
   * @param headerRequired whether a write without either header must not overwrite an existing
   *     document (409: xAPI 2.0 Part 3 §1.3 for all document resources; 1.0.3 §6.3 only for the
   *     profile resources)
   */
  public void check(Optional<Document> current, boolean headerRequired) {
    var etag = current.map(Document::etag);
    if (ifMatch.isPresent() && !matches(ifMatch.get(), etag)) {
      throw new PreconditionFailedException(
          "If-Match",
          etag.isEmpty()
              ? "If-Match was given but there is no such document (xAPI 2.0 Part 3 §1.3)"
              : "If-Match does not name the document's current ETag \""
                  + etag.get()
                  + "\": it was changed meanwhile (xAPI 2.0 Part 3 §1.3)");
    }
    if (ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), etag)) {
      throw new PreconditionFailedException(
          "If-None-Match", "If-None-Match: the document already exists (xAPI 2.0 Part 3 §1.3)");
    }
    if (headerRequired && isEmpty() && current.isPresent()) {
      throw new ConflictException(
          "If-Match",
          "concurrency-header-required",
          "The document exists: to overwrite it, send If-Match with its ETag (or If-None-Match: *"
              + " to create it only if absent). Read the ETag with GET (xAPI 2.0 Part 3 §1.3)");
    }
  }

  /** Whether an If-Match / If-None-Match value matches the current ETag (none: no document). */
  static boolean matches(String header, Optional<String> etag) {
    if (etag.isEmpty()) {
      return false;
    }
    if (header.equals("*")) {
      return true;
    }
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .map(
            tag ->
                tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    ? tag.substring(1, tag.length() - 1)
                    : tag)
        .anyMatch(tag -> tag.equalsIgnoreCase(etag.get()));
  }
}
