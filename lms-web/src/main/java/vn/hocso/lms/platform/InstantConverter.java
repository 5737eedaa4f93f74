package vn.hocso.lms.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Stores an {@link Instant} as its UTC wall time in a {@code datetime(6)} column, written as text.
 *
 * <p>Two reasons: Jakarta Persistence 3.1 does not map Instant (EclipseLink 4 would serialise it to
 * bytes), and Connector/J drops the fraction of a bound {@code Timestamp} when the server reports
 * itself as 5.5.5 (as MariaDB 10.x does), so a text value is the one binding that keeps
 * microseconds on H2, MySQL and MariaDB alike. Drivers hand the column back as a Timestamp, a
 * LocalDateTime or text; all three are read.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  @Override
  public Object convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  @Override
  public Instant convertToEntityAttribute(Object value) {
    if (value == null) {
      return null;
    }
    LocalDateTime wallTime;
    if (value instanceof LocalDateTime local) {
      wallTime = local;
    } else if (value instanceof Timestamp timestamp) {
      wallTime = timestamp.toLocalDateTime();
    } else if (value instanceof OffsetDateTime offset) {
      wallTime = offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } else {
      wallTime = LocalDateTime.parse(value.toString().strip(), READ);
    }
    return wallTime.toInstant(ZoneOffset.UTC);
  }
}
