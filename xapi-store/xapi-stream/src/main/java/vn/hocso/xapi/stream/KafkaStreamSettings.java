package vn.hocso.xapi.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Kafka-backed statement stream lives and how long to wait for it.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}, e.g. {@code kafka-1:9092,kafka-2:9092}
 * @param topic the topic that carries the statements
 * @param clientId names this application in the broker's logs and metrics
 * @param publishTimeout how long a publish may take, from the first send to the last
 *     acknowledgement
 */
public record KafkaStreamSettings(
    String bootstrapServers, String topic, String clientId, Duration publishTimeout) {

  public KafkaStreamSettings {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(topic, "topic");
    requireText(clientId, "clientId");
    Objects.requireNonNull(publishTimeout, "publishTimeout");
    if (publishTimeout.toMillis() <= 0) {
      throw new IllegalArgumentException("publishTimeout must be at least 1 ms: " + publishTimeout);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
