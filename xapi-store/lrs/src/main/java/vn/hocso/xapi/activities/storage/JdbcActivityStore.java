package vn.hocso.xapi.activities.storage;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.hocso.xapi.activities.entity.CanonicalActivity;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.statements.entity.IndexKeys;

/**
 * Canonical activities in plain JDBC (H2 and MySQL/MariaDB). Written by the statement store in the
 * statements' transaction, read by the Activities resource.
 */
public class JdbcActivityStore {

  private static final String UPDATE =
      "update lrs_activity set activity_json = ?, updated_micros = ? where activity_key = ?";
  private static final String INSERT =
      "insert into lrs_activity (activity_key, activity_json, updated_micros) values (?, ?, ?)";

  private final DataSource dataSource;

  public JdbcActivityStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<JsonObject> find(String activityId) {
    try (var connection = dataSource.getConnection()) {
      return find(connection, activityId);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read an activity", e);
    }
  }

  private static Optional<JsonObject> find(Connection connection, String activityId)
      throws SQLException {
    return find(connection, activityId, "");
  }

  /**
   * @param lock {@code ""} for a plain read, {@code " for update"} for a locking read, which sees
   *     the latest committed row rather than the transaction's snapshot
   */
  private static Optional<JsonObject> find(Connection connection, String activityId, String lock)
      throws SQLException {
    try (var select =
        connection.prepareStatement(
            "select activity_json from lrs_activity where activity_key = ?" + lock)) {
      select.setString(1, IndexKeys.ofIri(activityId));
      try (var rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(rows.getString(1)))) {
          return Optional.of(reader.readObject());
        }
      }
    }
  }

  /**
   * The stored canonical activities among these ids, by id: one query for a whole batch of
   * statements (most batches mention activities already stored, and then write nothing).
   */
  private static java.util.Map<String, JsonObject> findAll(
      Connection connection, java.util.Collection<String> activityIds) throws SQLException {
    var byKey = new java.util.HashMap<String, String>();
    activityIds.forEach(id -> byKey.put(IndexKeys.ofIri(id), id));
    var keys = List.copyOf(byKey.keySet());
    var found = new java.util.HashMap<String, JsonObject>();
    for (int from = 0; from < keys.size(); from += 500) {
      var chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      try (var select =
          connection.prepareStatement(
              "select activity_key, activity_json from lrs_activity where activity_key in ("
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (var rows = select.executeQuery()) {
          while (rows.next()) {
            try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
              found.put(byKey.get(rows.getString(1)), reader.readObject());
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * Merges the Activity Objects of newly stored statements, in order, into the canonical ones, on
   * the caller's connection and transaction.
   */
  public static void record(Connection connection, List<JsonObject> activities, long storedMicros)
      throws SQLException {
    // Sorted by id, so concurrent batches lock the same rows in the same order.
    var batch = new java.util.TreeMap<String, JsonObject>();
    for (var activity : activities) {
      batch.put(
          activity.getString("id"),
          CanonicalActivity.merge(
              Optional.ofNullable(batch.get(activity.getString("id"))), activity));
    }
    // Prepared only when needed: most batches only mention activities already stored as they
    // are, and each preparation costs the driver a parse of the SQL text.
    var stored = findAll(connection, batch.keySet());
    java.sql.PreparedStatement update = null;
    java.sql.PreparedStatement insert = null;
    try {
      for (var activity : batch.values()) {
        var id = activity.getString("id");
        var previous = Optional.ofNullable(stored.get(id));
        if (previous.isPresent()) {
          var merged = previous.get();
          var definition = activity.get("definition");
          if (definition != null) {
            merged = CanonicalActivity.merge(previous, activity);
          }
          if (merged.equals(previous.get())) {
            continue; // the usual case: the same definition again; no write, no lock held
          }
          update = update != null ? update : connection.prepareStatement(UPDATE);
          update.setString(1, merged.toString());
          update.setLong(2, storedMicros);
          update.setString(3, IndexKeys.ofIri(id));
          update.executeUpdate();
        } else {
          insert = insert != null ? insert : connection.prepareStatement(INSERT);
          insert.setString(1, IndexKeys.ofIri(id));
          insert.setString(2, activity.toString());
          insert.setLong(3, storedMicros);
          try {
            insert.executeUpdate();
          } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
              throw e;
            }
            // Another transaction defined it first: merge into what it committed.
            var committed = find(connection, id, " for update");
            update = update != null ? update : connection.prepareStatement(UPDATE);
            update.setString(1, CanonicalActivity.merge(committed, activity).toString());
            update.setLong(2, storedMicros);
            update.setString(3, IndexKeys.ofIri(id));
            update.executeUpdate();
          }
        }
      }
    } finally {
      if (update != null) {
        update.close();
      }
      if (insert != null) {
        insert.close();
      }
    }
  }
}
