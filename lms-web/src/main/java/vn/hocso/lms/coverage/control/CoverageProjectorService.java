package vn.hocso.lms.coverage.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.lms.coverage.storage.JdbcQueryStreamPositionStore;
import vn.hocso.lms.platform.LmsDataSource;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.stream.KafkaStatementSubscriber;
import vn.hocso.xapi.stream.KafkaStreamSettings;
import vn.hocso.xapi.stream.XapiQueryStatementSubscriber;

/**
 * Runs the {@link CoverageProjector} on a container-managed thread from the moment the LMS schema
 * is ready until undeploy. The stream is Kafka when {@code kafka.bootstrap.servers}
 * (KAFKA_BOOTSTRAP_SERVERS, the LRS's setting) is set, else the xAPI statements query against
 * {@code hocso.lrs.url} with the LRS client {@code hocso.lrs.key} / {@code hocso.lrs.secret}
 * (HOCSO_LRS_KEY, HOCSO_LRS_SECRET; it needs the {@code statements/read} scope). Without either,
 * nothing is projected and the readiness data say why.
 */
@ApplicationScoped
public class CoverageProjectorService {

  private static final Logger LOG = Logger.getLogger(CoverageProjectorService.class.getName());

  /** The Kafka consumer group, and the reader name of the query transport's position. */
  public static final String READER = "hocso-coverage";

  @Resource(lookup = LmsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "kafka.bootstrap.servers")
  Optional<String> bootstrapServers;

  @Inject
  @ConfigProperty(name = "kafka.topic", defaultValue = "hocso.statements")
  String topic;

  @Inject
  @ConfigProperty(name = "hocso.lrs.url", defaultValue = "http://localhost:8080/xapi/")
  String lrsUrl;

  @Inject
  @ConfigProperty(name = "hocso.lrs.key")
  Optional<String> lrsKey;

  @Inject
  @ConfigProperty(name = "hocso.lrs.secret")
  Optional<String> lrsSecret;

  private CoverageProjector projector;
  private Thread thread;
  private String transport = "none";

  synchronized void onSchemaReady(@Observes LmsSchema.SchemaReady ready) {
    if (projector != null) {
      return;
    }
    var servers = bootstrapServers.filter(value -> !value.isBlank());
    if (servers.isPresent()) {
      var settings =
          new KafkaStreamSettings(servers.get(), topic, "hocso-lms", Duration.ofSeconds(10));
      projector =
          new CoverageProjector(
              dataSource,
              connection -> new KafkaStatementSubscriber(settings, READER),
              false,
              CoverageProjector.Settings.defaults());
      transport = "Kafka at " + servers.get() + ", topic " + topic;
    } else if (lrsKey.filter(k -> !k.isBlank()).isPresent()
        && lrsSecret.filter(s -> !s.isBlank()).isPresent()) {
      var client =
          XapiClient.builder(URI.create(lrsUrl))
              .basicAuth(lrsKey.get(), lrsSecret.get())
              .timeout(Duration.ofSeconds(10))
              .build();
      projector =
          new CoverageProjector(
              dataSource,
              connection ->
                  new XapiQueryStatementSubscriber(
                      client,
                      new JdbcQueryStreamPositionStore(dataSource, connection, READER),
                      XapiQueryStatementSubscriber.Settings.defaults()),
              true,
              CoverageProjector.Settings.defaults());
      transport = "xAPI statements query at " + lrsUrl;
    } else {
      LOG.warning(
          "Coverage projector not started: set KAFKA_BOOTSTRAP_SERVERS, or HOCSO_LRS_KEY and"
              + " HOCSO_LRS_SECRET (an LRS client that may read all statements)");
      return;
    }
    thread = threads.newThread(projector);
    thread.setName("hocso-coverage-projector");
    thread.start();
    LOG.info(() -> "Coverage projector started, reading the statement stream from " + transport);
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    if (projector == null) {
      return;
    }
    projector.stop();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the readiness check shows: whether and how it runs, how far it got, what went wrong. */
  public Map<String, String> report() {
    var data = new TreeMap<String, String>();
    if (projector == null) {
      data.put(
          "coverage",
          "NOT_CONFIGURED: no Kafka broker (KAFKA_BOOTSTRAP_SERVERS) and no LRS credentials"
              + " (HOCSO_LRS_KEY, HOCSO_LRS_SECRET); coverage figures are not updated");
      return data;
    }
    var status = projector.status();
    data.put("coverage", status.problem().isPresent() ? "DEGRADED" : "UP");
    data.put("coverageTransport", transport);
    data.put("coverageApplied", String.valueOf(status.applied()));
    data.put("coverageDuplicates", String.valueOf(status.duplicates()));
    data.put("coverageSkipped", String.valueOf(status.skipped()));
    status.lag().ifPresent(lag -> data.put("coverageLagMillis", String.valueOf(lag.toMillis())));
    status.lastStored().ifPresent(at -> data.put("coverageLastStored", at.toString()));
    status.problem().ifPresent(problem -> data.put("coverageProblem", problem));
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from cov_change")) {
      rows.next();
      data.put("coveragePendingReorganisations", String.valueOf(rows.getLong(1)));
    } catch (java.sql.SQLException e) {
      data.put("coveragePendingReorganisations", "unknown: " + e.getMessage());
    }
    return data;
  }
}
