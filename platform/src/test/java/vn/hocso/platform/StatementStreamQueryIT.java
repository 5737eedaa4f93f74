package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verbs;
import vn.hocso.xapi.stream.FileQueryStreamPositionStore;
import vn.hocso.xapi.stream.StreamedStatement;
import vn.hocso.xapi.stream.XapiQueryStatementSubscriber;

/**
 * The statement stream without Kafka: a reader follows the real LRS through the standard statements
 * query while statements arrive from several writers at once, stops, and carries on from its saved
 * position.
 */
class StatementStreamQueryIT {

  @Test
  void readerSeesEveryStatementOnceAcrossARestart() throws Exception {
    var platform = SharedPlatform.get();
    var lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
    var activity = "https://hocso.vn/xapi/activities/stream-query/" + UUID.randomUUID();
    var position = Files.createTempDirectory(Path.of("target"), "stream-").resolve("position");
    var settings =
        new XapiQueryStatementSubscriber.Settings(
            50, Duration.ofMillis(200), Duration.ofMillis(50));

    var posted = Collections.synchronizedList(new ArrayList<String>());
    var writers = new ArrayList<Thread>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      var thread =
          new Thread(
              () -> {
                for (int b = 0; b < 20; b++) {
                  var batch = new ArrayList<Statement>();
                  for (int i = 0; i < 5; i++) {
                    batch.add(
                        Statement.builder()
                            .newId()
                            .actor(Agent.account("https://hocso.vn", "stream-" + writer + "-" + i))
                            .verb(Verbs.COMPLETED)
                            .object(Activity.of(activity))
                            .build());
                  }
                  lrs.postStatements(batch).forEach(id -> posted.add(id.toString()));
                }
              });
      thread.start();
      writers.add(thread);
    }

    var received = new ArrayList<StreamedStatement>();
    // First reader: reads while the writers write, commits, and stops half-way.
    try (var reader =
        new XapiQueryStatementSubscriber(
            lrs, new FileQueryStreamPositionStore(position), settings)) {
      while (received.stream().filter(s -> s.json().contains(activity)).count() < 150) {
        received.addAll(reader.poll(Duration.ofMillis(500)));
        reader.commit();
      }
    }
    for (var thread : writers) {
      thread.join(TimeUnit.MINUTES.toMillis(2));
    }
    // Second reader: the same position, as after a restart.
    try (var reader =
        new XapiQueryStatementSubscriber(
            lrs, new FileQueryStreamPositionStore(position), settings)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!ids(ours(received, activity)).containsAll(posted)) {
        assertThat(System.nanoTime() - deadline).as("still waiting").isNegative();
        received.addAll(reader.poll(Duration.ofMillis(500)));
        reader.commit();
      }
      received.addAll(reader.poll(Duration.ofMillis(500)));
    }

    assertThat(posted).hasSize(300);
    assertThat(received).extracting(s -> s.statementId()).doesNotHaveDuplicates();
    assertThat(ids(ours(received, activity))).isEqualTo(Set.copyOf(posted));
    assertThat(received).extracting(StreamedStatement::storedAt).isSorted();
  }

  private static List<StreamedStatement> ours(List<StreamedStatement> received, String activity) {
    return received.stream().filter(s -> s.json().contains(activity)).toList();
  }

  private static Set<String> ids(List<StreamedStatement> statements) {
    var ids = new HashSet<String>();
    statements.forEach(s -> ids.add(s.statementId().toString()));
    return ids;
  }
}
