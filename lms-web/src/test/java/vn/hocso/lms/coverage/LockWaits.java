package vn.hocso.lms.coverage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Interleaving two MariaDB transactions without sleeping for a guessed time: the test waits until
 * the other connection's transaction is in InnoDB's lock wait, or its work has ended.
 */
public final class LockWaits {

  private LockWaits() {}

  /** The server's id of the connection (information_schema.innodb_trx.trx_mysql_thread_id). */
  public static long connectionId(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select connection_id()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Returns once the connection's transaction waits for a lock or {@code work} is done (polling
   * every 10 ms, at most a minute: a bound, not a timing).
   */
  public static void awaitLockWaitOrEnd(DataSource dataSource, long connectionId, Future<?> work)
      throws SQLException, InterruptedException {
    try (var monitor = dataSource.getConnection();
        var query =
            monitor.prepareStatement(
                // innodb_trx misses the wait of an UPDATE that is its transaction's first
                // statement (MariaDB 10.11), so a statement of it running 200 ms counts too.
                "select (select count(*) from information_schema.innodb_trx"
                    + " where trx_mysql_thread_id = ? and trx_state = 'LOCK WAIT')"
                    + " + (select count(*) from information_schema.processlist where id = ?"
                    + " and command = 'Query' and time_ms >= 200)")) {
      query.setLong(1, connectionId);
      query.setLong(2, connectionId);
      pollUntilPositive(query, work);
    }
  }

  /**
   * Returns once some transaction of this database waits for a lock or {@code work} is done: for
   * work whose connection the test does not hold (an entity manager's). On MariaDB a statement of
   * another session of this database running for 200 ms, the sessions with a blocker on H2 (polling
   * every 10 ms, at most a minute).
   */
  public static void awaitAnyLockWaitOrEnd(DataSource dataSource, Future<?> work)
      throws SQLException, InterruptedException {
    try (var monitor = dataSource.getConnection()) {
      var product = monitor.getMetaData().getDatabaseProductName().toLowerCase();
      var sql =
          product.contains("h2")
              ? "select count(*) from information_schema.sessions where blocker_id is not null"
              // A statement of another session of this database running for 200 ms: a row-lock
              // wait of an UPDATE as a transaction's first statement does not show in
              // innodb_trx on MariaDB 10.11 (seen: "update cov_lock …" waiting, absent there), and
              // innodb_trx counts every database's waits (another test's could end this early).
              : "select count(*) from information_schema.processlist where db = database()"
                  + " and id <> connection_id() and command = 'Query' and time_ms >= 200";
      try (var query = monitor.prepareStatement(sql)) {
        pollUntilPositive(query, work);
      }
    }
  }

  /** Runs a count query every 10 ms until it counts something or {@code work} is done (≤ 1 min). */
  private static void pollUntilPositive(PreparedStatement query, Future<?> work)
      throws SQLException, InterruptedException {
    for (int i = 0; i < 6000 && !work.isDone(); i++) {
      try (var rows = query.executeQuery()) {
        rows.next();
        if (rows.getLong(1) > 0) {
          return;
        }
      }
      Thread.sleep(10);
    }
  }
}
