package vn.hocso.xapi.stream;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka statement stream against a real single-node KRaft broker (broker and controller in one
 * process), started in this JVM for the class.
 */
class KafkaStatementStreamTest {

  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);

  /** Long enough for a duplicate or a stale statement to show up if there were one. */
  private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

  private static Set<Thread> threadsBeforeBroker;
  private static KafkaClusterTestKit broker;

  @BeforeAll
  static void startBroker() throws Exception {
    threadsBeforeBroker = Thread.getAllStackTraces().keySet();
    Path logDirectories =
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka")), "broker-");
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(logDirectories)
            .build();
    broker =
        new KafkaClusterTestKit.Builder(nodes)
            // Consumer groups form at once instead of after 3 s of waiting for more members.
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            // The log cleaner's default 128 MiB buffer would be most of this broker's heap.
            .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
            // The test kit leaves the defaults (3 replicas, 50 partitions) for the topic that holds
            // consumer group offsets; with one broker it could never be created.
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .build();
    broker.format();
    broker.startup();
    broker.waitForReadyBrokers();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      // The test kit's close() is not idempotent: call it exactly once.
      KafkaClusterTestKit stopping = broker;
      broker = null;
      stopping.close();
    }
    // The broker's metrics registry is JVM-wide and outlives the broker: stop its tick threads.
    KafkaYammerMetrics.defaultRegistry().shutdown();
    assertThat(threadsLeftBehind()).as("threads left behind by the broker or clients").isEmpty();
  }

  @Test
  void deliversEveryStatementOnceAndInOrderPerActor() {
    String topic = createTopic("statements-round-trip");
    List<StreamedStatement> published =
        TestStatements.ofActors(100, "an@example.vn", "binh@example.vn", "chi@example.vn");

    List<StreamedStatement> received;
    try (StatementStreamPublisher publisher = new KafkaStatementPublisher(settings(topic));
        StatementStreamSubscriber subscriber =
            new KafkaStatementSubscriber(settings(topic), "progress")) {
      publisher.publish(published.subList(0, 40));
      publisher.publish(published.subList(40, 100));
      received = pollUntil(subscriber, batch -> batch.size() >= published.size());
      received.addAll(subscriber.poll(QUIET_PERIOD));
    }

    assertThat(received)
        .extracting(StreamedStatement::statementId)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            published.stream().map(StreamedStatement::statementId).toList());
    // Records compare every field, so this also checks that JSON and stored time survive intact.
    assertThat(byActor(received)).isEqualTo(byActor(published)).hasSize(3);
  }

  @Test
  void newSubscriberInTheSameGroupStartsAfterTheCommittedStatements() {
    String topic = createTopic("statements-commit");
    List<StreamedStatement> applied =
        TestStatements.ofActors(10, "an@example.vn", "binh@example.vn");
    StreamedStatement later = TestStatements.statement("mailto:chi@example.vn", 11);

    try (StatementStreamPublisher publisher = new KafkaStatementPublisher(settings(topic))) {
      publisher.publish(applied);
      try (StatementStreamSubscriber first =
          new KafkaStatementSubscriber(settings(topic), "certificates")) {
        assertThat(pollUntil(first, batch -> batch.size() >= applied.size()))
            .containsExactlyInAnyOrderElementsOf(applied);
        first.commit();
      }

      publisher.publish(later);
      List<StreamedStatement> received;
      try (StatementStreamSubscriber second =
          new KafkaStatementSubscriber(settings(topic), "certificates")) {
        received = pollUntil(second, batch -> batch.contains(later));
        received.addAll(second.poll(QUIET_PERIOD));
      }
      assertThat(received).containsExactly(later);
    }
  }

  @Test
  void reportsRunningBrokerAsReachable() {
    try (StatementStreamPublisher publisher =
        new KafkaStatementPublisher(settings("statements-health"))) {
      assertThat(publisher.isReachable(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void failsWithinTheTimeoutWhenNoBrokerAnswers() {
    Duration timeout = Duration.ofSeconds(2);
    Duration slack = Duration.ofMillis(1500); // scheduling on a busy build machine
    KafkaStreamSettings nowhere =
        new KafkaStreamSettings("127.0.0.1:1", "statements", "hocso-test", timeout);

    try (StatementStreamPublisher publisher = new KafkaStatementPublisher(nowhere)) {
      long start = System.nanoTime();
      assertThatExceptionOfType(StatementStreamUnavailableException.class)
          .isThrownBy(() -> publisher.publish(TestStatements.ofActors(5, "an@example.vn")))
          .withMessageContaining("did not accept statement");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plus(slack));

      Duration healthTimeout = Duration.ofMillis(500);
      start = System.nanoTime();
      assertThat(publisher.isReachable(healthTimeout)).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(healthTimeout.plus(slack));
    }
  }

  private static KafkaStreamSettings settings(String topic) {
    return new KafkaStreamSettings(broker.bootstrapServers(), topic, "hocso-test", PUBLISH_TIMEOUT);
  }

  /** Three partitions, so that keeping one actor's statements in order is not a given. */
  private static String createTopic(String name) {
    try (Admin admin = broker.admin()) {
      admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not create topic " + name, e);
    }
    return name;
  }

  private static List<StreamedStatement> pollUntil(
      StatementStreamSubscriber subscriber, Predicate<List<StreamedStatement>> done) {
    List<StreamedStatement> received = new ArrayList<>();
    long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
    while (!done.test(received)) {
      assertThat(System.nanoTime() - deadline)
          .as("still waiting after %s; received %d", RECEIVE_TIMEOUT, received.size())
          .isNegative();
      received.addAll(subscriber.poll(Duration.ofMillis(200)));
    }
    return received;
  }

  private static Map<String, List<StreamedStatement>> byActor(List<StreamedStatement> statements) {
    return statements.stream().collect(groupingBy(StreamedStatement::actorKey));
  }

  /** Threads started since the broker started that are still alive, after a short grace period. */
  private static List<String> threadsLeftBehind() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> left;
    do {
      left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(thread -> !threadsBeforeBroker.contains(thread))
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .collect(Collectors.toList());
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    } while (System.nanoTime() - deadline < 0);
    return left;
  }
}
