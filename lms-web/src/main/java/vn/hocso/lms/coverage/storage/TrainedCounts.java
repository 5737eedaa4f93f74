package vn.hocso.lms.coverage.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.PeopleCounts.Counted;
import vn.hocso.lms.coverage.storage.PeopleCounts.Kind;

/**
 * The trained among the people {@link PeopleCounts} counts, kept by the projector beside its own
 * counters (so they roll up through {@code cov_unit}, and a unit move carries them like {@code
 * cov_live}):
 *
 * <ul>
 *   <li>{@code cov_trained}: members and staff (not erased) of each subtree today who completed a
 *       subject (track or course); the untrained count is cov_people minus these;
 *   <li>{@code cov_staff_trained}: staff who completed the staff track ({@link #STAFF_TRACK}), by
 *       level, position and the year of their first completion (the staff section).
 * </ul>
 *
 * <p>A completion counts where and as the person stood when the projector counted her ({@code
 * cov_trained_person}, one row per person with a completion), so it is taken back exactly. When she
 * changes (member flag, staff record, erasure, home unit) a {@code PERSON} change reaches the
 * projector (queued by {@link PeopleCounts} or the reorganisation) and {@link #resettle} moves her
 * completions to what she is now: the projector is the only writer, so it never races the people
 * services. {@link #recount} derives the three tables from scratch (the migration's first fill; the
 * full recompute counts them the same way from its own read); the coverage property test checks the
 * kept ones always equal the recompute.
 */
public final class TrainedCounts {

  /** The track whose completion makes a staff member trained (the courses written for staff). */
  public static final Subject STAFF_TRACK = Subject.track("UNION_WORK");

  /** A unit and its ancestors as the projector's counters know them. */
  @FunctionalInterface
  public interface Chain {
    List<Long> of(long unitId) throws SQLException;
  }

  private final Connection connection;
  private final Chain chain;
  private final Map<Long, String> levels = new HashMap<>();
  // The chains met in this transaction; a unit move (reparent) forgets them all.
  private final Map<Long, List<Long>> chains = new HashMap<>();
  // The counters' changes, summed per row until flush() (the projector flushes before its commit).
  private final CounterDeltas trainedDeltas =
      new CounterDeltas(
          "cov_trained", List.of("unit_id", "subject", "is_member", "is_staff"), "people", true);
  private final CounterDeltas staffDeltas =
      new CounterDeltas(
          "cov_staff_trained",
          List.of("unit_id", "staff_level", "staff_position", "trained_year"),
          "people",
          true);
  private Boolean mysql;

  public TrainedCounts(Connection connection, Chain chain) {
    this.connection = connection;
    this.chain = chain;
  }

  /**
   * Her first completion of the subject moved from one day to another (null: none). {@code
   * stillCompleted}: whether she has a completion in any subject once this one has changed (the
   * projector holds her states in memory and writes cov_state after; when she has none left she is
   * no longer counted in cov_trained_person).
   */
  public void completedChanged(
      long personId, Subject subject, LocalDate had, LocalDate wanted, boolean stillCompleted)
      throws SQLException {
    if (Objects.equals(had, wanted)) {
      return;
    }
    var counted = countedAs(personId);
    if (counted == null) {
      counted = now(personId);
      try (var insert =
          connection.prepareStatement(
              "insert into cov_trained_person (person_id, unit_id, is_member, is_staff,"
                  + " is_erased, staff_position) values (?, ?, ?, ?, ?, ?)")) {
        bindPerson(insert, personId, counted);
        insert.executeUpdate();
      }
    }
    if (had != null) {
      count(counted, subject, had, -1);
    }
    if (wanted != null) {
      count(counted, subject, wanted, +1);
    } else if (!stillCompleted) {
      delete(personId);
    }
  }

  /** Writes the counters' changes summed so far. */
  public void flush() throws SQLException {
    if (mysql == null) {
      mysql = CounterDeltas.isMysql(connection);
    }
    trainedDeltas.flush(connection, mysql);
    staffDeltas.flush(connection, mysql);
  }

