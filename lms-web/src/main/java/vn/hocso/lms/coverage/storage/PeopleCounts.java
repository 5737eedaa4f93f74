package vn.hocso.lms.coverage.storage;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Today's members and Union staff of every unit's subtree, by what they are — member, staff,
 * erased, and for staff the level (the kind of her home unit) and position — kept in {@code
 * cov_people} rolled up through every ancestor, so the dashboards' staff section and untrained
 * count read a unit's few rows instead of every person below it. People who are neither members nor
 * staff are not counted.
 *
 * <p>Kept like {@link Headcounts}, in the transaction of every change to the people it counts (it
 * rides on Headcounts' settle, addNewPeople and unitMoved, and erasure calls it): each person is
 * stored as counted ({@code cov_people_person}) and the tree as counted ({@code cov_people_unit},
 * through {@link CountedTree}), so a change takes back exactly what was added. Every keeping method
 * takes the people counters' lock before it reads anything ({@link CountedTree#lock}). When what
 * she is changes, a {@code PERSON} change is queued for the projector, which keeps the trained
 * among them ({@link TrainedCounts}). {@link #recount} derives the three tables from scratch; the
 * coverage property test checks the kept ones always equal it.
 */
public final class PeopleCounts {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Connection connection;
  private final CountedTree tree;

  public PeopleCounts(Connection connection) {
    this.connection = connection;
    this.tree = new CountedTree(connection, "cov_people_unit");
  }

  /** On the entity manager's transaction, its pending changes flushed first. */
  public static PeopleCounts of(EntityManager entityManager) {
    entityManager.flush();
    return new PeopleCounts(entityManager.unwrap(Connection.class));
  }

  /**
   * What a person is, as the counters see it: staff level and position are '' unless she is staff
   * (a position is compared without trailing spaces, as MariaDB compares it).
   */
  public record Kind(boolean member, boolean staff, boolean erased, String level, String position) {

    /** Null for someone who is neither member nor staff: she is not counted. */
    public static Kind of(
        boolean member, boolean staff, boolean erased, String level, String position) {
      if (!member && !staff) {
        return null;
      }
      return staff
          ? new Kind(member, true, erased, level, position == null ? "" : position.stripTrailing())
          : new Kind(true, false, erased, "", "");
    }
  }

  /** A person where and as counted. */
  record Counted(long unitId, Kind kind) {}

  /** The person columns a Kind is made of, with her home unit and its kind. */
  static final String PERSON_COLUMNS =
      "p.id, p.home_unit_id, p.is_member, p.staff_employment is not null,"
          + " p.erased_on is not null, u.kind, p.staff_position";

  static final String PERSON_FROM = " from person p join org_unit u on u.id = p.home_unit_id";

  /** Reads PERSON_COLUMNS from the row (starting at column 1). */
  static Counted counted(ResultSet rows) throws SQLException {
    var kind =
        Kind.of(
            rows.getBoolean(3),
            rows.getBoolean(4),
            rows.getBoolean(5),
            rows.getString(6),
            rows.getString(7));
    return kind == null ? null : new Counted(rows.getLong(2), kind);
  }

  // ------------------------------------------------------------------------------------------
  // Keeping

  /** Brings the counts in line with the person as she is now. */
  public void settle(long personId) throws SQLException {
    tree.lock();
    Counted was = null;
    try (var query =
        connection.prepareStatement(
            "select unit_id, is_member, is_staff, is_erased, staff_level, staff_position from"
                + " cov_people_person where person_id = ? for update")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        if (rows.next()) {
          was =
              new Counted(
                  rows.getLong(1),
                  new Kind(
                      rows.getBoolean(2),
                      rows.getBoolean(3),
                      rows.getBoolean(4),
                      rows.getString(5),
                      rows.getString(6)));
        }
      }
    }
    Counted now = current(personId);
    if (Objects.equals(was, now)) {
      return;
    }
    if (was != null) {
      count(was, -1);
      try (var delete =
          connection.prepareStatement("delete from cov_people_person where person_id = ?")) {
        delete.setLong(1, personId);
        delete.executeUpdate();
      }
    }
    if (now != null) {
      count(now, +1);
      try (var insert = connection.prepareStatement(INSERT_PERSON)) {
        bindPerson(insert, personId, now);
        insert.executeUpdate();
      }
    }
    if (!Objects.equals(was == null ? null : was.kind(), now == null ? null : now.kind())) {
      // What she is changed: the projector counts her completions again (TrainedCounts).
      queuePersonChange(personId);
    }
  }

  /**
   * Where and what she is as the last writer of her row committed it (a locking read: under
   * REPEATABLE READ a plain one could see a snapshot from before the lock); null when not counted.
   * Her unit's kind is read plainly: org_unit's row is not locked.
   */
  private Counted current(long personId) throws SQLException {
    long unit;
    boolean member;
    boolean staff;
    boolean erased;
    String position;
    try (var query =
        connection.prepareStatement(
            "select home_unit_id, is_member, staff_employment, erased_on, staff_position from"
                + " person where id = ? for update")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        unit = rows.getLong(1);
        member = rows.getBoolean(2);
        staff = rows.getObject(3) != null;
        erased = rows.getObject(4) != null;
        position = rows.getString(5);
      }
    }
    if (!member && !staff) {
      return null;
    }
    String level;
    try (var query = connection.prepareStatement("select kind from org_unit where id = ?")) {
      query.setLong(1, unit);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("No unit " + unit);
        }
        level = rows.getString(1);
      }
    }
    var kind = Kind.of(member, staff, erased, level, position);
    return kind == null ? null : new Counted(unit, kind);
  }

  /** Counts people just inserted (an import): none has a completion yet, so nothing is queued. */
  public void addNewPeople(long firstPersonId, int count) throws SQLException {
    tree.lock();
    var deltas = new TreeMap<Long, Map<Kind, Long>>();
    try (var query =
            connection.prepareStatement(
                "select " + PERSON_COLUMNS + PERSON_FROM + " where p.id between ? and ?");
        var insert = connection.prepareStatement(INSERT_PERSON)) {
      query.setLong(1, firstPersonId);
      query.setLong(2, firstPersonId + count - 1);
      int batched = 0;
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          var counted = counted(rows);
          if (counted == null) {
            continue;
          }
          for (long unit : tree.chain(counted.unitId())) {
            deltas.computeIfAbsent(unit, u -> new HashMap<>()).merge(counted.kind(), 1L, Long::sum);
          }
          bindPerson(insert, rows.getLong(1), counted);
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    for (var unit : deltas.entrySet()) {
      for (var kind : unit.getValue().entrySet()) {
        change(unit.getKey(), kind.getKey(), kind.getValue());
      }
    }
  }

  /**
   * A unit moved under another parent (its parent in org_unit is the new one): its subtree's counts
   * leave the ancestors they were counted in for the new ones.
   */
  public void unitMoved(long unitId) throws SQLException {
    tree.lock();
    var oldChain = tree.chain(unitId);
    Long newParent = tree.treeParent(unitId);
    if (oldChain.size() > 1 && Objects.equals(tree.parent(unitId), newParent)) {
      return;
    }
    var own = new HashMap<Kind, Long>();
    try (var query =
        connection.prepareStatement(
            "select is_member, is_staff, is_erased, staff_level, staff_position, people from"
                + " cov_people where unit_id = ? for update")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          own.put(
              new Kind(
                  rows.getBoolean(1),
                  rows.getBoolean(2),
                  rows.getBoolean(3),
                  rows.getString(4),
                  rows.getString(5)),
              rows.getLong(6));
        }
      }
    }
    for (var row : own.entrySet()) {
      for (long ancestor : oldChain.subList(1, oldChain.size())) {
        change(ancestor, row.getKey(), -row.getValue());
      }
    }
    tree.reparent(unitId, newParent);
    var newChain = tree.chain(unitId);
    for (var row : own.entrySet()) {
      for (long ancestor : newChain.subList(1, newChain.size())) {
        change(ancestor, row.getKey(), row.getValue());
      }
    }
  }

  private void count(Counted counted, long sign) throws SQLException {
    for (long unit : tree.chain(counted.unitId())) {
      change(unit, counted.kind(), sign);
    }
  }

  /** Adds to one row (created when missing; a row back at zero is removed). */
  private void change(long unitId, Kind kind, long people) throws SQLException {
    if (people == 0) {
      return;
    }
    // No row lock of its own: the people counters' lock, held since the start, keeps a second
    // transaction from inserting the same first row.
    var where =
        " where unit_id = ? and is_member = ? and is_staff = ? and is_erased = ? and"
            + " staff_level = ? and staff_position = ?";
    try (var update =
        connection.prepareStatement("update cov_people set people = people + ?" + where)) {
      update.setLong(1, people);
      bindKey(update, 2, unitId, kind);
      if (update.executeUpdate() == 0) {
        try (var insert =
            connection.prepareStatement(
                "insert into cov_people (unit_id, is_member, is_staff, is_erased, staff_level,"
                    + " staff_position, people) values (?, ?, ?, ?, ?, ?, ?)")) {
          bindKey(insert, 1, unitId, kind);
          insert.setLong(7, people);
          insert.executeUpdate();
        }
        return;
      }
    }
    try (var delete =
        connection.prepareStatement("delete from cov_people" + where + " and people = 0")) {
      bindKey(delete, 1, unitId, kind);
      delete.executeUpdate();
    }
  }

  private static void bindKey(PreparedStatement statement, int first, long unitId, Kind kind)
      throws SQLException {
    statement.setLong(first, unitId);
    statement.setBoolean(first + 1, kind.member());
    statement.setBoolean(first + 2, kind.staff());
    statement.setBoolean(first + 3, kind.erased());
    statement.setString(first + 4, kind.level());
    statement.setString(first + 5, kind.position());
  }

  private static final String INSERT_PERSON =
      "insert into cov_people_person (person_id, unit_id, is_member, is_staff, is_erased,"
          + " staff_level, staff_position) values (?, ?, ?, ?, ?, ?, ?)";

  private static void bindPerson(PreparedStatement insert, long personId, Counted counted)
      throws SQLException {
    insert.setLong(1, personId);
    bindKey(insert, 2, counted.unitId(), counted.kind());
  }

  /**
   * A PERSON change for the projector. Its id is minus the person's (no id_sequence row to lock, so
   * no lock order with the other writers of people): one waiting change per person is enough.
   * Writing it again raises its revision, and the projector takes a change off the queue only at
   * the revision it read ({@link CoverageTables#deleteChange}): a batch whose snapshot holds the
   * person as an earlier writer left her leaves the rewritten change queued for the next batch,
   * which sees her as this writer leaves her. (Deleting and inserting the row again, as before, let
   * a batch that had read the old row take the new one off the queue and apply her older self.)
   */
  private void queuePersonChange(long personId) throws SQLException {
    var today = Date.valueOf(LocalDate.now(VIETNAM));
    try (var update =
        connection.prepareStatement(
            "update cov_change set revision = revision + 1, effective_on = ? where id = ?")) {
      update.setDate(1, today);
      update.setLong(2, -personId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (var insert =
        connection.prepareStatement(
            "insert into cov_change (id, kind, subject_id, effective_on, revision) values (?,"
                + " 'PERSON', ?, ?, 0)")) {
      insert.setLong(1, -personId);
      insert.setLong(2, personId);
      insert.setDate(3, today);
      insert.executeUpdate();
    }
  }

  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    CountedTree.setLong(statement, index, value);
  }

  /** Today's tree, unit → parent, from org_unit. */
  static Map<Long, Long> tree(Connection connection) throws SQLException {
    return CountedTree.today(connection);
  }

  // ------------------------------------------------------------------------------------------
  // From scratch

  /**
   * Replaces the three tables with a count of the people and today's tree (in memory: one entry per
   * unit and kind): the migration's first fill, part of the full recompute, and what the kept
   * tables must always equal. The tree and the people are read in one snapshot only if the caller
   * holds the people counters' lock from before the transaction's first read ({@link
   * CountedTree#lockPeopleCounters}, as the full recompute does in place), or reads in one
   * REPEATABLE READ snapshot and checks afterwards that no keeper took the lock since ({@link
   * CountedTree#peopleCountersVersion}, as it does when swapping); otherwise a keeper committing
   * between the reads would be lost.
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
      for (var table : List.of("cov_people", "cov_people_person", "cov_people_unit")) {
        statement.executeUpdate("delete from " + table + suffix);
      }
    }
    var parents = tree(connection);
    var deltas = new HashMap<Long, Map<Kind, Long>>();
    try (var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select "
                    + PERSON_COLUMNS
                    + PERSON_FROM
                    + " where p.is_member = true or p.staff_employment is not null");
        var insert =
            connection.prepareStatement(
                INSERT_PERSON.replace("cov_people_person", "cov_people_person" + suffix))) {
      int batched = 0;
      while (rows.next()) {
        var counted = counted(rows);
        for (Long unit = counted.unitId(); unit != null; unit = parents.get(unit)) {
          deltas.computeIfAbsent(unit, u -> new HashMap<>()).merge(counted.kind(), 1L, Long::sum);
        }
        bindPerson(insert, rows.getLong(1), counted);
        insert.addBatch();
        if (++batched % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (var insert =
        connection.prepareStatement(
            "insert into cov_people"
                + suffix
                + " (unit_id, is_member, is_staff, is_erased, staff_level,"
                + " staff_position, people) values (?, ?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (var perUnit : deltas.entrySet()) {
        for (var kind : perUnit.getValue().entrySet()) {
          bindKey(insert, 1, perUnit.getKey(), kind.getKey());
          insert.setLong(7, kind.getValue());
          insert.addBatch();
          if (++batched % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    CountedTree.writeAll(connection, "cov_people_unit" + suffix, parents);
  }
}
