package vn.hocso.xapi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaStatementRecordsTest {

  private final StreamedStatement statement = TestStatements.statement("mailto:an@example.vn", 1);

  @Test
  void keysRecordByActorAndCarriesIdInHeader() {
    ProducerRecord<String, String> record = KafkaStatementRecords.toRecord("statements", statement);

    assertThat(record.topic()).isEqualTo("statements");
    assertThat(record.key()).isEqualTo("mailto:an@example.vn");
    assertThat(record.value()).isEqualTo(statement.json());
    assertThat(record.timestamp()).isEqualTo(statement.storedAt().toEpochMilli());
    assertThat(record.headers().lastHeader("statement-id").value())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo(statement.statementId().toString());
  }

  @Test
  void readsBackTheStatementWithItsFullStoredPrecision() {
    assertThat(KafkaStatementRecords.fromRecord(delivered(statement))).isEqualTo(statement);
  }

  @Test
  void rejectsRecordWithoutStatementId() {
    ConsumerRecord<String, String> delivered = delivered(statement);
    delivered.headers().remove("statement-id");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> KafkaStatementRecords.fromRecord(delivered))
        .withMessageContaining("statement-id");
  }

  @Test
  void rejectsRecordWithUnreadableStoredTime() {
    ConsumerRecord<String, String> delivered = delivered(statement);
    delivered.headers().remove("stored-at");
    delivered.headers().add("stored-at", "yesterday".getBytes(StandardCharsets.UTF_8));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> KafkaStatementRecords.fromRecord(delivered))
        .withMessageContaining("stored-at");
  }

  /** What a consumer would receive for the record the publisher sends. */
  private static ConsumerRecord<String, String> delivered(StreamedStatement statement) {
    ProducerRecord<String, String> sent = KafkaStatementRecords.toRecord("statements", statement);
    return new ConsumerRecord<>(
        sent.topic(),
        0,
        42L,
        sent.timestamp(),
        TimestampType.CREATE_TIME,
        -1,
        -1,
        sent.key(),
        sent.value(),
        new RecordHeaders(sent.headers().toArray()),
        Optional.empty());
  }
}
