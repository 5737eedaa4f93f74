package vn.hocso.xapi.statements.entity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.hocso.xapi.validation.StatementValidator;

/**
 * Times as the LRS keeps them: microseconds since the epoch (UTC), written as ISO 8601 with six
 * fraction digits (xAPI 2.0 Part 2 §4.5 asks for at least millisecond precision).
 */
public final class Timestamps {

  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static long nowMicros() {
    return toMicros(Instant.now());
  }

  /**
   * Microseconds since the epoch. Not {@code ChronoUnit.MICROS.between}: it counts in nanoseconds
   * first and overflows after the year 2262, which a client may well send as {@code since}.
   */
  public static long toMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  public static Instant toInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  public static String format(long micros) {
    return ISO_MICROS.format(toInstant(micros));
  }

  /** Parses an ISO 8601 timestamp as statements and query parameters carry them. */
  public static long parseMicros(String text) {
    return toMicros(StatementValidator.parseInstantLeniently(text));
  }
}
