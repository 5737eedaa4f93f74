package vn.hocso.lms.coverage.storage;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit tree as one set of people counters counted it ({@code cov_people_unit} for {@link
 * PeopleCounts}, {@code cov_headcount_unit} for {@link Headcounts}), and the one lock every keeper
 * of those counters takes first.
 *
 * <p><b>Lock order.</b> Every chain ends at the root, so every keeper used to lock the root's row
 * anyway: keepers were already one at a time, but each locked the units of its chains leaf first,
 * in the order it met them (an import's units in hash order), and two transactions walking
 * overlapping chains in different orders could deadlock on InnoDB. Now a keeper locks the {@code
 * people} row of {@code cov_lock} before it reads or writes any row of either set of counters
 * ({@link #lock}), and takes no other lock on them: one lock, always first, so there is no order to
 * get wrong, for the writes of people, imports, unit moves, erasure and the recounts alike. A row
 * of these tables is then read as the last keeper committed it ({@code for update}: under
 * REPEATABLE READ a plain read could see a snapshot older than the lock).
 *
 * <p>The trained counts ({@link TrainedCounts}) do not need it: their writers (projector batches, a
 * report's freeze applying the queue, the full recompute) all hold the coverage counters' lock
 * ({@link CoverageTables#lockCounters}) first.
 */
public final class CountedTree {

  private final Connection connection;
  private final String table;
  private final Map<Long, Long> parents = new HashMap<>();
  private boolean locked;

  CountedTree(Connection connection, String table) {
    this.connection = connection;
    this.table = table;
  }

  /** The people counters' lock for this transaction (once per tree; taking it again is free). */
  void lock() throws SQLException {
    if (!locked) {
      lockPeopleCounters(connection);
      locked = true;
    }
  }

  /**
   * Locks the people counters for the connection's transaction: every keeper of {@code
   * cov_headcount*} and {@code cov_people*} waits for the holder to commit. It raises the lock
   * row's version as it locks, so the full recompute, which counts these tables outside the lock,
   * learns whether a keeper took it since its read ({@link #peopleCountersVersion}); a keeper that
   * then changes nothing only costs the recompute a second count.
   */
  public static void lockPeopleCounters(Connection connection) throws SQLException {
    try (var lock =
        connection.prepareStatement(
            "update cov_lock set version = version + 1 where name = 'people'")) {
      if (lock.executeUpdate() != 1) {
        throw new IllegalStateException("The people counters' lock row is missing");
      }
    }
  }

  /**
   * The same on the entity manager's transaction: the first thing every people and reorganisation
   * service does, before it changes any entity (a flush writes nothing yet, so this lock is the
   * transaction's first write, and no person, membership or id_sequence row is held while it
   * waits). Taken after a person row was written, it made a lock-order deadlock with a writer that
   * held it and then needed that row (a merge moving her).
   */
  public static void lockPeopleCounters(EntityManager entityManager) throws SQLException {
    entityManager.flush(); // nothing to write this early; it joins the database transaction
    lockPeopleCounters(entityManager.unwrap(Connection.class));
  }

  /**
   * The people counters' version: as the transaction's snapshot holds it ({@code locking} false: a
   * plain read, the first of a recompute's snapshot), or locking them without raising it ({@code
   * locking} true: a locking read, the version the last keeper committed).
   */
  public static long peopleCountersVersion(Connection connection, boolean locking)
      throws SQLException {
    try (var query =
            connection.prepareStatement(
                "select version from cov_lock where name = 'people'"
                    + (locking ? " for update" : ""));
        var rows = query.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("The people counters' lock row is missing");
      }
      return rows.getLong(1);
    }
  }

  /** The unit and its ancestors as counted (a unit met first is learnt from org_unit). */
  List<Long> chain(long unitId) throws SQLException {
    var chain = new ArrayList<Long>(6);
    for (Long unit = unitId; unit != null; unit = parent(unit)) {
      chain.add(unit);
      if (chain.size() > 64) {
        throw new SQLException("The unit tree has a cycle at " + unitId);
      }
    }
    return chain;
  }

  /** The unit's parent as counted; a unit met first joins the table with its parent today. */
  Long parent(long unitId) throws SQLException {
    if (!locked) {
      throw new IllegalStateException("The people counters' lock comes first");
    }
    if (parents.containsKey(unitId)) {
      return parents.get(unitId);
    }
    try (var query =
        connection.prepareStatement(
            "select parent_id from " + table + " where unit_id = ? for update")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        if (rows.next()) {
          long value = rows.getLong(1);
          Long parent = rows.wasNull() ? null : value;
          parents.put(unitId, parent);
          return parent;
        }
      }
    }
    Long parent = treeParent(unitId);
    try (var insert =
        connection.prepareStatement(
            "insert into " + table + " (unit_id, parent_id) values (?, ?)")) {
      insert.setLong(1, unitId);
      setLong(insert, 2, parent);
      insert.executeUpdate();
    }
    parents.put(unitId, parent);
    return parent;
  }

  /** Counted under another parent from now on. */
  void reparent(long unitId, Long newParent) throws SQLException {
    try (var update =
        connection.prepareStatement("update " + table + " set parent_id = ? where unit_id = ?")) {
      setLong(update, 1, newParent);
      update.setLong(2, unitId);
      update.executeUpdate();
    }
    parents.put(unitId, newParent);
  }

  /** The unit's parent in org_unit today. */
  Long treeParent(long unitId) throws SQLException {
    try (var query = connection.prepareStatement("select parent_id from org_unit where id = ?")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("No unit " + unitId);
        }
        long value = rows.getLong(1);
        return rows.wasNull() ? null : value;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // From scratch

  /** Today's tree, unit → parent, from org_unit. */
  static Map<Long, Long> today(Connection connection) throws SQLException {
    var parents = new HashMap<Long, Long>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select id, parent_id from org_unit")) {
      while (rows.next()) {
        long unit = rows.getLong(1);
        long parent = rows.getLong(2);
        parents.put(unit, rows.wasNull() ? null : parent);
      }
    }
    return parents;
  }

  /** Writes a whole tree into an empty table. */
  static void writeAll(Connection connection, String table, Map<Long, Long> parents)
      throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "insert into " + table + " (unit_id, parent_id) values (?, ?)")) {
      int batched = 0;
      for (var parent : parents.entrySet()) {
        insert.setLong(1, parent.getKey());
        setLong(insert, 2, parent.getValue());
        insert.addBatch();
        if (++batched % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
