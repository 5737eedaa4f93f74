package vn.hocso.xapi.version;

import java.util.Optional;
import java.util.regex.Pattern;
import vn.hocso.xapi.platform.InvalidRequestException;

/**
 * A version of xAPI this LRS speaks. Clients may name any patch of 1.0 or 2.0; we answer with the
 * patch we implement (xAPI 2.0 Part 3 §1.3: the LRS answers with its latest patch of that minor).
 */
public enum XapiVersion {
  V1_0_3("1.0.3"),
  V2_0_0("2.0.0");

  public static final String HEADER = "X-Experience-API-Version";

  private static final Pattern ONE_ZERO = Pattern.compile("1\\.0(\\.\\d+)?");
  private static final Pattern TWO_ZERO = Pattern.compile("2\\.0(\\.\\d+)?");

  private final String text;

  XapiVersion(String text) {
    this.text = text;
  }

  /** The version a request's header names, or a 400 naming the header. */
  public static XapiVersion negotiate(String header) {
    if (header == null || header.isBlank()) {
      throw new InvalidRequestException(
          HEADER,
          "version-header-required",
          "X-Experience-API-Version is required on every request but About (xAPI 2.0 Part 3"
              + " §1.3)");
    }
    var value = header.trim();
    var named = named(value);
    if (named.isPresent()) {
      return named.get();
    }
    throw new InvalidRequestException(
        HEADER,
        "version-supported",
        "X-Experience-API-Version "
            + value
            + " is not supported; use 1.0.x or 2.0.x (xAPI 2.0"
            + " Part 3 §1.3)");
  }

  /** The version a text names (any patch of 1.0 or 2.0), if it names one we speak. */
  public static Optional<XapiVersion> named(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var value = text.trim();
    if (TWO_ZERO.matcher(value).matches()) {
      return Optional.of(V2_0_0);
    }
    if (ONE_ZERO.matcher(value).matches()) {
      return Optional.of(V1_0_3);
    }
    return Optional.empty();
  }

  /** Whether a statement's own {@code version} property is one this version accepts. */
  public boolean acceptsStatementVersion(String statementVersion) {
    return ONE_ZERO.matcher(statementVersion).matches()
        || this == V2_0_0 && TWO_ZERO.matcher(statementVersion).matches();
  }

  /** The value of the response header and of {@code version} given to statements without one. */
  public String text() {
    return text;
  }

  public boolean isTwo() {
    return this == V2_0_0;
  }
}
