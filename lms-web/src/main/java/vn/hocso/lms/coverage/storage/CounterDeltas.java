package vn.hocso.lms.coverage.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to one table of counters, summed in memory over a projector batch (the same unit, subject
 * and milestone is usually met by many statements: every ancestor is shared) and written at {@link
 * #flush}: on MySQL/MariaDB as multi-row {@code insert … on duplicate key update} (one round trip
 * per 200 rows; the LMS's URL has no {@code rewriteBatchedStatements}), elsewhere (H2, in-process)
 * as a JDBC batch of updates and inserts of the rows that were missing. Only the projector writes
 * these tables, under the counters' lock, so no row changes between the sum and the write.
 */
final class CounterDeltas {

  private static final int ROWS_PER_STATEMENT = 200;

  private final String table;
  private final List<String> keyColumns;
  private final String valueColumn;
  private final boolean deleteZeros;
  private final Map<List<Object>, Long> deltas = new LinkedHashMap<>();

  /**
   * @param deleteZeros whether a row that comes back to zero is removed (the trained counters keep
   *     no zero rows; the live and month counters always kept them)
   */
  CounterDeltas(String table, List<String> keyColumns, String valueColumn, boolean deleteZeros) {
    this.table = table;
    this.keyColumns = List.copyOf(keyColumns);
    this.valueColumn = valueColumn;
    this.deleteZeros = deleteZeros;
  }

  /** Adds to the row of this key (values in the order of the key columns). */
  void add(long delta, Object... key) {
    if (key.length != keyColumns.size()) {
      throw new IllegalArgumentException(
          "A key of " + table + " has " + keyColumns.size() + " parts");
    }
    if (delta != 0) {
      deltas.merge(Arrays.asList(key), delta, Long::sum);
    }
  }

  boolean isEmpty() {
    return deltas.isEmpty();
  }

  /** Writes the sums and forgets them. */
  void flush(Connection connection, boolean mysql) throws SQLException {
    var rows = new ArrayList<Map.Entry<List<Object>, Long>>();
    for (var entry : deltas.entrySet()) {
      if (entry.getValue() != 0) {
        rows.add(entry);
      }
    }
    deltas.clear();
    if (rows.isEmpty()) {
      return;
    }
    if (mysql) {
      upsert(connection, rows);
    } else {
      updateThenInsert(connection, rows);
    }
    if (deleteZeros) {
      deleteZeros(connection, rows);
    }
  }

  private void upsert(Connection connection, List<Map.Entry<List<Object>, Long>> rows)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      var row = "(" + String.join(", ", Collections.nCopies(keyColumns.size() + 1, "?")) + ")";
      var sql =
          "insert into "
              + table
              + " ("
              + String.join(", ", keyColumns)
              + ", "
              + valueColumn
              + ") values "
              + String.join(", ", Collections.nCopies(chunk.size(), row))
              + " on duplicate key update "
              + valueColumn
              + " = "
              + valueColumn
              + " + values("
              + valueColumn
              + ")";
      try (var insert = connection.prepareStatement(sql)) {
        int index = 1;
        for (var entry : chunk) {
          for (var part : entry.getKey()) {
            insert.setObject(index++, part);
          }
          insert.setLong(index++, entry.getValue());
        }
        insert.executeUpdate();
      }
    }
  }

  private void updateThenInsert(Connection connection, List<Map.Entry<List<Object>, Long>> rows)
      throws SQLException {
    var missing = new ArrayList<Map.Entry<List<Object>, Long>>();
    try (var update =
        connection.prepareStatement(
            "update " + table + " set " + valueColumn + " = " + valueColumn + " + ?" + where())) {
      for (var entry : rows) {
        update.setLong(1, entry.getValue());
        bind(update, 2, entry.getKey());
        update.addBatch();
      }
      var counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          missing.add(rows.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (var insert =
        connection.prepareStatement(
            "insert into "
                + table
                + " ("
                + String.join(", ", keyColumns)
                + ", "
                + valueColumn
                + ") values ("
                + String.join(", ", Collections.nCopies(keyColumns.size() + 1, "?"))
                + ")")) {
      for (var entry : missing) {
        bind(insert, 1, entry.getKey());
        insert.setLong(keyColumns.size() + 1, entry.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void deleteZeros(Connection connection, List<Map.Entry<List<Object>, Long>> rows)
      throws SQLException {
    PreparedStatement delete = null;
    try {
      for (var entry : rows) {
        if (entry.getValue() < 0) {
          if (delete == null) {
            delete =
                connection.prepareStatement(
                    "delete from " + table + where() + " and " + valueColumn + " = 0");
          }
          bind(delete, 1, entry.getKey());
          delete.addBatch();
        }
      }
      if (delete != null) {
        delete.executeBatch();
      }
    } finally {
      if (delete != null) {
        delete.close();
      }
    }
  }

  private String where() {
    var conditions = new ArrayList<String>();
    for (var column : keyColumns) {
      conditions.add(column + " = ?");
    }
    return " where " + String.join(" and ", conditions);
  }

  private static void bind(PreparedStatement statement, int first, List<Object> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(first + i, values.get(i));
    }
  }

  /** Whether the connection is Connector/J to MySQL or MariaDB (which calls itself MySQL). */
  static boolean isMysql(Connection connection) throws SQLException {
    var product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    return product.contains("mysql") || product.contains("mariadb");
  }
}
