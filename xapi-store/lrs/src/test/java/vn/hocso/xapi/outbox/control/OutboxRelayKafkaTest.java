package vn.hocso.xapi.outbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.outbox.storage.JdbcOutbox;
import vn.hocso.xapi.statements.control.StatementService;
import vn.hocso.xapi.statements.control.StoredClock;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.stream.KafkaStatementPublisher;
import vn.hocso.xapi.stream.KafkaStatementSubscriber;
import vn.hocso.xapi.stream.KafkaStreamSettings;
import vn.hocso.xapi.stream.StatementStreamPublisher;
import vn.hocso.xapi.stream.StatementStreamSubscriber;
import vn.hocso.xapi.stream.StreamedStatement;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The whole way from intake to a reader: statements recorded by the real service on MariaDB, the
 * outbox relay publishing them to a real KRaft broker (a broker node apart from the controller, so
 * the broker alone can be stopped and started again on the same port), a Kafka reader that dedupes
 * by statement id.
 */
class OutboxRelayKafkaTest {

  private static final String[] ACTORS = {
    "an@example.vn", "binh@example.vn", "chi@example.vn", "dung@example.vn", "em@example.vn"
  };

  private static KafkaClusterTestKit cluster;

  private final TestDatabases.TestDatabase database = TestDatabases.MARIADB.create();
  private final StoredClock clock = new StoredClock();
  private final StatementService service =
      new StatementService(new JdbcStatementStore(database.dataSource(), true), clock);
  private final LrsClient writer =
      new LrsClient("writer", EnumSet.of(Scope.ALL), LrsClient.defaultAuthority("writer"));
  private final JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
  private OutboxRelay relay;
  private Thread relayThread;

  @BeforeAll
  static void startBroker() throws Exception {
    var folder =
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka")), "relay-");
    var nodes =
        new TestKitNodes.Builder()
            .setCombined(false)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(folder)
            .build();
    cluster =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (cluster != null) {
      var stopping = cluster; // close() is not idempotent
      cluster = null;
      stopping.close();
    }
  }

  @AfterEach
  void stopRelay() throws Exception {
    if (relay != null) {
      relay.stop();
      relayThread.join(30_000);
    }
    database.close();
  }

  @Test
  void publishesEveryAcceptedStatementOnceInOrderPerActor() throws Exception {
    var topic = createTopic("relay-in-order");
    startRelay(topic);
    // A second LRS instance on the same database: only one of them may hold the lease.
    var second =
        new OutboxRelay(
            outbox,
            publisherTo(topic),
            clock::consistentThrough,
            "second-instance",
            relaySettings());
    var secondThread = started(second);

    var accepted = Collections.synchronizedList(new ArrayList<String>());
    var writers = new ArrayList<Thread>();
    for (int w = 0; w < 4; w++) {
      writers.add(started(() -> ingest(accepted, 30, 10)));
    }
    for (var thread : writers) {
      thread.join();
    }

    var received = readUntilAll(topic, Set.copyOf(accepted));
    second.stop();
    secondThread.join(10_000);

    // Whichever took the lease first published everything; the other waited.
    assertThat(List.of(relay.published(), second.published())).containsExactlyInAnyOrder(0L, 1200L);
    assertThat(received).extracting(s -> s.statementId().toString()).doesNotHaveDuplicates();
    assertThat(received).hasSize(1200);
    assertInStoredOrderPerActor(received);
    awaitTrue(() -> outbox.backlog() == 0, "the outbox is emptied");
  }

  @Test
  void brokerStoppedDuringIngestLosesAndDuplicatesNothingDownstream() throws Exception {
    var topic = createTopic("relay-outage");
    startRelay(topic);
    var broker = cluster.brokers().values().iterator().next();
    var accepted = Collections.synchronizedList(new ArrayList<String>());

    ingest(accepted, 20, 10);
    awaitTrue(() -> outbox.backlog() == 0, "the first statements are relayed");

    broker.shutdown();
    broker.awaitShutdown();
    // Intake goes on while the broker is away: statements are durable in the database.
    ingest(accepted, 200, 10);
    long backlog = outbox.backlog();
    assertThat(backlog).as("statements stored while the broker was down").isEqualTo(2000);
    // Its publish attempt fails once the producer's timeout runs out, which may be after intake.
    awaitTrue(() -> relay.problem().isPresent(), "the relay reports the broker away");

    long restart = System.nanoTime();
    broker.startup();
    var writer = started(() -> ingest(accepted, 50, 10)); // and more meanwhile
    awaitTrue(() -> outbox.backlog() == 0 && !writer.isAlive(), "the backlog drains");
    double seconds = (System.nanoTime() - restart) / 1e9;
    System.out.printf(
        "Outbox backlog of %d (+500 arriving) drained %.1f s after the broker restarted%n",
        backlog, seconds);

    var received = readUntilAll(topic, Set.copyOf(accepted));
    var ids = new HashSet<String>();
    var firstOccurrences = new ArrayList<StreamedStatement>();
    for (var statement : received) {
      if (ids.add(statement.statementId().toString())) {
        firstOccurrences.add(statement);
      }
    }
    System.out.printf(
        "Received %d records for %d accepted statements (%d duplicates, removed by id)%n",
        received.size(), accepted.size(), received.size() - ids.size());
    assertThat(ids).isEqualTo(Set.copyOf(accepted));
    assertThat(accepted).hasSize(2700).doesNotHaveDuplicates();
    assertInStoredOrderPerActor(firstOccurrences);
  }

