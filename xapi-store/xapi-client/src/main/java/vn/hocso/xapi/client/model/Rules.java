package vn.hocso.xapi.client.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The checks a client can make on its own. They follow the LRS's validator (same patterns, same
 * rule names) so that what this model accepts, our LRS accepts too.
 */
final class Rules {

  static final String IFI = "xAPI 2.0 Part 2 §2.4.2.3";
  static final String LANGUAGE = "xAPI 2.0 Part 2 §4.2";
  static final String EXTENSIONS = "xAPI 2.0 Part 2 §4.1";
  static final String DURATION = "xAPI 2.0 Part 2 §4.6";
  static final String TIMESTAMP = "xAPI 2.0 Part 2 §4.5";

  private static final Pattern IRI =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");
  private static final Pattern MBOX = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");
  // Compiled once: a statement read from a page has two timestamps, and String.matches or
  // Pattern.compile per call was a fifth of the coverage projector's CPU.
  private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*[+-]\\d{2}(:?\\d{2})?$");
  private static final Pattern OFFSET = Pattern.compile("([+-]\\d{2})(:?)(\\d{2})?$");
  private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
  private static final Pattern SHA2 =
      Pattern.compile("[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern ISO_DURATION =
      Pattern.compile(
          "P(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?D)?"
              + "(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?|P\\d+(\\.\\d+)?W");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)?");

  private Rules() {}

  static InvalidStatementException fail(String field, String rule, String message, String section) {
    return new InvalidStatementException(field, rule, message + " (" + section + ")");
  }

  static <T> T required(T value, String field, String section) {
    if (value == null) {
      throw fail(field, "required", "is required", section);
    }
    return value;
  }

  static String nonEmpty(String value, String field, String section) {
    required(value, field, section);
    if (value.isEmpty()) {
      throw fail(field, "not-empty", "must not be empty", section);
    }
    return value;
  }

  static String iri(String value, String field, String section) {
    required(value, field, section);
    if (!IRI.matcher(value).matches()) {
      throw fail(field, "is-iri", "must be an absolute IRI such as https://hocso.vn/…", section);
    }
    return value;
  }

  static String optionalIri(String value, String field, String section) {
    return value == null ? null : iri(value, field, section);
  }

  static String mbox(String value, String field) {
    if (value != null && !MBOX.matcher(value).matches()) {
      throw fail(field, "mbox-is-mailto-iri", "must be a mailto: IRI with one address", IFI);
    }
    return value;
  }

  static String sha1(String value, String field) {
    if (value != null && !SHA1.matcher(value).matches()) {
      throw fail(field, "mbox-sha1sum-is-hex", "must be 40 hexadecimal digits", IFI);
    }
    return value;
  }

  static String sha2(String value, String field, String section) {
    required(value, field, section);
    if (!SHA2.matcher(value).matches()) {
      throw fail(field, "sha2-is-hex", "must be a hexadecimal SHA-2 hash", section);
    }
    return value;
  }

  static String languageTag(String value, String field, String section) {
    if (value != null && !LANGUAGE_TAG.matcher(value).matches()) {
      throw fail(
          field, "language-is-rfc-5646", "must be an RFC 5646 (BCP 47) language tag", section);
    }
    return value;
  }

  static String duration(String value, String field) {
    if (value != null && !ISO_DURATION.matcher(value).matches()) {
      throw fail(
          field, "duration-is-iso-8601", "must be an ISO 8601 duration such as PT1M30S", DURATION);
    }
    return value;
  }

  static String timestamp(String value, String field) {
    if (value == null) {
      return null;
    }
    if (!TIMESTAMP_TEXT.matcher(value).matches()) {
      throw fail(field, "timestamp-is-iso-8601", "must be an ISO 8601 timestamp", TIMESTAMP);
    }
    try {
      if (value.endsWith("Z") || value.endsWith("z") || ENDS_WITH_OFFSET.matcher(value).matches()) {
        OffsetDateTime.parse(normalisedOffset(value));
      } else {
        LocalDateTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      throw fail(field, "timestamp-is-iso-8601", "is not a real date and time", TIMESTAMP);
    }
    return value;
  }

  /**
   * {@code +0700} and {@code +07} as {@code +07:00}, {@code z} as {@code Z}: what java.time reads.
   */
  static String normalisedOffset(String value) {
    if (value.endsWith("z")) {
      return value.substring(0, value.length() - 1) + "Z";
    }
    var m = OFFSET.matcher(value);
    if (value.length() > 19 && m.find() && m.start() >= 16) {
      var minutes = m.group(3) == null ? "00" : m.group(3);
      return value.substring(0, m.start()) + m.group(1) + ":" + minutes;
    }
    return value;
  }
}
