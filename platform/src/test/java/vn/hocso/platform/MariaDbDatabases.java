package vn.hocso.platform;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Fresh databases on the local MariaDB for a started platform, each with its own user and password:
 * MicroProfile Config treats an empty value as missing, so the CI's password-less root cannot be
 * handed to the platform.
 */
final class MariaDbDatabases {

  private MariaDbDatabases() {}

  /** Drops and creates the database; its user's password is the database name. */
  static void recreate(String database) throws SQLException {
    var url = env("HOCSO_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    try (var connection =
            DriverManager.getConnection(
                url,
                env("HOCSO_TEST_MARIADB_USER", "root"),
                env("HOCSO_TEST_MARIADB_PASSWORD", ""));
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + database);
      statement.execute(
          "create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
      for (var host : new String[] {"localhost", "127.0.0.1"}) {
        statement.execute(
            "create or replace user '"
                + database
                + "'@'"
                + host
                + "' identified by '"
                + database
                + "'");
        statement.execute("grant all on " + database + ".* to '" + database + "'@'" + host + "'");
      }
    }
  }

  /** The environment that points the platform at the database, as README tells an operator. */
  static Map<String, String> platformEnvironment(String database, String password) {
    return Map.of(
        "HOCSO_DB_URL",
        "jdbc:mysql://127.0.0.1:3306/" + database,
        "HOCSO_DB_USER",
        database,
        "HOCSO_DB_PASSWORD",
        password,
        "HOCSO_DB_DATASOURCE_CLASS",
        "com.mysql.cj.jdbc.MysqlDataSource");
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
