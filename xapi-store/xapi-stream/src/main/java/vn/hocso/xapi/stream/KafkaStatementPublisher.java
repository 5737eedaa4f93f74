package vn.hocso.xapi.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes statements to a Kafka topic, one record per statement (see {@link
 * KafkaStatementRecords}).
 */
public final class KafkaStatementPublisher implements StatementStreamPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStatementPublisher.class);

  private final KafkaStreamSettings settings;
  private final KafkaProducer<String, String> producer;

  public KafkaStatementPublisher(KafkaStreamSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.producer =
        withKafkaClassLoader(
            () ->
                new KafkaProducer<>(
                    producerConfig(settings), new StringSerializer(), new StringSerializer()));
  }

  /**
   * Kafka loads its configured classes through the thread's context class loader. In an application
   * server that may be the server's (a health-check thread, say), which cannot see kafka-clients
   * inside the application; so Kafka objects are made with this library's loader.
   */
  static <T> T withKafkaClassLoader(java.util.function.Supplier<T> make) {
    var thread = Thread.currentThread();
    var previous = thread.getContextClassLoader();
    thread.setContextClassLoader(KafkaStatementPublisher.class.getClassLoader());
    try {
      return make.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Map<String, Object> producerConfig(KafkaStreamSettings settings) {
    long timeoutMillis = settings.publishTimeout().toMillis();
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        settings.bootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG,
        settings.clientId(),
        // Published means on every in-sync replica; retries must neither duplicate nor reorder.
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        "true",
        // The caller waits for the acknowledgement, so lingering would only add latency.
        ProducerConfig.LINGER_MS_CONFIG,
        "0",
        // Bound both the wait for metadata (an unreachable broker) and the whole delivery by the
        // publish timeout; delivery.timeout.ms must cover at least one request.
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        Long.toString(timeoutMillis),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        Long.toString(Math.min(timeoutMillis, Integer.MAX_VALUE)),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        Long.toString(Math.min(timeoutMillis, 30_000)));
  }

  @Override
  public void publish(List<StreamedStatement> statements) {
    long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
    List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(statements.size());
    for (StreamedStatement statement : statements) {
      if (System.nanoTime() - deadline > 0) {
        throw notInTime(statement, null);
      }
      Future<RecordMetadata> acknowledgement =
          producer.send(KafkaStatementRecords.toRecord(settings.topic(), statement));
      // A send that already failed (typically: no broker answered within max.block.ms) fails
      // the whole publish now rather than making every further send wait as long again.
      if (acknowledgement.isDone()) {
        awaitAcknowledgement(statement, acknowledgement, deadline);
      }
      acknowledgements.add(acknowledgement);
    }
    for (int i = 0; i < statements.size(); i++) {
      awaitAcknowledgement(statements.get(i), acknowledgements.get(i), deadline);
    }
  }

  private void awaitAcknowledgement(
      StreamedStatement statement, Future<RecordMetadata> acknowledgement, long deadline) {
    try {
      acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new StatementStreamUnavailableException(
          "The statement stream did not accept statement "
              + statement.statementId()
              + " on topic "
              + settings.topic()
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw notInTime(statement, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatementStreamUnavailableException(
          "Interrupted while publishing statement " + statement.statementId(), e);
    }
  }

  private StatementStreamUnavailableException notInTime(
      StreamedStatement statement, Throwable cause) {
    return new StatementStreamUnavailableException(
        "The statement stream did not acknowledge statement "
            + statement.statementId()
            + " within "
            + settings.publishTimeout(),
        cause);
  }

  @Override
  public boolean isReachable(Duration timeout) {
    String timeoutMillis = Long.toString(Math.max(1, Math.min(timeout.toMillis(), 600_000)));
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            settings.clientId() + "-health",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            timeoutMillis,
            CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG,
            timeoutMillis);
    Admin admin = null;
    try {
      admin = withKafkaClassLoader(() -> Admin.create(config));
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(Integer.valueOf(timeoutMillis)))
          .clusterId()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      // Unreachable is an answer here, not an error: the caller reports the stream as degraded.
      LOG.debug("Statement stream at {} is not reachable", settings.bootstrapServers(), e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (admin != null) {
        // Nothing worth waiting for: the only request has completed or timed out.
        admin.close(Duration.ZERO);
      }
    }
  }

  @Override
  public void close() {
    producer.close(settings.publishTimeout());
  }
}