  /** She changed (a PERSON change applied): her completions move to what she is now. */
  public void resettle(long personId) throws SQLException {
    var counted = countedAs(personId);
    if (counted == null) {
      return; // no completion counted
    }
    var now = now(personId);
    if (counted.equals(now)) {
      return;
    }
    try (var query =
        connection.prepareStatement(
            "select subject, reached_on from cov_state where person_id = ? and milestone ="
                + " 'COMPLETED'")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          var subject = new Subject(rows.getString(1));
          var day = rows.getDate(2).toLocalDate();
          count(counted, subject, day, -1);
          count(now, subject, day, +1);
        }
      }
    }
    delete(personId);
    try (var insert =
        connection.prepareStatement(
            "insert into cov_trained_person (person_id, unit_id, is_member, is_staff,"
                + " is_erased, staff_position) values (?, ?, ?, ?, ?, ?)")) {
      bindPerson(insert, personId, now);
      insert.executeUpdate();
    }
  }

  /** A unit's counters leave its old ancestors for its new ones (as the projector's reparent). */
  public void reparent(long unitId, List<Long> oldAncestors, List<Long> newAncestors)
      throws SQLException {
    flush(); // the unit's rows are read next
    chains.clear();
    var trained = new HashMap<List<Object>, Long>();
    try (var query =
        connection.prepareStatement(
            "select subject, is_member, is_staff, people from cov_trained where unit_id = ?")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          trained.put(
              List.of(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)), rows.getLong(4));
        }
      }
    }
    var staff = new HashMap<List<Object>, Long>();
    try (var query =
        connection.prepareStatement(
            "select staff_level, staff_position, trained_year, people from cov_staff_trained"
                + " where unit_id = ?")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          staff.put(List.of(rows.getString(1), rows.getString(2), rows.getInt(3)), rows.getLong(4));
        }
      }
    }
    for (var pair : List.of(Map.entry(oldAncestors, -1L), Map.entry(newAncestors, +1L))) {
      for (long unit : pair.getKey()) {
        for (var row : trained.entrySet()) {
          var key = row.getKey();
          addTrained(
              unit,
              (String) key.get(0),
              (Boolean) key.get(1),
              (Boolean) key.get(2),
              pair.getValue() * row.getValue());
        }
        for (var row : staff.entrySet()) {
          var key = row.getKey();
          addStaff(
              unit,
              (String) key.get(0),
              (String) key.get(1),
              (Integer) key.get(2),
              pair.getValue() * row.getValue());
        }
      }
    }
  }

  private void count(Counted counted, Subject subject, LocalDate day, long sign)
      throws SQLException {
    var kind = counted.kind();
    boolean untrained = kind != null && !kind.erased();
    boolean staff = kind != null && kind.staff() && subject.equals(STAFF_TRACK);
    if (!untrained && !staff) {
      return;
    }
    var units = chains.get(counted.unitId());
    if (units == null) {
      units = chain.of(counted.unitId());
      chains.put(counted.unitId(), units);
    }
    for (long unit : units) {
      if (untrained) {
        addTrained(unit, subject.code(), kind.member(), kind.staff(), sign);
      }
      if (staff) {
        addStaff(unit, kind.level(), kind.position(), day.getYear(), sign);
      }
    }
  }

  private void addTrained(long unit, String subject, boolean member, boolean staff, long delta) {
    trainedDeltas.add(delta, unit, subject, member, staff);
  }

  private void addStaff(long unit, String level, String position, int year, long delta) {
    staffDeltas.add(delta, unit, level, position, year);
  }

  private static void bind(PreparedStatement statement, int first, Object... values)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(first + i, values[i]);
    }
  }

  private Counted countedAs(long personId) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "select unit_id, is_member, is_staff, is_erased, staff_position from"
                + " cov_trained_person where person_id = ?")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        long unit = rows.getLong(1);
        return new Counted(
            unit,
            Kind.of(
                rows.getBoolean(2),
                rows.getBoolean(3),
                rows.getBoolean(4),
                level(unit),
                rows.getString(5)));
      }
    }
  }

  /** Where and what she is now (kind null: neither member nor staff, counted in no table). */
  private Counted now(long personId) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "select "
                + PeopleCounts.PERSON_COLUMNS
                + PeopleCounts.PERSON_FROM
                + " where p.id = ?")) {
      query.setLong(1, personId);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("No person " + personId);
        }
        var counted = PeopleCounts.counted(rows);
        return counted == null ? new Counted(rows.getLong(2), null) : counted;
      }
    }
  }

  private String level(long unitId) throws SQLException {
    var known = levels.get(unitId);
    if (known != null) {
      return known;
    }
    try (var query = connection.prepareStatement("select kind from org_unit where id = ?")) {
      query.setLong(1, unitId);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("No unit " + unitId);
        }
        levels.put(unitId, rows.getString(1));
        return rows.getString(1);
      }
    }
  }

  private void delete(long personId) throws SQLException {
    try (var delete =
        connection.prepareStatement("delete from cov_trained_person where person_id = ?")) {
      delete.setLong(1, personId);
      delete.executeUpdate();
    }
  }

  private static void bindPerson(PreparedStatement insert, long personId, Counted counted)
      throws SQLException {
    var kind = counted.kind();
    insert.setLong(1, personId);
    insert.setLong(2, counted.unitId());
    insert.setBoolean(3, kind != null && kind.member());
    insert.setBoolean(4, kind != null && kind.staff());
    insert.setBoolean(5, kind != null && kind.erased());
    insert.setString(6, kind == null ? "" : kind.position());
  }

  // ------------------------------------------------------------------------------------------
  // From scratch

  /**
   * Replaces the three tables with a count from cov_state's completions, the people as they are and
   * today's tree in org_unit: the migration's first fill. See {@link #recount(Connection, Map)}.
   */
  public static void recount(Connection connection) throws SQLException {
    recount(connection, PeopleCounts.tree(connection));
  }

  /** People whose completions are read at a time (a short, fully read range). */
  private static final long PEOPLE_PER_READ = 20_000;

  /**
   * Replaces the three tables with a count from cov_state's completions and the people as they are,
   * rolled up through {@code tree} (unit → parent). The full recompute does not call it: it counts
   * the same from its own single read of the tree and the people ({@code
   * CoverageRecompute.countTrained}), since a second read of the people minutes later could find
   * someone in a unit its tree does not hold.
   *
   * <p>Completions are read in person order, a range of person ids at a time, so memory holds the
   * counters (a few rows per unit) and one range, not a set of every person (two million at
   * national scale).
   */
  public static void recount(Connection connection, Map<Long, Long> tree) throws SQLException {
    try (var statement = connection.createStatement()) {
      for (var table : List.of("cov_trained", "cov_staff_trained", "cov_trained_person")) {
        statement.executeUpdate("delete from " + table);
      }
    }
    long first = 0;
    long last = -1;
    try (var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select min(person_id), max(person_id) from cov_state where milestone ="
                    + " 'COMPLETED'")) {
      if (rows.next() && rows.getObject(1) != null) {
        first = rows.getLong(1);
        last = rows.getLong(2);
      }
    }
    var trained = new HashMap<List<Object>, Long>();
    var staff = new HashMap<List<Object>, Long>();
    try (var query =
            connection.prepareStatement(
                "select "
                    + PeopleCounts.PERSON_COLUMNS
                    + ", s.subject, s.reached_on"
                    + PeopleCounts.PERSON_FROM
                    + " join cov_state s on s.person_id = p.id where s.milestone = 'COMPLETED'"
                    + " and s.person_id between ? and ? order by s.person_id");
        var insert =
            connection.prepareStatement(
                "insert into cov_trained_person (person_id, unit_id, is_member, is_staff,"
                    + " is_erased, staff_position) values (?, ?, ?, ?, ?, ?)")) {
      long previous = Long.MIN_VALUE;
      int batched = 0;
      for (long from = first; from <= last; from += PEOPLE_PER_READ) {
        query.setLong(1, from);
        query.setLong(2, from + PEOPLE_PER_READ - 1);
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            long person = rows.getLong(1);
            var counted = PeopleCounts.counted(rows);
            if (counted == null) {
              counted = new Counted(rows.getLong(2), null);
            }
            if (person != previous) {
              previous = person;
              bindPerson(insert, person, counted);
              insert.addBatch();
              if (++batched % 1000 == 0) {
                insert.executeBatch();
              }
            }
            var kind = counted.kind();
            if (kind == null) {
              continue;
            }
            var subject = rows.getString(8);
            int year = rows.getDate(9).toLocalDate().getYear();
            for (Long unit = counted.unitId(); unit != null; unit = tree.get(unit)) {
              if (!kind.erased()) {
                trained.merge(List.of(unit, subject, kind.member(), kind.staff()), 1L, Long::sum);
              }
              if (kind.staff() && subject.equals(STAFF_TRACK.code())) {
                staff.merge(List.of(unit, kind.level(), kind.position(), year), 1L, Long::sum);
              }
            }
          }
        }
        insert.executeBatch(); // before the next read: a driver may stream one result at a time
      }
    }
    insertAll(
        connection,
        "insert into cov_trained (unit_id, subject, is_member, is_staff, people) values (?, ?, ?,"
            + " ?, ?)",
        trained);
    insertAll(
        connection,
        "insert into cov_staff_trained (unit_id, staff_level, staff_position, trained_year,"
            + " people) values (?, ?, ?, ?, ?)",
        staff);
  }

  private static void insertAll(Connection connection, String sql, Map<List<Object>, Long> rows)
      throws SQLException {
    try (var insert = connection.prepareStatement(sql)) {
      int batched = 0;
      for (var row : rows.entrySet()) {
        bind(insert, 1, row.getKey().toArray());
        insert.setLong(row.getKey().size() + 1, row.getValue());
        insert.addBatch();
        if (++batched % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
