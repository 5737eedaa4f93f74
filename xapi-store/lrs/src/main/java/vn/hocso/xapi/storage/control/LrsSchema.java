package vn.hocso.xapi.storage.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the LRS schema up to date at start (Flyway). A database that does not answer must not fail
 * the deployment: then nothing would report it. Instead we log one line saying why, the readiness
 * check reports DOWN and tries again.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LrsSchema {

  private static final Logger LOG = Logger.getLogger(LrsSchema.class.getName());

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  private DataSource dataSource;

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
      var result =
          Flyway.configure(LrsSchema.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration/lrs")
              .table("lrs_schema_history")
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
      problem = null;
      LOG.info(() -> "LRS schema at version " + result.targetSchemaVersion);
    } catch (RuntimeException e) {
      var now = "LRS database unavailable: " + rootMessage(e);
      if (!now.equals(problem)) {
        LOG.severe(now); // once per distinct problem, not at every readiness probe
      }
      problem = now;
    }
    return Optional.ofNullable(problem);
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

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
