package vn.hocso.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

  private final InstantConverter converter = new InstantConverter();

  @Test
  void writesUtcWallTimeWithMicroseconds() {
    assertThat(converter.convertToDatabaseColumn(Instant.parse("2026-07-01T08:30:05.123456Z")))
        .isEqualTo("2026-07-01 08:30:05.123456");
  }

  @Test
  void readsWhatTheDriversHandBack() {
    var expected = Instant.parse("2026-07-01T08:30:05.123456Z");

    assertThat(converter.convertToEntityAttribute("2026-07-01 08:30:05.123456"))
        .isEqualTo(expected);
    assertThat(converter.convertToEntityAttribute("2026-07-01 08:30:05.123456000"))
        .isEqualTo(expected);
    assertThat(converter.convertToEntityAttribute("2026-07-01T08:30:05.123456"))
        .isEqualTo(expected);
    assertThat(converter.convertToEntityAttribute("2026-07-01 08:30:05"))
        .isEqualTo(Instant.parse("2026-07-01T08:30:05Z"));
    assertThat(
            converter.convertToEntityAttribute(LocalDateTime.of(2026, 7, 1, 8, 30, 5, 123_456_000)))
        .isEqualTo(expected);
    assertThat(
            converter.convertToEntityAttribute(
                Timestamp.valueOf(LocalDateTime.of(2026, 7, 1, 8, 30, 5, 123_456_000))))
        .isEqualTo(expected);
  }

  @Test
  void keepsNullsNull() {
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }
}
