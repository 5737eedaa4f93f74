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
}
