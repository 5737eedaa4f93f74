package vn.hocso.lms.learning.control;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.learning.control.DeliveredStatementsTest.statement;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.learning.storage.StatementQueue;
import vn.hocso.xapi.client.model.Statement;

/**
 * Her records between the queue, the LRS and what this instance delivered: her own writes show at
 * once and exactly once, whether still queued or delivered, without the LRS being asked on every
 * page; the LRS is asked again after a minute or when another instance may have delivered.
 */
class LearningRecordsTest {

  private final UUID registration = UUID.randomUUID();
  private final List<Statement> inLrs = new CopyOnWriteArrayList<>();
  private final List<Statement> queued = new CopyOnWriteArrayList<>();
  private final AtomicInteger lrsReads = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong leaseTerm = new AtomicLong(1);
  private HttpServer lrs;
  private LearningRecords records;

  @BeforeEach
  void start() throws IOException {
    lrs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    lrs.createContext(
        "/xapi/statements",
        exchange -> {
          lrsReads.incrementAndGet();
          var body =
              ("{\"statements\":["
                      + inLrs.stream().map(Statement::toJsonString).collect(Collectors.joining(","))
                      + "],\"more\":\"\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Experience-API-Version", "2.0.0");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    lrs.start();

    var connection = new LrsConnection();
    connection.url = "http://127.0.0.1:" + lrs.getAddress().getPort() + "/xapi/";
    connection.key = Optional.of("lms");
    connection.secret = Optional.of("secret");
    connection.connect();
    records = new LearningRecords();
    records.lrs = connection;
    records.delivered = new DeliveredStatements(nanos::get);
    records.queue =
        new StatementQueue() {
          @Override
          public List<Statement> waitingFor(UUID registration) {
            return List.copyOf(queued);
          }
        };
    records.delivery =
        new StatementDelivery() {
          @Override
          public synchronized long leaseTerm() {
            return leaseTerm.get();
          }
        };
  }

  @AfterEach
  void stop() {
    lrs.stop(0);
  }

  @Test
  void herOwnWritesShowAtOnceAndOnceWithoutAskingTheLrsOnEveryPage() {
    var registered = statement(registration);
    inLrs.add(registered);
    assertThat(read()).containsExactly(registered);
    assertThat(lrsReads).hasValue(1);

    var experienced = statement(registration); // she opens a lesson: queued with the page
    queued.add(experienced);
    assertThat(read()).containsExactly(registered, experienced);

    deliver(experienced);
    assertThat(read()).containsExactly(registered, experienced);
    assertThat(lrsReads).as("pages after the first read").hasValue(1);

    // Delivered while a page read the queue (it saw the row) and then this instance's record.
    var answered = statement(registration);
    queued.add(answered);
    records.delivered.remember(List.of(answered));
    inLrs.add(answered);
    assertThat(distinct(read())).containsExactly(registered, experienced, answered);
    queued.remove(answered);
    assertThat(read()).containsExactly(registered, experienced, answered);
    assertThat(lrsReads).hasValue(1);
  }

  @Test
  void asksTheLrsAgainAfterAMinute() {
    inLrs.add(statement(registration));
    read();
    var fromElsewhere = statement(registration); // e.g. an administrator's client
    inLrs.add(fromElsewhere);
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());

    assertThat(read()).contains(fromElsewhere);
    assertThat(lrsReads).hasValue(2);
  }

  @Test
  void asksTheLrsAgainWhenAnotherInstanceMayHaveDelivered() {
    inLrs.add(statement(registration));
    read();
    leaseTerm.set(-1); // the lease lapsed: another instance may deliver her statements
    var deliveredElsewhere = statement(registration);
    inLrs.add(deliveredElsewhere);
    assertThat(read()).contains(deliveredElsewhere);

    leaseTerm.set(2); // held again, after a break
    var more = statement(registration);
    inLrs.add(more);
    assertThat(read()).contains(more);
    assertThat(read()).contains(more);
    assertThat(lrsReads).hasValue(3);
  }

  @Test
  void keepsWhatItKnewWhenTheLrsStopsAnswering() {
    var registered = statement(registration);
    inLrs.add(registered);
    read();
    lrs.stop(0);
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    var answered = statement(registration);
    queued.add(answered);

    var records = this.records.of("hv-1", registration);
    assertThat(records.statements()).containsExactly(registered, answered);
    assertThat(records.fromLrs()).isFalse();
    assertThat(records.complete()).isTrue();
  }

  private List<Statement> read() {
    return records.of("hv-1", registration).statements();
  }

  /** As the delivery worker does: the LRS accepts, the statement is remembered, the row goes. */
  private void deliver(Statement statement) {
    inLrs.add(statement);
    records.delivered.remember(List.of(statement));
    queued.remove(statement);
  }

  private static List<Statement> distinct(List<Statement> statements) {
    var seen = new ArrayList<UUID>();
    return statements.stream().filter(s -> !seen.contains(s.id()) && seen.add(s.id())).toList();
  }
}
