package vn.hocso.xapi.outbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.xapi.outbox.storage.JdbcOutbox;
import vn.hocso.xapi.statements.control.StoredClock;
import vn.hocso.xapi.storage.control.LrsDataSource;

/**
 * Runs the {@link OutboxRelay} on a container-managed thread while the LRS is deployed, if a broker
 * is configured; stops it before the application's beans (the publisher among them) go.
 */
@ApplicationScoped
public class OutboxRelayService {

  private static final Logger LOG = Logger.getLogger(OutboxRelayService.class.getName());

  /** How long undeploy waits for the batch in hand (a publish may take its whole timeout). */
  private static final long STOP_WAIT_MILLIS = 15_000;

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject StatementStreamConnection connection;
  @Inject StoredClock clock;

  private JdbcOutbox outbox;
  private OutboxRelay relay;
  private Thread thread;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    outbox = new JdbcOutbox(dataSource);
    connection
        .publisher()
        .ifPresent(
            readinessPublisher -> {
              var holder = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
              relay =
                  new OutboxRelay(
                      outbox,
                      connection::newPublisher,
                      clock::consistentThrough,
                      holder,
                      OutboxRelay.Settings.defaults());
              thread = threads.newThread(relay);
              thread.setName("hocso-outbox-relay");
              thread.start();
              LOG.info(() -> "Statement stream: outbox relay started as " + holder);
            });
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    if (relay == null) {
      return;
    }
    relay.stop();
    try {
      thread.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info(() -> "Statement stream: outbox relay stopped after " + relay.published());
  }

  /** The relay's state for the readiness report; empty when no broker is configured. */
  public Optional<Status> status() {
    if (relay == null) {
      return Optional.empty();
    }
    long backlog;
    try {
      backlog = outbox.backlog();
    } catch (RuntimeException e) {
      backlog = -1;
    }
    return Optional.of(new Status(backlog, relay.published(), relay.problem()));
  }

  /**
   * @param backlog statements waiting in the outbox, -1 if the database did not say
   * @param published statements this instance published since it started
   * @param problem why the last attempt failed, if it did
   */
  public record Status(long backlog, long published, Optional<String> problem) {}

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "lrs";
    }
  }
}
