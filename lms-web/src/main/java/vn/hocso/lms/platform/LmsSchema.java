package vn.hocso.lms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the LMS schema up to date at start (Flyway), then announces {@link SchemaReady}. A
 * database that does not answer must not fail the deployment, or nothing would report it: we log
 * one line saying why, readiness reports DOWN and tries again.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LmsSchema {

  private static final Logger LOG = Logger.getLogger(LmsSchema.class.getName());

  @Resource(lookup = LmsDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject Event<SchemaReady> schemaReady;

  private volatile String problem = "the schema has not been migrated yet";

  @PostConstruct
  void migrateAtStart() {
    migrateIfNeeded();
  }

  /** Migrates unless already done; returns the problem if the database is not usable. */
  public synchronized Optional<String> migrateIfNeeded() {
    if (problem == null) {
      return Optional.empty();
    }
    try {
      var result = migrate(dataSource);
      problem = null;
      LOG.info(() -> "LMS schema at version " + result);
    } catch (RuntimeException e) {
      var now = "LMS database unavailable: " + rootMessage(e);
      if (!now.equals(problem)) {
        LOG.severe(now); // once per distinct problem, not at every readiness probe
      }
      problem = now;
      return Optional.of(problem);
    }
    schemaReady.fire(new SchemaReady());
    return Optional.empty();
  }

  /** Applies the LMS migrations; used by the application and by the persistence tests. */
  public static String migrate(DataSource dataSource) {
    return Flyway.configure(LmsSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/lms")
        .table("lms_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate()
        .targetSchemaVersion;
  }

  /**
   * Asks the database a trivial question now. Here rather than in the readiness check: Payara runs
   * health checks outside the application's naming context, where the data source is not bound.
   */
  public void ping() throws java.sql.SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select 1")) {
      rows.next();
    }
  }

  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Fired once the schema is up to date. */
  public record SchemaReady() {}
}
