package vn.hocso.lms.coverage.storage;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headcount of every unit's subtree on any day — people whose home unit lay in it, and the
 * members among them (the member flag as it is now, as the coverage figures always counted) — kept
 * in {@code cov_headcount} as changes per day rolled up through every ancestor, so a dashboard
 * reads a unit's few hundred rows instead of every membership below it.
 *
 * <p>Written in the transaction of every change to the people it counts: a person created or
 * imported, moved (by an officer or a reorganisation), her member flag changed; a unit moved. Each
 * membership stretch is stored as counted ({@code cov_headcount_stretch}) and the tree as counted
 * ({@code cov_headcount_unit}), so a change takes back exactly what was added, whatever happened in
 * between. {@link #recount} derives all three from scratch; the coverage property test checks the
 * kept tables always equal it.
 */
public final class Headcounts {

  private final Connection connection;
  private final CountedTree tree;

  public Headcounts(Connection connection) {
    this.connection = connection;
    this.tree = new CountedTree(connection, "cov_headcount_unit");
  }

  /** On the entity manager's transaction, its pending changes flushed first. */
  public static Headcounts of(EntityManager entityManager) {
    entityManager.flush();
    return new Headcounts(entityManager.unwrap(Connection.class));
  }

  /** A headcount: people and the members among them. */
  public record Headcount(long people, long members) {}

  private record Stretch(long unitId, LocalDate from, LocalDate to, boolean member) {}

  // ------------------------------------------------------------------------------------------
  // Reading

  /** People and members of the unit's subtree on that day. */
  public Headcount on(long unitId, LocalDate day) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "select sum(people), sum(members) from cov_headcount where unit_id = ? and"
                + " changed_on <= ?")) {
      query.setLong(1, unitId);
      query.setDate(2, Date.valueOf(day));
      try (var rows = query.executeQuery()) {
        rows.next();
        return new Headcount(rows.getLong(1), rows.getLong(2));
      }
    }
  }

  /** The headcounts of several units on that day (units without people are left out). */
  public Map<Long, Headcount> on(Collection<Long> unitIds, LocalDate day) throws SQLException {
    var result = new HashMap<Long, Headcount>();
    if (unitIds.isEmpty()) {
      return result;
    }
    var ids = new ArrayList<>(unitIds);
    for (int from = 0; from < ids.size(); from += 500) {
      var chunk = ids.subList(from, Math.min(from + 500, ids.size()));
      var marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (var query =
          connection.prepareStatement(
              "select unit_id, sum(people), sum(members) from cov_headcount where unit_id in ("
                  + marks
                  + ") and changed_on <= ? group by unit_id")) {
        int i = 1;
        for (var id : chunk) {
          query.setLong(i++, id);
        }
        query.setDate(i, Date.valueOf(day));
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            result.put(rows.getLong(1), new Headcount(rows.getLong(2), rows.getLong(3)));
          }
        }
      }
    }
    return result;
  }

  // ------------------------------------------------------------------------------------------
  // Keeping

  /** Brings the counts in line with the people's memberships and member flags now. */
  public void settle(Collection<Long> personIds) throws SQLException {
    for (long personId : personIds) {
      settle(personId);
    }
  }

  public void settle(long personId) throws SQLException {
    tree.lock();
    // Today's members and staff by kind (PeopleCounts) change on the same writes.
    new PeopleCounts(connection).settle(personId);
    var counted = new HashMap<Long, Stretch>();
    try (var query =
        connection.prepareStatement(
            "select membership_id, unit_id, valid_from, valid_to, member from"
                + " cov_headcount_stretch where person_id = ? for update")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          counted.put(rows.getLong(1), stretch(rows.getLong(2), rows, 3));
        }
      }
    }
    // Her row and memberships as their last writer committed them (locking reads: a plain read
    // under REPEATABLE READ could see a snapshot from before the lock).
    boolean member = false;
    try (var query =
        connection.prepareStatement("select is_member from person where id = ? for update")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        member = rows.next() && rows.getBoolean(1);
      }
    }
    var now = new HashMap<Long, Stretch>();
    try (var query =
        connection.prepareStatement(
            "select id, unit_id, valid_from, valid_to from person_membership where person_id = ?"
                + " for update")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          var to = rows.getDate(4);
          now.put(
              rows.getLong(1),
              new Stretch(
                  rows.getLong(2),
                  rows.getDate(3).toLocalDate(),
                  to == null ? null : to.toLocalDate(),
                  member));
        }
      }
    }
    for (var entry : counted.entrySet()) {
      var wanted = now.get(entry.getKey());
      if (!Objects.equals(wanted, entry.getValue())) {
        count(entry.getValue(), -1);
        try (var delete =
            connection.prepareStatement(
                "delete from cov_headcount_stretch where membership_id = ?")) {
          delete.setLong(1, entry.getKey());
          delete.executeUpdate();
        }
      }
    }
    for (var entry : now.entrySet()) {
      if (!Objects.equals(counted.get(entry.getKey()), entry.getValue())) {
        count(entry.getValue(), +1);
        try (var insert =
            connection.prepareStatement(
                "insert into cov_headcount_stretch (membership_id, person_id, unit_id,"
                    + " valid_from, valid_to, member) values (?, ?, ?, ?, ?, ?)")) {
          var s = entry.getValue();
          bindStretch(insert, entry.getKey(), personId, s);
          insert.executeUpdate();
        }
      }
    }
  }

  /**
   * Counts people just inserted with their one membership each (an import), in one pass: the
   * changes are summed per unit and day before they are written.
   */
  public void addNewPeople(long firstPersonId, int count) throws SQLException {
    tree.lock();
    new PeopleCounts(connection).addNewPeople(firstPersonId, count);
    var deltas = new HashMap<Long, Map<LocalDate, long[]>>();
    try (var query =
            connection.prepareStatement(
                "select m.id, m.person_id, m.unit_id, m.valid_from, m.valid_to, p.is_member from"
                    + " person_membership m join person p on p.id = m.person_id where"
                    + " m.person_id between ? and ?");
        var insert =
            connection.prepareStatement(
                "insert into cov_headcount_stretch (membership_id, person_id, unit_id,"
                    + " valid_from, valid_to, member) values (?, ?, ?, ?, ?, ?)")) {
      query.setLong(1, firstPersonId);
      query.setLong(2, firstPersonId + count - 1);
      try (var rows = query.executeQuery()) {
        int batched = 0;
        while (rows.next()) {
          var s = stretch(rows.getLong(3), rows, 4);
          for (long unit : tree.chain(s.unitId())) {
            add(deltas, unit, s.from(), 1, s.member() ? 1 : 0);
            if (s.to() != null) {
              add(deltas, unit, s.to(), -1, s.member() ? -1 : 0);
            }
          }
          bindStretch(insert, rows.getLong(1), rows.getLong(2), s);
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    for (var unit : deltas.entrySet()) {
      for (var day : unit.getValue().entrySet()) {
        change(unit.getKey(), day.getKey(), day.getValue()[0], day.getValue()[1]);
      }
    }
  }

  /**
   * Counts a person just created in this transaction (an officer's new person, a registration, the
   * demo): as an import does, so no PERSON change is queued for the projector — she can have no
   * completion yet, and {@link TrainedCounts} would do nothing with it.
   */
  public void addNewPerson(long personId) throws SQLException {
    addNewPeople(personId, 1);
  }

  /**
   * A unit moved under another parent (its parent in org_unit is the new one): its subtree's
   * changes leave the ancestors they were counted in for the new ones.
   */
  public void unitMoved(long unitId) throws SQLException {
    tree.lock();
    new PeopleCounts(connection).unitMoved(unitId);
    var oldChain = tree.chain(unitId);
    Long newParent = tree.treeParent(unitId);
    if (oldChain.size() > 1 && Objects.equals(tree.parent(unitId), newParent)) {
      return;
    }
    var own = new ArrayList<Object[]>();
    try (var query =
        connection.prepareStatement(
            "select changed_on, people, members from cov_headcount where unit_id = ? for"
                + " update")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          own.add(new Object[] {rows.getDate(1).toLocalDate(), rows.getLong(2), rows.getLong(3)});
        }
      }
    }
    for (var row : own) {
      for (long ancestor : oldChain.subList(1, oldChain.size())) {
        change(ancestor, (LocalDate) row[0], -(Long) row[1], -(Long) row[2]);
      }
    }
    tree.reparent(unitId, newParent);
    var newChain = tree.chain(unitId);
    for (var row : own) {
      for (long ancestor : newChain.subList(1, newChain.size())) {
        change(ancestor, (LocalDate) row[0], (Long) row[1], (Long) row[2]);
      }
    }
  }

  private void count(Stretch stretch, int sign) throws SQLException {
    for (long unit : tree.chain(stretch.unitId())) {
      change(unit, stretch.from(), sign, stretch.member() ? sign : 0);
      if (stretch.to() != null) {
        change(unit, stretch.to(), -sign, stretch.member() ? -sign : 0);
      }
    }
  }

  private static void add(
      Map<Long, Map<LocalDate, long[]>> deltas,
      long unit,
      LocalDate day,
      long people,
      long members) {
    var counts =
        deltas.computeIfAbsent(unit, u -> new HashMap<>()).computeIfAbsent(day, d -> new long[2]);
    counts[0] += people;
    counts[1] += members;
  }

  /** Adds to one row (created when missing; a row back at zero is removed). */
  private void change(long unitId, LocalDate day, long people, long members) throws SQLException {
    if (people == 0 && members == 0) {
      return;
    }
    // No row lock of its own: the people counters' lock, held since the start, keeps a second
    // transaction from missing the day's row and inserting it too.
    try (var update =
        connection.prepareStatement(
            "update cov_headcount set people = people + ?, members = members + ? where unit_id = ?"
                + " and changed_on = ?")) {
      update.setLong(1, people);
      update.setLong(2, members);
      update.setLong(3, unitId);
      update.setDate(4, Date.valueOf(day));
      if (update.executeUpdate() == 0) {
        try (var insert =
            connection.prepareStatement(
                "insert into cov_headcount (unit_id, changed_on, people, members) values"
                    + " (?, ?, ?, ?)")) {
          insert.setLong(1, unitId);
          insert.setDate(2, Date.valueOf(day));
          insert.setLong(3, people);
          insert.setLong(4, members);
          insert.executeUpdate();
        }
        return;
      }
    }
    try (var delete =
        connection.prepareStatement(
            "delete from cov_headcount where unit_id = ? and changed_on = ? and people = 0 and"
                + " members = 0")) {
      delete.setLong(1, unitId);
      delete.setDate(2, Date.valueOf(day));
      delete.executeUpdate();
    }
  }

  /** The parameters of an insert into {@code cov_headcount_stretch}, in its column order. */
  private static void bindStretch(
      java.sql.PreparedStatement insert, long membershipId, long personId, Stretch stretch)
      throws SQLException {
    insert.setLong(1, membershipId);
    insert.setLong(2, personId);
    insert.setLong(3, stretch.unitId());
    insert.setDate(4, Date.valueOf(stretch.from()));
    if (stretch.to() == null) {
      insert.setNull(5, Types.DATE);
    } else {
      insert.setDate(5, Date.valueOf(stretch.to()));
    }
    insert.setBoolean(6, stretch.member());
  }

  private static Stretch stretch(long unitId, java.sql.ResultSet rows, int firstDate)
      throws SQLException {
    var to = rows.getDate(firstDate + 1);
    return new Stretch(
        unitId,
        rows.getDate(firstDate).toLocalDate(),
        to == null ? null : to.toLocalDate(),
        rows.getBoolean(firstDate + 2));
  }

  // ------------------------------------------------------------------------------------------
  // From scratch

  /**
   * Replaces the three tables with a count from person_membership, person and today's tree, in
   * memory (a few hundred megabytes at national scale): the migration's first fill, the bulk
   * loader's, and what the kept tables must always equal. One snapshot only if the caller holds the
   * people counters' lock from before the transaction's first read (as the full recompute does in
   * place), or reads in one REPEATABLE READ snapshot and checks that no keeper took that lock since
   * (as it does when swapping: {@link CountedTree#peopleCountersVersion}).
   */
  public static void recount(Connection connection) throws SQLException {
    recount(connection, "");
  }

  /**
   * The same into the tables named with {@code suffix} (the full recompute's {@code _next} tables,
   * swapped in later; "" for the live ones).
   */
  public static void recount(Connection connection, String suffix) throws SQLException {
    try (var statement = connection.createStatement()) {
      for (var table : List.of("cov_headcount", "cov_headcount_stretch", "cov_headcount_unit")) {
        statement.executeUpdate("delete from " + table + suffix);
      }
    }
    var parents = CountedTree.today(connection);
    var deltas = new HashMap<Long, Map<LocalDate, long[]>>();
    try (var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select m.id, m.person_id, m.unit_id, m.valid_from, m.valid_to, p.is_member from"
                    + " person_membership m join person p on p.id = m.person_id");
        var insert =
            connection.prepareStatement(
                "insert into cov_headcount_stretch"
                    + suffix
                    + " (membership_id, person_id, unit_id,"
                    + " valid_from, valid_to, member) values (?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      while (rows.next()) {
        var s = stretch(rows.getLong(3), rows, 4);
        for (Long unit = s.unitId(); unit != null; unit = parents.get(unit)) {
          add(deltas, unit, s.from(), 1, s.member() ? 1 : 0);
          if (s.to() != null) {
            add(deltas, unit, s.to(), -1, s.member() ? -1 : 0);
          }
        }
        bindStretch(insert, rows.getLong(1), rows.getLong(2), s);
        insert.addBatch();
        if (++batched % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (var insert =
        connection.prepareStatement(
            "insert into cov_headcount"
                + suffix
                + " (unit_id, changed_on, people, members) values"
                + " (?, ?, ?, ?)")) {
      int batched = 0;
      for (var perUnit : deltas.entrySet()) {
        for (var day : perUnit.getValue().entrySet()) {
          if (day.getValue()[0] == 0 && day.getValue()[1] == 0) {
            continue;
          }
          insert.setLong(1, perUnit.getKey());
          insert.setDate(2, Date.valueOf(day.getKey()));
          insert.setLong(3, day.getValue()[0]);
          insert.setLong(4, day.getValue()[1]);
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    CountedTree.writeAll(connection, "cov_headcount_unit" + suffix, parents);
  }
}
