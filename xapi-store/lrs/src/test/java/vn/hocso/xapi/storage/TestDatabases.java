package vn.hocso.xapi.storage;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh databases carrying the LRS schema for storage tests: an in-memory H2 and a throw-away
 * database on the local MariaDB (127.0.0.1:3306, root, empty password unless
 * HOCSO_TEST_MARIADB_URL, _USER and _PASSWORD say otherwise), both migrated by the real migrations.
 */
public enum TestDatabases {
  H2,
  MARIADB;

  /** A new database of this kind with the LRS schema. Close it to drop it. */
  public TestDatabase create() {
    return createAt(null);
  }

  /**
   * A new database of this kind with the LRS schema as of migration {@code version} (e.g. "9"), to
   * test what a later migration does to data stored before it. Close it to drop it.
   */
  public TestDatabase createAt(String version) {
    var database = createEmpty();
    migrate(database, version);
    return database;
  }

  /** Runs the LRS migrations on this database, up to {@code version} (null: all of them). */
  public static void migrate(TestDatabase database, String version) {
    var flyway =
        Flyway.configure()
            .dataSource(database.dataSource())
            .locations("classpath:db/migration/lrs")
            .table("lrs_schema_history");
    if (version != null) {
      flyway.target(version);
    }
    flyway.load().migrate();
  }

  private TestDatabase createEmpty() {
    var name = "lrs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var database =
        switch (this) {
          case H2 -> {
            var h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            yield new TestDatabase(
                h2,
                () -> {
                  try (var connection = h2.getConnection();
                      var statement = connection.createStatement()) {
                    statement.execute("shutdown");
                  }
                });
          }
          case MARIADB -> {
            var server = mariadb("");
            try (var connection = server.getConnection();
                var statement = connection.createStatement()) {
              statement.execute(
                  "create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
            } catch (SQLException e) {
              throw new IllegalStateException(
                  "MariaDB is needed for this test and did not answer at " + server.getUrl(), e);
            }
            yield new TestDatabase(
                mariadb(name),
                () -> {
                  try (var connection = server.getConnection();
                      var statement = connection.createStatement()) {
                    statement.execute("drop database " + name);
                  }
                });
          }
        };
    return database;
  }

  private static MysqlDataSource mariadb(String database) {
    var source = new MysqlDataSource();
    source.setURL(env("HOCSO_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/") + database);
    source.setUser(env("HOCSO_TEST_MARIADB_USER", "root"));
    source.setPassword(env("HOCSO_TEST_MARIADB_PASSWORD", ""));
    return source;
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A database and how to throw it away. */
  public record TestDatabase(DataSource dataSource, Dropper dropper) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      dropper.drop();
    }
  }

  /** Drops a test database. */
  @FunctionalInterface
  public interface Dropper {
    void drop() throws SQLException;
  }
}
