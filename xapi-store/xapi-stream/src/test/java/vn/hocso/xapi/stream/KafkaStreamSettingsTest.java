package vn.hocso.xapi.stream;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaStreamSettingsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void rejectsBlankBootstrapServers() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KafkaStreamSettings(" ", "statements", "lrs", TIMEOUT))
        .withMessageContaining("bootstrapServers");
  }

  @Test
  void rejectsMissingTopic() {
    assertThatNullPointerException()
        .isThrownBy(() -> new KafkaStreamSettings("kafka:9092", null, "lrs", TIMEOUT))
        .withMessage("topic");
  }

  @Test
  void rejectsBlankClientId() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KafkaStreamSettings("kafka:9092", "statements", "", TIMEOUT))
        .withMessageContaining("clientId");
  }

  @Test
  void rejectsPublishTimeoutShorterThanOneMillisecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new KafkaStreamSettings("kafka:9092", "statements", "lrs", Duration.ofNanos(10)))
        .withMessageContaining("publishTimeout");
  }
}
