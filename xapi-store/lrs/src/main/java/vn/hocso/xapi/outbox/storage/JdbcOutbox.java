package vn.hocso.xapi.outbox.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.stream.ActorKeys;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * The outbox of the statement stream in plain JDBC (portable between H2 and MySQL/MariaDB, like the
 * statement store): rows appended in the storing transaction, read in stored order, deleted once
 * published, and the lease that lets one LRS instance at a time relay them.
 */
public class JdbcOutbox {

  private static final String RELAY = "statements";

  private final DataSource dataSource;

  public JdbcOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Adds an outbox row per statement, inside the caller's transaction: one batched insert of three
   * short columns, so the intake pays little for it.
   */
  public static void append(Connection connection, List<Statement> statements) throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into lrs_outbox (stored_micros, statement_id, actor_key) values (?, ?, ?)")) {
      for (var statement : statements) {
        insert.setLong(1, statement.storedMicros());
        insert.setString(2, statement.id());
        insert.setString(3, ActorKeys.of(statement.json()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * The oldest rows stored at or before {@code throughMicros}, in stored order, with their
   * statements.
   */
  public List<OutboxEntry> oldest(long throughMicros, int max) {
    try (var connection = dataSource.getConnection();
        var select =
            connection.prepareStatement(
                "select o.stored_micros, o.statement_id, o.actor_key, s.statement_json"
                    + " from lrs_outbox o join lrs_statement s on s.stored_micros ="
                    + " o.stored_micros and s.statement_id = o.statement_id"
                    + " where o.stored_micros <= ?"
                    + " order by o.stored_micros, o.statement_id")) {
      select.setLong(1, throughMicros);
      select.setMaxRows(max);
      var entries = new ArrayList<OutboxEntry>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          long stored = rows.getLong(1);
          var id = rows.getString(2);
          entries.add(
              new OutboxEntry(
                  stored,
                  id,
                  new StreamedStatement(
                      java.util.UUID.fromString(id),
                      rows.getString(3),
                      Timestamps.toInstant(stored),
                      rows.getString(4))));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the statement outbox", e);
    }
  }

  /** Rows per delete: well below every database's parameter limit. */
  private static final int DELETE_CHUNK = 500;

  /**
   * Deletes the rows of published statements: one statement per chunk, not one per row (a batch of
   * single deletes is a round trip each on MySQL without rewriteBatchedStatements). A statement has
   * one row and one stored time, so the pairs of the two IN lists that exist are exactly these
   * rows.
   */
  public void remove(List<OutboxEntry> published) {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (int from = 0; from < published.size(); from += DELETE_CHUNK) {
          var chunk = published.subList(from, Math.min(published.size(), from + DELETE_CHUNK));
          var marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
          try (var delete =
              connection.prepareStatement(
                  "delete from lrs_outbox where stored_micros in ("
                      + marks
                      + ") and statement_id in ("
                      + marks
                      + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
              delete.setLong(i + 1, chunk.get(i).storedMicros());
              delete.setString(chunk.size() + i + 1, chunk.get(i).statementId());
            }
            delete.executeUpdate();
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not remove published statements from the outbox", e);
    }
  }

  /** How many statements wait to be published. */
  public long backlog() {
    try (var connection = dataSource.getConnection();
        var count = connection.prepareStatement("select count(*) from lrs_outbox");
        var rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the statement outbox", e);
    }
  }

  /**
   * Takes or renews the relay lease for {@code holder} until {@code untilMicros}; true if this
   * holder has it now. One conditional update: the database decides between two instances.
   */
  public boolean lease(String holder, long nowMicros, long untilMicros) {
    try (var connection = dataSource.getConnection();
        var update =
            connection.prepareStatement(
                "update lrs_outbox_relay set holder = ?, lease_until_micros = ?"
                    + " where relay_name = ? and (holder = ? or holder is null"
                    + " or lease_until_micros < ?)")) {
      update.setString(1, holder);
      update.setLong(2, untilMicros);
      update.setString(3, RELAY);
      update.setString(4, holder);
      update.setLong(5, nowMicros);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the outbox relay lease", e);
    }
  }

  /** Gives the lease up, so another instance can relay at once. */
  public void release(String holder) {
    try (var connection = dataSource.getConnection();
        var update =
            connection.prepareStatement(
                "update lrs_outbox_relay set holder = null, lease_until_micros = 0"
                    + " where relay_name = ? and holder = ?")) {
      update.setString(1, RELAY);
      update.setString(2, holder);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release the outbox relay lease", e);
    }
  }
}
