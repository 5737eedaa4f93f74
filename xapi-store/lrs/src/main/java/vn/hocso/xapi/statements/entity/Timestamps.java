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
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    var time = java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return ISO_MICROS.format(toInstant(micros)); // signed or five-digit years: the formatter
    }
    // By hand for the common case: every stored statement gets its stored time (twice when the
    // LRS sets the timestamp too), and the formatter showed in the ingest profile.
    var text = new char[27];
    digits(text, 0, 4, time.getYear());
    text[4] = '-';
    digits(text, 5, 2, time.getMonthValue());
    text[7] = '-';
    digits(text, 8, 2, time.getDayOfMonth());
    text[10] = 'T';
    digits(text, 11, 2, time.getHour());
    text[13] = ':';
    digits(text, 14, 2, time.getMinute());
    text[16] = ':';
    digits(text, 17, 2, time.getSecond());
    text[19] = '.';
    digits(text, 20, 6, fraction);
    text[26] = 'Z';
    return new String(text);
  }

  private static void digits(char[] into, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Parses an ISO 8601 timestamp as statements and query parameters carry them. */
  public static long parseMicros(String text) {
    return toMicros(StatementValidator.parseInstantLeniently(text));
  }
}
