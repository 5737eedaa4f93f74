package vn.hocso.lms.coverage.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import vn.hocso.xapi.stream.QueryStreamPosition;
import vn.hocso.xapi.stream.QueryStreamPositionStore;

/**
 * The xAPI-query reader's position in {@code cov_stream_position}, saved on the connection of the
 * transaction that applies the batch: the position moves if and only if the batch's effect is
 * committed, so a crash neither skips nor double-counts.
 */
public final class JdbcQueryStreamPositionStore implements QueryStreamPositionStore {

  private final DataSource dataSource;
  private final Supplier<Connection> transaction;
  private final String reader;

  /**
   * @param transaction the connection of the batch's transaction while one is open, else null
   */
  public JdbcQueryStreamPositionStore(
      DataSource dataSource, Supplier<Connection> transaction, String reader) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.transaction = Objects.requireNonNull(transaction, "transaction");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public QueryStreamPosition load() {
    try (var connection = dataSource.getConnection();
        var query =
            connection.prepareStatement(
                "select since_at, seen from cov_stream_position where reader = ?")) {
      query.setString(1, reader);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          return QueryStreamPosition.beginning();
        }
        var seen = new HashMap<UUID, Instant>();
        for (var line : rows.getString(2).split("\n")) {
          if (!line.isBlank()) {
            var parts = line.split(" ");
            seen.put(UUID.fromString(parts[0]), Instant.parse(parts[1]));
          }
        }
        return new QueryStreamPosition(Instant.parse(rows.getString(1)), seen);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the coverage stream position", e);
    }
  }

  @Override
  public void save(QueryStreamPosition position) {
    var connection = transaction.get();
    if (connection == null) {
      throw new IllegalStateException("The stream position is saved only inside a batch");
    }
    var seen = new StringBuilder();
    position
        .seen()
        .forEach((id, stored) -> seen.append(id).append(' ').append(stored).append('\n'));
    try (var update =
        connection.prepareStatement(
            "update cov_stream_position set since_at = ?, seen = ? where reader = ?")) {
      update.setString(1, position.since().toString());
      update.setString(2, seen.toString());
      update.setString(3, reader);
      if (update.executeUpdate() == 0) {
        try (var insert =
            connection.prepareStatement(
                "insert into cov_stream_position (since_at, seen, reader) values (?, ?, ?)")) {
          insert.setString(1, position.since().toString());
          insert.setString(2, seen.toString());
          insert.setString(3, reader);
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the coverage stream position", e);
    }
  }
}
