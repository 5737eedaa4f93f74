package vn.hocso.xapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.xapi.client.XapiClient;

/**
 * The since-boundary cases of the xAPI query transport, against {@link QueryLrs}; the platform's
 * integration tests read our real LRS with it.
 */
class XapiQueryStatementSubscriberTest {

  private static final Instant T = Instant.parse("2026-03-08T09:00:00.123456Z");

  @TempDir Path folder;
  private final QueryLrs lrs = new QueryLrs();
  private final XapiClient client = new XapiClient(lrs.endpoint(), Duration.ofSeconds(5));

  XapiQueryStatementSubscriberTest() throws Exception {}

  @AfterEach
  void stop() {
    lrs.close();
  }

  private XapiQueryStatementSubscriber subscriber(int pageSize, Duration overlap) {
    return new XapiQueryStatementSubscriber(
        client,
        new FileQueryStreamPositionStore(folder.resolve("position")),
        new XapiQueryStatementSubscriber.Settings(pageSize, overlap, Duration.ofMillis(10)));
  }

  private static List<UUID> ids(List<StreamedStatement> statements) {
    return statements.stream().map(StreamedStatement::statementId).toList();
  }

  private static List<UUID> drain(StatementStreamSubscriber subscriber) {
    var received = new ArrayList<UUID>();
    for (int i = 0; i < 20; i++) {
      received.addAll(ids(subscriber.poll(Duration.ZERO)));
    }
    return received;
  }

  @Test
  void readsEveryStatementSharingOneStoredTimeOnceAcrossPages() {
    var expected = new ArrayList<UUID>();
    for (int i = 0; i < 5; i++) {
      expected.add(lrs.add("mailto:an@example.vn", T));
    }
    lrs.consistentThrough(T.plusSeconds(5));

    var received = drain(subscriber(2, Duration.ZERO));

    assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void waitsForStatementsStoredAfterTheConsistentThroughTime() {
    var reader = subscriber(10, Duration.ZERO);
    var later = lrs.add("mailto:an@example.vn", T.plusMillis(2));
    // An earlier statement's transaction has not committed: the LRS says so in its header.
    lrs.consistentThrough(T);
    assertThat(reader.poll(Duration.ZERO)).isEmpty();

    var earlier = lrs.add("mailto:an@example.vn", T.plusMillis(1));
    lrs.consistentThrough(T.plusSeconds(1));

    assertThat(ids(reader.poll(Duration.ZERO))).containsExactly(earlier, later);
    assertThat(reader.poll(Duration.ZERO)).isEmpty();
  }

  @Test
  void overlapCatchesAStatementThatAnLrsWithoutTheHeaderShowsLate() {
    lrs.consistentThrough(null);
    var reader = subscriber(10, Duration.ofSeconds(1));
    var later = lrs.add("mailto:an@example.vn", T.plusMillis(500));
    assertThat(ids(reader.poll(Duration.ZERO))).containsExactly(later);

    var earlier = lrs.add("mailto:binh@example.vn", T.plusMillis(100));

    assertThat(ids(reader.poll(Duration.ZERO))).containsExactly(earlier);
    assertThat(reader.poll(Duration.ZERO)).isEmpty();
  }

  @Test
  void restartsFromTheCommittedPositionAndRedeliversWhatWasNotCommitted() {
    lrs.consistentThrough(T.plusSeconds(10));
    var first = lrs.add("mailto:an@example.vn", T);
    var second = lrs.add("mailto:an@example.vn", T.plusMillis(1));
    var reader = subscriber(1, Duration.ZERO);
    assertThat(ids(reader.poll(Duration.ZERO))).containsExactly(first);
    reader.commit();
    assertThat(ids(reader.poll(Duration.ZERO))).containsExactly(second);
    reader.close(); // without commit

    var restarted = subscriber(1, Duration.ZERO);

    assertThat(drain(restarted)).containsExactly(second);
  }

  @Test
  void anIdleReaderMovesUpToTheConsistentThroughTimeInsteadOfRereading() {
    lrs.add("mailto:an@example.vn", T);
    lrs.consistentThrough(T.plusSeconds(60));
    var positions = new FileQueryStreamPositionStore(folder.resolve("position"));
    var reader =
        new XapiQueryStatementSubscriber(
            client,
            positions,
            new XapiQueryStatementSubscriber.Settings(
                10, Duration.ofSeconds(1), Duration.ofMillis(10)));

    assertThat(reader.poll(Duration.ZERO)).hasSize(1);
    reader.commit();

    var position = positions.load();
    assertThat(position.since()).isEqualTo(T.plusSeconds(59));
    assertThat(position.seen()).isEmpty();
  }

  @Test
  void aReaderFarBehindStartsItsNextQueryJustBelowTheNewestStatementNotAnOverlapBack() {
    var expected = new ArrayList<UUID>();
    for (int i = 0; i < 30; i++) {
      expected.add(lrs.add("mailto:an@example.vn", T.plusMillis(i)));
    }
    lrs.consistentThrough(T.plusSeconds(60));
    var positions = new FileQueryStreamPositionStore(folder.resolve("behind"));
    var reader =
        new XapiQueryStatementSubscriber(
            client,
            positions,
            new XapiQueryStatementSubscriber.Settings(
                10, Duration.ofSeconds(1), Duration.ofMillis(10)));

    assertThat(ids(reader.poll(Duration.ZERO))).containsExactlyElementsOf(expected.subList(0, 10));
    reader.commit();

    // Not a second back (which would make the next query read these ten again): just below.
    var position = positions.load();
    assertThat(position.since()).isEqualTo(T.plusMillis(9).minusNanos(1000));
    assertThat(position.seen()).containsOnlyKeys(expected.get(9));
    var rest = new ArrayList<UUID>();
    for (int i = 0; i < 5; i++) {
      rest.addAll(ids(reader.poll(Duration.ZERO)));
    }
    assertThat(rest).containsExactlyElementsOf(expected.subList(10, 30));
  }

  @Test
  void keysStatementsByActorAsTheKafkaTransportDoes() {
    lrs.consistentThrough(T.plusSeconds(1));
    lrs.add("mailto:an@example.vn", T);
    lrs.add("mailto:an@example.vn", T.plusMillis(1));
    lrs.add("mailto:binh@example.vn", T.plusMillis(2));

    var received = subscriber(10, Duration.ZERO).poll(Duration.ZERO);

    assertThat(received)
        .extracting(StreamedStatement::actorKey)
        .hasSize(3)
        .element(0)
        .isEqualTo(received.get(1).actorKey());
    assertThat(received.get(2).actorKey()).isNotEqualTo(received.get(0).actorKey()).hasSize(64);
    assertThat(received.get(0).storedAt()).isEqualTo(T);
    assertThat(received.get(0).json()).contains("an@example.vn");
  }
}
