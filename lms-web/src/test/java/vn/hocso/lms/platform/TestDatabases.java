package vn.hocso.lms.platform;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh, empty databases for persistence tests: an in-memory H2 and a throw-away database on the
 * local MariaDB (127.0.0.1:3306, root, empty password unless HOCSO_TEST_MARIADB_URL, _USER and
 * _PASSWORD say otherwise). The same migrations and mappings run on both.
 */
public enum TestDatabases {
  H2,
  MARIADB;

  /** A new empty database of this kind. */
  public TestDatabase create() {
    // HOCSO_TEST_DATABASE_PREFIX keeps one helper's throw-away databases apart from another's.
    var name =
        env("HOCSO_TEST_DATABASE_PREFIX", "hocso_test_")
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (this) {
      case H2 -> {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        yield new TestDatabase(h2, () -> {});
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
  }

  private static MysqlDataSource mariadb(String database) {
    var base = env("HOCSO_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    var source = new MysqlDataSource();
    source.setURL(base + database);
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

    /** JPA properties that run the real persistence unit outside a container on this database. */
    public java.util.Map<String, Object> persistenceProperties() {
      var properties = new HashMap<String, Object>();
      properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      properties.put("jakarta.persistence.jtaDataSource", null);
      properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
      properties.put("eclipselink.logging.level", "WARNING");
      return properties;
    }

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
