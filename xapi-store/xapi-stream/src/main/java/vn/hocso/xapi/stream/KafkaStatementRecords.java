package vn.hocso.xapi.stream;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How a statement is laid out in a Kafka record: key = actor key (so one actor's statements share a
 * partition and keep their order), value = the statement JSON, and the id and stored time in
 * headers so readers can deduplicate and route without parsing the JSON.
 */
final class KafkaStatementRecords {

  static final String STATEMENT_ID_HEADER = "statement-id";
  static final String STORED_AT_HEADER = "stored-at";

  private KafkaStatementRecords() {}

  static ProducerRecord<String, String> toRecord(String topic, StreamedStatement statement) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(STATEMENT_ID_HEADER, utf8(statement.statementId().toString()));
    // The record timestamp keeps only milliseconds; xAPI "stored" may carry more (xAPI 1.0.3 Part 2
    // §4.5).
    headers.add(STORED_AT_HEADER, utf8(statement.storedAt().toString()));
    return new ProducerRecord<>(
        topic,
        null,
        statement.storedAt().toEpochMilli(),
        statement.actorKey(),
        statement.json(),
        headers);
  }

  /**
   * Reads a statement back from a record.
   *
   * @throws IllegalArgumentException if the record was not written by {@link #toRecord}
   */
  static StreamedStatement fromRecord(ConsumerRecord<String, String> record) {
    if (record.key() == null || record.value() == null) {
      throw new IllegalArgumentException("record has no key or no value");
    }
    try {
      return new StreamedStatement(
          UUID.fromString(header(record, STATEMENT_ID_HEADER)),
          record.key(),
          Instant.parse(header(record, STORED_AT_HEADER)),
          record.value());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("header " + STORED_AT_HEADER + " is not an instant", e);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null || header.value() == null) {
      throw new IllegalArgumentException("record has no header " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
