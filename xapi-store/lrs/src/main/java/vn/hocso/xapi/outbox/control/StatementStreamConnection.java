package vn.hocso.xapi.outbox.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.stream.KafkaStatementPublisher;
import vn.hocso.xapi.stream.KafkaStreamSettings;
import vn.hocso.xapi.stream.StatementStreamPublisher;

/**
 * The LRS's publisher on the statement stream: Kafka when KAFKA_BOOTSTRAP_SERVERS is set, none
 * otherwise (then consumers read the stream through the xAPI statements query).
 */
@ApplicationScoped
public class StatementStreamConnection {

  private static final Logger LOG = Logger.getLogger(StatementStreamConnection.class.getName());

  @Inject
  @ConfigProperty(name = "kafka.bootstrap.servers")
  Optional<String> bootstrapServers;

  @Inject
  @ConfigProperty(name = "kafka.topic", defaultValue = "hocso.statements")
  String topic;

  private StatementStreamPublisher publisher;

  /** Connects at start, so a misconfiguration shows in the log at once. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    describe();
  }

  @PostConstruct
  void connect() {
    bootstrapServers
        .filter(servers -> !servers.isBlank())
        .ifPresent(
            servers -> {
              publisher = newPublisher();
              LOG.info(() -> "Statement stream: Kafka at " + servers + ", topic " + topic);
            });
  }

  /**
   * A new publisher of its own, for the outbox relay, which replaces it when it keeps failing.
   *
   * @throws IllegalStateException if no broker is configured
   */
  public StatementStreamPublisher newPublisher() {
    var servers =
        bootstrapServers
            .filter(value -> !value.isBlank())
            .orElseThrow(() -> new IllegalStateException("No Kafka broker is configured"));
    return new KafkaStatementPublisher(
        new KafkaStreamSettings(servers, topic, "hocso-lrs", Duration.ofSeconds(10)));
  }

  /** The publisher for health checks, if a broker is configured. */
  public Optional<StatementStreamPublisher> publisher() {
    return Optional.ofNullable(publisher);
  }

  public String describe() {
    return publisher == null
        ? "xAPI statements query (no Kafka configured)"
        : "Kafka at " + bootstrapServers.orElseThrow() + ", topic " + topic;
  }

  @PreDestroy
  void close() {
    if (publisher != null) {
      publisher.close();
    }
  }
}
