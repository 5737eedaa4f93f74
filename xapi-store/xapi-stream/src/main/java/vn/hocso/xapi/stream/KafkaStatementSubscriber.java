package vn.hocso.xapi.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads statements from a Kafka topic as a member of a consumer group, committing offsets only when
 * told to.
 */
public final class KafkaStatementSubscriber implements StatementStreamSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStatementSubscriber.class);

  private final KafkaConsumer<String, String> consumer;

  /**
   * Joins the group {@code groupId}. A group that has never committed starts at the oldest
   * statement still on the topic.
   */
  public KafkaStatementSubscriber(KafkaStreamSettings settings, String groupId) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(groupId, "groupId");
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            ConsumerConfig.CLIENT_ID_CONFIG,
            settings.clientId(),
            ConsumerConfig.GROUP_ID_CONFIG,
            groupId,
            // Offsets move only in commit(), after the reader has applied the batch.
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    this.consumer =
        KafkaStatementPublisher.withKafkaClassLoader(
            () -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()));
    consumer.subscribe(List.of(settings.topic()));
  }

  @Override
  public List<StreamedStatement> poll(Duration timeout) {
    ConsumerRecords<String, String> records;
    try {
      records = consumer.poll(timeout);
    } catch (KafkaException e) {
      throw new StatementStreamUnavailableException(
          "Could not read the statement stream: " + e.getMessage(), e);
    }
    List<StreamedStatement> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> record : records) {
      try {
        batch.add(KafkaStatementRecords.fromRecord(record));
      } catch (IllegalArgumentException e) {
        // Not something KafkaStatementPublisher wrote, so not a statement. Failing here would
        // stall every reader of the group on this record forever.
        LOG.error(
            "Skipping record {}-{}@{}: not a streamed statement ({})",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
      }
    }
    return batch;
  }

  @Override
  public void commit() {
    try {
      consumer.commitSync();
    } catch (KafkaException e) {
      throw new StatementStreamUnavailableException(
          "Could not commit the statement stream position: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
