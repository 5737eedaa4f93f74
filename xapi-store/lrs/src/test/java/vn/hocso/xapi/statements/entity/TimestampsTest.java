package vn.hocso.xapi.statements.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times as epoch microseconds. */
class TimestampsTest {

  @Test
  void convertsFarFutureTimesThatNanosecondCountsCannotHold() {
    var micros = Timestamps.parseMicros("2999-01-01T00:00:00Z");

    assertThat(Timestamps.toInstant(micros)).isEqualTo(Instant.parse("2999-01-01T00:00:00Z"));
  }

  @Test
  void keepsMicrosecondsOnBothSidesOfTheEpoch() {
    assertThat(Timestamps.toMicros(Instant.parse("1969-12-31T23:59:58.500001Z")))
        .isEqualTo(-1_499_999L);
    assertThat(Timestamps.format(Timestamps.parseMicros("2026-11-28T01:02:03.123456Z")))
        .isEqualTo("2026-11-28T01:02:03.123456Z");
  }

  /** The hand-written format must write what the formatter writes, for any time. */
  @Test
  void formatsLikeTheFormatter() {
    var formatter =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    var random = new java.util.Random(20261128);
    var samples = new java.util.ArrayList<Long>(java.util.List.of(0L, -1L, 1L, -1_000_000L));
    samples.add(Timestamps.parseMicros("0000-01-01T00:00:00Z"));
    samples.add(Timestamps.parseMicros("9999-12-31T23:59:59.999999Z"));
    samples.add(Timestamps.parseMicros("2024-02-29T12:00:00Z"));
    for (int i = 0; i < 20_000; i++) {
      samples.add(random.nextLong(-62_167_219_200_000_000L, 253_402_300_800_000_000L));
    }
    for (long micros : samples) {
      assertThat(Timestamps.format(micros))
          .as("%d", micros)
          .isEqualTo(formatter.format(Timestamps.toInstant(micros)));
    }
  }
}
