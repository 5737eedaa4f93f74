package vn.hocso.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
  }

  @Test
  void keepsNullsNull() {
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }
}
