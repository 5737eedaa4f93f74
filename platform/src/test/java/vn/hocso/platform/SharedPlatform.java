package vn.hocso.platform;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one platform that all black-box tests share, started on first use and stopped when the test
 * JVM ends. It runs on the local MariaDB through Connector/J, as production runs on MySQL.
 */
public final class SharedPlatform {

  static final String DATABASE = "hocso_it";
  static final String USER = "hocso_it";
  static final String PASSWORD = "hocso_it";

  private static PlatformProcess platform;

  private SharedPlatform() {}

  public static synchronized PlatformProcess get() throws Exception {
    if (platform == null) {
      recreateDatabase();
      var data = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), "shared");
      platform =
          PlatformProcess.start(
              data,
              Map.of(
                  "HOCSO_DB_URL",
                  "jdbc:mysql://127.0.0.1:3306/" + DATABASE,
                  "HOCSO_DB_USER",
                  USER,
                  "HOCSO_DB_PASSWORD",
                  PASSWORD,
                  "HOCSO_DB_DATASOURCE_CLASS",
                  "com.mysql.cj.jdbc.MysqlDataSource"));
    }
    return platform;
  }

  /**
   * A fresh database and a user with a password: MicroProfile Config treats an empty value as
   * missing, so the CI's password-less root cannot be handed to the platform.
   */
  private static void recreateDatabase() throws SQLException {
    var url = env("HOCSO_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    try (var connection =
            DriverManager.getConnection(
                url,
                env("HOCSO_TEST_MARIADB_USER", "root"),
                env("HOCSO_TEST_MARIADB_PASSWORD", ""));
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute(
          "create database " + DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
      for (var host : new String[] {"localhost", "127.0.0.1"}) {
        statement.execute(
            "create or replace user '"
                + USER
                + "'@'"
                + host
                + "' identified by '"
                + PASSWORD
                + "'");
        statement.execute("grant all on " + DATABASE + ".* to '" + USER + "'@'" + host + "'");
      }
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