  @Test
  void publishesAgainWhatItCouldNotRemoveAndTheReaderDedupes() throws Exception {
    var topic = createTopic("relay-republish");
    var accepted = Collections.synchronizedList(new ArrayList<String>());
    ingest(accepted, 10, 10);
    // The database fails once right after the broker acknowledged a batch, as a crash there would.
    var failures = new java.util.concurrent.atomic.AtomicInteger(1);
    var flaky =
        new JdbcOutbox(database.dataSource()) {
          @Override
          public void remove(List<vn.hocso.xapi.outbox.storage.OutboxEntry> published) {
            if (failures.getAndDecrement() > 0) {
              throw new IllegalStateException("database away");
            }
            super.remove(published);
          }
        };
    relay =
        new OutboxRelay(
            flaky, publisherTo(topic), clock::consistentThrough, "flaky", relaySettings());
    relayThread = started(relay);
    awaitTrue(() -> outbox.backlog() == 0, "the outbox is emptied");

    var received = readUntilAll(topic, Set.copyOf(accepted));
    var ids = new HashSet<String>();
    received.forEach(s -> ids.add(s.statementId().toString()));

    assertThat(received).as("the first batch went out twice").hasSize(200);
    assertThat(ids).isEqualTo(Set.copyOf(accepted));
  }

  @Test
  void replacesAPublisherThatKeepsFailing() throws Exception {
    var topic = createTopic("relay-reconnect");
    var accepted = Collections.synchronizedList(new ArrayList<String>());
    ingest(accepted, 5, 10);
    var connections = new java.util.concurrent.atomic.AtomicInteger();
    // The first publisher can never deliver (nothing listens there), as a producer stuck for good.
    java.util.function.Supplier<StatementStreamPublisher> connect =
        () ->
            connections.getAndIncrement() == 0
                ? new KafkaStatementPublisher(
                    new KafkaStreamSettings(
                        "127.0.0.1:1", topic, "hocso-lrs-test", Duration.ofMillis(300)))
                : publisherTo(topic).get();
    relay =
        new OutboxRelay(outbox, connect, clock::consistentThrough, "reconnect", relaySettings());
    relayThread = started(relay);

    awaitTrue(() -> outbox.backlog() == 0, "the outbox is emptied");

    assertThat(connections).hasValue(2);
    assertThat(relay.published()).isEqualTo(50);
    assertThat(readUntilAll(topic, Set.copyOf(accepted))).hasSize(50);
  }

  private static java.util.function.Supplier<StatementStreamPublisher> publisherTo(String topic) {
    return () ->
        new KafkaStatementPublisher(
            new KafkaStreamSettings(
                cluster.bootstrapServers(), topic, "hocso-lrs-test", Duration.ofSeconds(3)));
  }

  private void startRelay(String topic) {
    relay =
        new OutboxRelay(
            outbox, publisherTo(topic), clock::consistentThrough, "test-" + topic, relaySettings());
    relayThread = started(relay);
  }

  private static OutboxRelay.Settings relaySettings() {
    return new OutboxRelay.Settings(
        500,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /** Records {@code batches} POST-like batches of {@code size} statements, actors taking turns. */
  private void ingest(List<String> accepted, int batches, int size) {
    for (int b = 0; b < batches; b++) {
      var batch = new ArrayList<JsonValue>();
      for (int i = 0; i < size; i++) {
        batch.add(
            Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add(
                    "actor",
                    Json.createObjectBuilder().add("mbox", "mailto:" + ACTORS[(b + i) % 5]))
                .add(
                    "verb",
                    Json.createObjectBuilder()
                        .add("id", "http://adlnet.gov/expapi/verbs/completed"))
                .add("object", Json.createObjectBuilder().add("id", "https://hocso.vn/bai/" + i))
                .build());
      }
      accepted.addAll(service.record(batch, XapiVersion.V2_0_0, writer));
    }
  }

  private List<StreamedStatement> readUntilAll(String topic, Set<String> expected) {
    var settings =
        new KafkaStreamSettings(
            cluster.bootstrapServers(), topic, "hocso-reader-test", Duration.ofSeconds(10));
    var received = new ArrayList<StreamedStatement>();
    var ids = new HashSet<String>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (StatementStreamSubscriber reader = new KafkaStatementSubscriber(settings, "reader")) {
      while (!ids.containsAll(expected)) {
        assertThat(System.nanoTime() - deadline)
            .as("received %d of %d", ids.size(), expected.size())
            .isNegative();
        for (var statement : reader.poll(Duration.ofMillis(200))) {
          received.add(statement);
          ids.add(statement.statementId().toString());
        }
      }
      // Long enough for a stray duplicate or an unexpected statement to arrive.
      received.addAll(reader.poll(Duration.ofMillis(500)));
    }
    return received;
  }

  /** Within each actor, statements arrive in the order the LRS stored them. */
  private static void assertInStoredOrderPerActor(List<StreamedStatement> received) {
    Map<String, List<StreamedStatement>> byActor = new LinkedHashMap<>();
    received.forEach(s -> byActor.computeIfAbsent(s.actorKey(), k -> new ArrayList<>()).add(s));
    assertThat(byActor).hasSize(ACTORS.length);
    byActor.forEach(
        (actor, statements) ->
            assertThat(statements)
                .as("statements of actor %s", actor)
                .isSortedAccordingTo(Comparator.comparing(StreamedStatement::storedAt)));
  }

  private static Thread started(Runnable task) {
    var thread = new Thread(task);
    thread.start();
    return thread;
  }

  private static String createTopic(String name) throws Exception {
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
    }
    return name;
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waiting until " + what).isNegative();
      Thread.sleep(50);
    }
  }
}
