package vn.hocso.xapi.client;

/**
 * The concurrency condition of a document write (xAPI 2.0 Part 3 §3.1; RFC 9110 §13.1): write only
 * over the version read ({@link #ifMatch}), only when there is none yet ({@link #ifNoneMatch()}),
 * or unconditionally ({@link #none()}, which an LRS may refuse with 409 when the document exists).
 */
public record Precondition(String header, String value) {

  private static final Precondition NONE = new Precondition(null, null);

  public static Precondition none() {
    return NONE;
  }

  /** Only if the document is still the one with this ETag (as the LRS gave it, quotes and all). */
  public static Precondition ifMatch(String etag) {
    return new Precondition("If-Match", quoted(etag));
  }

  /** Only if there is no such document yet. */
  public static Precondition ifNoneMatch() {
    return new Precondition("If-None-Match", "*");
  }

  private static String quoted(String etag) {
    if (etag == null || etag.isEmpty()) {
      throw new IllegalArgumentException("An ETag is needed for If-Match");
    }
    return etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"";
  }
}
