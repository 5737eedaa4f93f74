package vn.hocso.content.course.domain;

import java.net.URI;
import java.util.regex.Pattern;

/** Checks for the texts and references authors type. */
final class Text {

  private static final Pattern MEDIA = Pattern.compile("media/[A-Za-z0-9][A-Za-z0-9._-]*");

  private Text() {}

  /** A required text, stripped, at most {@code max} characters. */
  static String required(String value, int max, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return bounded(value.strip(), max, what);
  }

  /** An optional text, stripped; blank becomes null. */
  static String optional(String value, int max, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return bounded(value.strip(), max, what);
  }

  private static String bounded(String value, int max, String what) {
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " has at most " + max + " characters");
    }
    return value;
  }

  /**
   * A reference to a media file of the course: {@code media/<file name>}, the same path in the
   * course package and in the media store. No folders, no "..", no scheme.
   */
  static String mediaReference(String reference, String what) {
    if (reference == null || !MEDIA.matcher(reference).matches() || reference.length() > 300) {
      throw new IllegalArgumentException(
          what
              + " must be a file under media/ (letters, digits, '.', '_', '-'), not: "
              + reference);
    }
    return reference;
  }

  /** A web address a learner's browser may open: https only. */
  static String httpsLink(String link, String what) {
    URI uri;
    try {
      uri = URI.create(link == null ? "" : link.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a valid address: " + link);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an https address, not: " + link);
    }
    if (uri.toString().length() > 2000) {
      throw new IllegalArgumentException(what + " has at most 2000 characters");
    }
    return uri.toString();
  }

  /** An absolute IRI such as a cmi5 AU id: a scheme, no spaces, at most 2000 characters. */
  static String absoluteIri(String iri, String what) {
    URI uri;
    try {
      uri = URI.create(iri == null ? "" : iri.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a valid IRI: " + iri);
    }
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(what + " must be an absolute IRI, not: " + iri);
    }
    if (uri.toString().length() > 2000) {
      throw new IllegalArgumentException(what + " has at most 2000 characters");
    }
    return uri.toString();
  }
}
