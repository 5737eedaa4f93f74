package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Statement;

/**
 * The coverage projector on the platform with Kafka (the platform and KRaft broker of
 * KafkaPlatform): statements POSTed to the LRS move the counters of the commune, its province and
 * Central by exactly what they should; with the broker stopped for a minute in the middle (long
 * past the relay's and the consumer's retry intervals, and past the consumer's 45 s session
 * timeout), nothing is lost or counted twice once it returns.
 */
class CoverageKafkaIT {

  private static final int BROKER_AWAY_SECONDS = Integer.getInteger("coverage.brokerAway", 60);

  private static KafkaPlatform kafka;
  private static PlatformProcess platform;
  private static XapiClient lrs;
  private static CoverageItData data;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaPlatform.get();
    platform = kafka.platform;
    lrs = kafka.lrs;
    data = new CoverageItData(KafkaPlatform.DATABASE);
  }

  @Test
  void countsAreExactAtEveryLevelAcrossABrokerOutage() throws Exception {
    var place = data.place();
    var units = List.of(place.commune(), place.province(), place.central());
    var people = data.addPeople(place.commune(), 10);
    var posted = new ArrayList<UUID>();
    var completions = new ArrayList<UUID>();

    // Five learners enrol and complete the course.
    for (var account : people.subList(0, 5)) {
      posted.addAll(enrolAndComplete(account, place, completions));
    }
    awaitCounts(place, units, 5, 5, "the first five learners are counted");

    // Throughput: 1,000 lesson statements, POSTed in batches of 50, until all are projected.
    var lessons = new ArrayList<UUID>();
    long started = System.nanoTime();
    for (int batch = 0; batch < 20; batch++) {
      var statements = new ArrayList<Statement>();
      for (int i = 0; i < 50; i++) {
        var id = UUID.randomUUID();
        statements.add(
            CoverageItData.lesson(id, people.get(i % people.size()), place.courseIri(), batch));
        lessons.add(id);
      }
      lrs.postStatements(statements);
    }
    CoverageItData.await(
        Duration.ofMinutes(3),
        "1,000 lesson statements are projected",
        () -> data.handled(lessons) == 1000 ? "" : data.handled(lessons) + " of 1000");
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "Coverage (Kafka): 1000 statements POSTed and projected in %.1f s: %.0f statements/s"
            + " end to end%n",
        seconds, 1000 / seconds);
    posted.addAll(lessons);

    // The broker goes away; five more learners enrol and complete, two completions are voided.
    var broker = kafka.broker();
    broker.shutdown();
    broker.awaitShutdown();
    long down = System.nanoTime();
    for (var account : people.subList(5, 10)) {
      posted.addAll(enrolAndComplete(account, place, completions));
    }
    for (int i = 0; i < 2; i++) {
      var voiding = CoverageItData.voiding(completions.get(i), people.get(i));
      lrs.postStatement(voiding);
      posted.add(voiding.id());
    }
    CoverageItData.await(
        Duration.ofSeconds(30),
        "readiness says the stream is degraded",
        () -> platform.get("/health/ready").body().contains("DEGRADED") ? "" : "not yet");
    Thread.sleep(Math.max(0, BROKER_AWAY_SECONDS * 1000L - (System.nanoTime() - down) / 1_000_000));
    for (long unit : units) {
      assertThat(data.live(unit, place.courseId(), "ENROLLED"))
          .as("nothing reaches the projector while the broker is away")
          .isEqualTo(5);
    }

    long back = System.nanoTime();
    broker.startup();
    awaitCounts(place, units, 10, 8, "the statements held back during the outage are counted");
    System.out.printf(
        "Coverage (Kafka): broker away %d s; counters exact %.1f s after it returned%n",
        BROKER_AWAY_SECONDS, (System.nanoTime() - back) / 1e9);
    Thread.sleep(5000); // a late duplicate would show now
    awaitCounts(place, units, 10, 8, "still exactly once");
    assertThat(data.handled(posted)).as("every statement handled once").isEqualTo(posted.size());
    assertThat(platform.get("/health/ready").body())
        .contains("\"coverage\"")
        .contains("Kafka at " + kafka.cluster.bootstrapServers());
  }

  private static List<UUID> enrolAndComplete(
      String account, CoverageItData.Place place, List<UUID> completions) {
    var enrol = CoverageItData.course(UUID.randomUUID(), "registered", account, place.courseIri());
    var complete =
        CoverageItData.course(UUID.randomUUID(), "completed", account, place.courseIri());
    lrs.postStatements(List.of(enrol, complete));
    completions.add(complete.id());
    return List.of(enrol.id(), complete.id());
  }

  private static void awaitCounts(
      CoverageItData.Place place, List<Long> units, long enrolled, long completed, String what)
      throws Exception {
    CoverageItData.await(
        Duration.ofMinutes(3),
        what,
        () -> {
          var wrong = new StringBuilder();
          for (long unit : units) {
            long e = data.live(unit, place.courseId(), "ENROLLED");
            long c = data.live(unit, place.courseId(), "COMPLETED");
            if (e != enrolled || c != completed) {
              wrong.append("unit ").append(unit).append(": ").append(e).append('/').append(c);
              wrong.append("; ");
            }
          }
          return wrong.toString();
        });
  }
}
