package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verbs;
import vn.hocso.xapi.stream.KafkaStatementSubscriber;
import vn.hocso.xapi.stream.KafkaStreamSettings;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * The platform with Kafka configured (KAFKA_BOOTSTRAP_SERVERS), against a real KRaft broker in this
 * JVM: statements POSTed over HTTP reach the topic through the outbox; the broker is stopped in the
 * middle of the ingest, the LRS keeps accepting, and once the broker is back the backlog drains and
 * a reader deduping by statement id ends with exactly the accepted statements.
 */
class StatementStreamKafkaIT {

  private static final Pattern BACKLOG = Pattern.compile("\"backlog\":\"?(\\d+)");

  private static KafkaPlatform kafka;
  private static PlatformProcess platform;
  private static XapiClient lrs;

  /** This run's learners, so statements of the other Kafka tests on the topic are told apart. */
  private static final String LEARNER = "hoc-vien-" + UUID.randomUUID() + "-";

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaPlatform.get();
    platform = kafka.platform;
    lrs = kafka.lrs;
  }

  @Test
  void brokerStoppedDuringIngestLosesAndDuplicatesNothingDownstream() throws Exception {
    var accepted = Collections.synchronizedList(new ArrayList<String>());
    var broker = kafka.broker();

    post(accepted, 20);
    awaitTrue(() -> backlog() == 0, "the first statements are published");

    broker.shutdown();
    broker.awaitShutdown();
    post(accepted, 100); // accepted while the broker is away
    var health = platform.get("/health/ready").body();
    assertThat(health).contains("DEGRADED");
    assertThat(backlog()).isEqualTo(1000);

    long restart = System.nanoTime();
    broker.startup();
    var writer = new Thread(() -> post(accepted, 30));
    writer.start();
    awaitTrue(() -> !writer.isAlive() && backlog() == 0, "the backlog drains");
    System.out.printf(
        "Platform: backlog of 1000 (+300 arriving) drained %.1f s after the broker restarted%n",
        (System.nanoTime() - restart) / 1e9);

    var received = read(Set.copyOf(accepted));
    var firstSeen = new LinkedHashMap<String, StreamedStatement>();
    received.stream()
        .filter(s -> s.json().contains(LEARNER))
        .forEach(s -> firstSeen.putIfAbsent(s.statementId().toString(), s));
    System.out.printf(
        "Platform: %d records for %d accepted statements (%d duplicates removed by id)%n",
        received.size(), accepted.size(), received.size() - firstSeen.size());

    assertThat(accepted).hasSize(1500).doesNotHaveDuplicates();
    assertThat(firstSeen.keySet()).isEqualTo(Set.copyOf(accepted));
    Map<String, List<StreamedStatement>> byActor = new HashMap<>();
    firstSeen
        .values()
        .forEach(s -> byActor.computeIfAbsent(s.actorKey(), k -> new ArrayList<>()).add(s));
    assertThat(byActor).hasSize(5);
    byActor
        .values()
        .forEach(
            statements ->
                assertThat(statements)
                    .isSortedAccordingTo(Comparator.comparing(StreamedStatement::storedAt)));
  }

  /** POSTs {@code batches} batches of ten statements, five learners taking turns. */
  private static void post(List<String> accepted, int batches) {
    for (int b = 0; b < batches; b++) {
      var batch = new ArrayList<Statement>();
      for (int i = 0; i < 10; i++) {
        batch.add(
            Statement.builder()
                .newId()
                .actor(Agent.account("https://hocso.vn", LEARNER + (b + i) % 5))
                .verb(Verbs.COMPLETED)
                .object(Activity.of("https://hocso.vn/xapi/activities/bai/" + i))
                .build());
      }
      lrs.postStatements(batch).forEach(id -> accepted.add(id.toString()));
    }
  }

  private static long backlog() {
    try {
      var matcher = BACKLOG.matcher(platform.get("/health/ready").body());
      return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<StreamedStatement> read(Set<String> expected) {
    var settings =
        new KafkaStreamSettings(
            kafka.cluster.bootstrapServers(),
            KafkaPlatform.TOPIC,
            "it-reader",
            Duration.ofSeconds(10));
    var received = new ArrayList<StreamedStatement>();
    var ids = new HashSet<String>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (var reader = new KafkaStatementSubscriber(settings, "it-reader-" + UUID.randomUUID())) {
      while (!ids.containsAll(expected)) {
        assertThat(System.nanoTime() - deadline)
            .as("received %d of %d", ids.size(), expected.size())
            .isNegative();
        for (var statement : reader.poll(Duration.ofMillis(200))) {
          received.add(statement);
          ids.add(statement.statementId().toString());
        }
      }
      received.addAll(reader.poll(Duration.ofMillis(500)));
    }
    return received;
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline)
          .as("waiting until %s; readiness: %s", what, platform.get("/health/ready").body())
          .isNegative();
      Thread.sleep(200);
    }
  }
}
