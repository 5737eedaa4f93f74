package vn.hocso.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path for {@code …Z} timestamps must agree with the general parser on every text: the
 * same instant where both read it, and no instant where the general parser refuses it.
 */
class UtcTimestampTest {

  @Test
  void readsTheCommonFormLikeTheGeneralParser() {
    for (var text :
        List.of(
            "2026-11-28T01:02:03Z",
            "2026-11-28T01:02:03z",
            "2026-11-28T01:02:03.4Z",
            "2026-11-28T01:02:03.456Z",
            "2026-11-28T01:02:03.456789Z",
            "2026-11-28T01:02:03.123456789Z",
            "2024-02-29T23:59:59.999Z",
            "2000-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59Z")) {
      assertThat(UtcTimestamp.parse(text))
          .as(text)
          .isEqualTo(StatementValidator.parseGenerally(text));
    }
    assertThat(UtcTimestamp.parse("2026-11-28T01:02:03.456Z"))
        .isEqualTo(Instant.parse("2026-11-28T01:02:03.456Z"));
  }

  @Test
  void leavesInvalidAndOtherFormsToTheGeneralParser() {
    for (var text :
        List.of(
            "2026-02-29T00:00:00Z", // not a leap year
            "1900-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-01-00T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T23:60:00Z",
            "2026-01-01T23:59:60Z", // leap second: OffsetDateTime refuses it
            "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00.1234567890Z", // ten fraction digits
            "2026-01-01t00:00:00Z",
            "2026-01-01T00:00:00+07:00",
            "2026-01-01T00:00:00",
            "2026-01-01T00:00Z",
            "2026-1-01T00:00:00Z",
            "2026-01-01T00:00:0xZ",
            "+2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.-1Z")) {
      assertThat(UtcTimestamp.parse(text)).as(text).isNull();
    }
  }

  /** Random texts near the common form: wherever the fast path answers, it answers the same. */
  @Test
  void agreesWithTheGeneralParserOnRandomTexts() {
    var random = new Random(20261128);
    var answered = 0;
    for (int n = 0; n < 15_000; n++) {
      var text = randomTimestamp(random);
      var fast = UtcTimestamp.parse(text);
      Instant general;
      try {
        general = StatementValidator.parseGenerally(text);
      } catch (DateTimeParseException e) {
        general = null;
      }
      if (fast != null) {
        answered++;
        assertThat(fast).as(text).isEqualTo(general);
      } else if (general != null
          && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?[Zz]")) {
        throw new AssertionError("the fast path should read " + text);
      }
    }
    assertThat(answered).isGreaterThan(800);
  }

  private static String randomTimestamp(Random random) {
    var parts = new ArrayList<String>();
    parts.add(String.format("%04d", random.nextInt(10_000)));
    parts.add("-" + two(random, 14));
    parts.add("-" + two(random, 33));
    parts.add("T" + two(random, 26));
    parts.add(":" + two(random, 62));
    parts.add(":" + two(random, 62));
    var text = new StringBuilder(String.join("", parts));
    int fraction = random.nextInt(13) - 1;
    if (fraction >= 0) {
      text.append('.');
      for (int i = 0; i < fraction; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    text.append(List.of("Z", "z", "+07:00", "", "-00:00", "Q").get(random.nextInt(6)));
    return text.toString();
  }

  private static String two(Random random, int bound) {
    return String.format("%02d", random.nextInt(bound));
  }
}
