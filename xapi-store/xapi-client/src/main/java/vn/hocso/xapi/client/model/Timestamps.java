package vn.hocso.xapi.client.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** xAPI timestamps (xAPI 2.0 Part 2 §4.5): kept as text, read as {@link Instant}. */
public final class Timestamps {

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** UTC, microseconds: the precision the LRS keeps. */
  public static String format(Instant instant) {
    return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*[+-]\\d{2}:\\d{2}$");

  /** The instant a valid xAPI timestamp names; one without an offset is taken as UTC. */
  public static Instant parse(String text) {
    Rules.timestamp(text, "timestamp");
    var normal = Rules.normalisedOffset(text);
    if (normal.endsWith("Z") || ENDS_WITH_OFFSET.matcher(normal).matches()) {
      return OffsetDateTime.parse(normal).toInstant();
    }
    return LocalDateTime.parse(normal).toInstant(ZoneOffset.UTC);
  }
}
