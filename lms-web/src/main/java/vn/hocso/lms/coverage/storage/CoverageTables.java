package vn.hocso.lms.coverage.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;

/**
 * The coverage tables (migrations V17 and V18) and the few LMS tables the projector reads, in JDBC
 * on the caller's connection, so everything one statement changes is written in the caller's
 * transaction. Prepared statements are kept for the life of the object (one transaction or a run of
 * them on one connection).
 */
public final class CoverageTables implements AutoCloseable {

  /** What a handled statement was. */
  public enum Status {
    COUNTED,
    VOIDED,
    VOIDED_EARLY,
    VOIDING,
    IGNORED,
    SKIPPED
  }

  /** A handled statement: its status and, when it counted, whose milestone in which course. */
  public record HandledStatement(Status status, Long personId, Long courseId) {}

  /** A milestone a person has reached, and where it is counted (see cov_state). */
  public record State(LocalDate reachedOn, long monthUnitId, long liveUnitId) {}

  /** A state row with its keys. */
  public record StateRow(Subject subject, Milestone milestone, State state) {}

  /** One stretch of home-unit membership: from validFrom until before validTo (null: open). */
  public record Stretch(long unitId, LocalDate validFrom, LocalDate validTo) {}

  /** A counter at one unit; month 0 for the live counters. */
  public record Counter(Subject subject, Milestone milestone, int month, long people) {}

  /** A reorganisation waiting to be applied. */
  /** A queued change at the revision it was read (see {@link #deleteChange}). */
  public record Change(long id, String kind, long subjectId, long revision) {}

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  public CoverageTables(Connection connection) {
    this.connection = connection;
  }

  public Connection connection() {
    return connection;
  }

  private PreparedStatement sql(String text) throws SQLException {
    var statement = prepared.get(text);
    if (statement == null) {
      statement = connection.prepareStatement(text);
      prepared.put(text, statement);
    }
    return statement;
  }

  // --- the counters' lock ---

  /**
   * Locks the counters for this transaction (the row of {@code cov_lock}): a full recompute holds
   * the same row from before it reads the ledger until its tables are in place, so a projector
   * transaction waits for it (or times out and is retried) instead of writing to tables about to be
   * replaced.
   */
  public void lockCounters() throws SQLException {
    var lock = sql("select name from cov_lock where name = 'counters' for update");
    try (var rows = lock.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("The coverage counters' lock row is missing");
      }
    }
  }

  // --- the ledger of handled statements ---

  public Optional<HandledStatement> handled(UUID id) throws SQLException {
    var query =
        sql("select status, person_id, course_id from cov_statement where statement_id = ?");
    query.setString(1, id.toString());
    try (var rows = query.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new HandledStatement(
              Status.valueOf(rows.getString(1)), longOrNull(rows, 2), longOrNull(rows, 3)));
    }
  }

  public void record(
      UUID id, Status status, Long personId, Long courseId, Milestone milestone, LocalDate on)
      throws SQLException {
    var insert =
        sql(
            "insert into cov_statement (statement_id, status, person_id, course_id, milestone,"
                + " occurred_on) values (?, ?, ?, ?, ?, ?)");
    insert.setString(1, id.toString());
    insert.setString(2, status.name());
    setLong(insert, 3, personId);
    setLong(insert, 4, courseId);
    insert.setString(5, milestone == null ? null : milestone.name());
    insert.setDate(6, on == null ? null : Date.valueOf(on));
    insert.executeUpdate();
  }

  public void setStatus(UUID id, Status status) throws SQLException {
    var update = sql("update cov_statement set status = ? where statement_id = ?");
    update.setString(1, status.name());
    update.setString(2, id.toString());
    update.executeUpdate();
  }

  /** The first day of each milestone among her counted statements in the course. */
  public Map<Milestone, LocalDate> reachedInCourse(long personId, long courseId)
      throws SQLException {
    var query =
        sql(
            "select milestone, min(occurred_on) from cov_statement where person_id = ? and"
                + " course_id = ? and status = 'COUNTED' group by milestone");
    query.setLong(1, personId);
    query.setLong(2, courseId);
    return milestones(query);
  }

  /** The first day of each milestone among her counted statements in any course of the track. */
  public Map<Milestone, LocalDate> reachedInTrack(long personId, String track) throws SQLException {
    var query =
        sql(
            "select s.milestone, min(s.occurred_on) from cov_statement s join cov_course c on c.course_id ="
                + " s.course_id where s.person_id = ? and c.track = ? and s.status = 'COUNTED'"
                + " group by s.milestone");
    query.setLong(1, personId);
    query.setString(2, track);
    return milestones(query);
  }

  private static Map<Milestone, LocalDate> milestones(PreparedStatement query) throws SQLException {
    var reached = new EnumMap<Milestone, LocalDate>(Milestone.class);
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        reached.put(Milestone.valueOf(rows.getString(1)), rows.getDate(2).toLocalDate());
      }
    }
    return reached;
  }

  public void countSkipped(String reason) throws SQLException {
    var update = sql("update cov_skipped set statements = statements + 1 where reason = ?");
    update.setString(1, reason);
    if (update.executeUpdate() == 0) {
      var insert = sql("insert into cov_skipped (reason, statements) values (?, 1)");
      insert.setString(1, reason);
      insert.executeUpdate();
    }
  }

  // --- people, courses, units as the LMS has them ---

  public Optional<Long> personByAccount(String account) throws SQLException {
    var query = sql("select id from person where xapi_account = ?");
    query.setString(1, account);
    return singleLong(query);
  }

  /** The course's id, by its activity IRI. */
  public Optional<Long> courseByIri(String iri) throws SQLException {
    var query = sql("select id from course where activity_iri = ?");
    query.setString(1, iri);
    return singleLong(query);
  }

  /** The course's track as the counters know it; fixed from its latest version when first met. */
  public String trackOf(long courseId) throws SQLException {
    var query = sql("select track from cov_course where course_id = ?");
    query.setLong(1, courseId);
    try (var rows = query.executeQuery()) {
      if (rows.next()) {
        return rows.getString(1);
      }
    }
    var latest =
        sql(
            "select track from course_version where course_id = ? order by version_number"
                + " desc");
    latest.setLong(1, courseId);
    String track;
    try (var rows = latest.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("Course " + courseId + " has no version");
      }
      track = rows.getString(1);
    }
    var insert = sql("insert into cov_course (course_id, track) values (?, ?)");
    insert.setLong(1, courseId);
    insert.setString(2, track);
    insert.executeUpdate();
    return track;
  }

  public long homeUnit(long personId) throws SQLException {
    var query = sql("select home_unit_id from person where id = ?");
    query.setLong(1, personId);
    return singleLong(query).orElseThrow(() -> new IllegalStateException("No person " + personId));
  }

  public List<Stretch> memberships(long personId) throws SQLException {
    var query =
        sql(
            "select unit_id, valid_from, valid_to from person_membership where person_id = ?"
                + " order by valid_from, id");
    query.setLong(1, personId);
    var stretches = new ArrayList<Stretch>();
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        var to = rows.getDate(3);
        stretches.add(
            new Stretch(
                rows.getLong(1),
                rows.getDate(2).toLocalDate(),
                to == null ? null : to.toLocalDate()));
      }
    }
    return stretches;
  }

  /** The parent of a unit in org_unit (today's tree). */
  public Optional<Long> treeParent(long unitId) throws SQLException {
    var query = sql("select parent_id from org_unit where id = ?");
    query.setLong(1, unitId);
    try (var rows = query.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("No unit " + unitId);
      }
      return Optional.ofNullable(longOrNull(rows, 1));
    }
  }

  // --- the tree as the counters know it ---

  /** Empty if the unit is not known yet; else its parent (empty inner for the root). */
  public Optional<Optional<Long>> viewParent(long unitId) throws SQLException {
    var query = sql("select parent_id from cov_unit where unit_id = ?");
    query.setLong(1, unitId);
    try (var rows = query.executeQuery()) {
      return rows.next() ? Optional.of(Optional.ofNullable(longOrNull(rows, 1))) : Optional.empty();
    }
  }

  public void insertViewUnit(long unitId, Long parentId) throws SQLException {
    var insert = sql("insert into cov_unit (unit_id, parent_id) values (?, ?)");
    insert.setLong(1, unitId);
    setLong(insert, 2, parentId);
    insert.executeUpdate();
  }

  public void setViewParent(long unitId, Long parentId) throws SQLException {
    var update = sql("update cov_unit set parent_id = ? where unit_id = ?");
    setLong(update, 1, parentId);
    update.setLong(2, unitId);
    update.executeUpdate();
  }

  // --- learning state ---

  public Map<Milestone, State> states(long personId, Subject subject) throws SQLException {
    var query =
        sql(
            "select milestone, reached_on, month_unit_id, live_unit_id from cov_state where"
                + " person_id = ? and subject = ?");
    query.setLong(1, personId);
    query.setString(2, subject.code());
    var states = new EnumMap<Milestone, State>(Milestone.class);
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        states.put(
            Milestone.valueOf(rows.getString(1)),
            new State(rows.getDate(2).toLocalDate(), rows.getLong(3), rows.getLong(4)));
      }
    }
    return states;
  }

  public List<StateRow> statesOf(long personId) throws SQLException {
    var query =
        sql(
            "select subject, milestone, reached_on, month_unit_id, live_unit_id from cov_state"
                + " where person_id = ?");
    query.setLong(1, personId);
    var states = new ArrayList<StateRow>();
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        states.add(
            new StateRow(
                new Subject(rows.getString(1)),
                Milestone.valueOf(rows.getString(2)),
                new State(rows.getDate(3).toLocalDate(), rows.getLong(4), rows.getLong(5))));
      }
    }
    return states;
  }

  public void putState(long personId, Subject subject, Milestone milestone, State state)
      throws SQLException {
    var update =
        sql(
            "update cov_state set reached_on = ?, month_unit_id = ?, live_unit_id = ? where"
                + " person_id = ? and subject = ? and milestone = ?");
    update.setDate(1, Date.valueOf(state.reachedOn()));
    update.setLong(2, state.monthUnitId());
    update.setLong(3, state.liveUnitId());
    update.setLong(4, personId);
    update.setString(5, subject.code());
    update.setString(6, milestone.name());
    if (update.executeUpdate() == 0) {
      var insert =
          sql(
              "insert into cov_state (reached_on, month_unit_id, live_unit_id, person_id, subject,"
                  + " milestone) values (?, ?, ?, ?, ?, ?)");
      insert.setDate(1, Date.valueOf(state.reachedOn()));
      insert.setLong(2, state.monthUnitId());
      insert.setLong(3, state.liveUnitId());
      insert.setLong(4, personId);
      insert.setString(5, subject.code());
      insert.setString(6, milestone.name());
      insert.executeUpdate();
    }
  }

  public void deleteState(long personId, Subject subject, Milestone milestone) throws SQLException {
    var delete = sql("delete from cov_state where person_id = ? and subject = ? and milestone = ?");
    delete.setLong(1, personId);
    delete.setString(2, subject.code());
    delete.setString(3, milestone.name());
    delete.executeUpdate();
  }

  // --- counters ---

  public void addLive(long unitId, Subject subject, Milestone milestone, long delta)
      throws SQLException {
    var update =
        sql(
            "update cov_live set people = people + ? where unit_id = ? and subject = ? and"
                + " milestone = ?");
    update.setLong(1, delta);
    update.setLong(2, unitId);
    update.setString(3, subject.code());
    update.setString(4, milestone.name());
    if (update.executeUpdate() == 0) {
      var insert =
          sql("insert into cov_live (people, unit_id, subject, milestone) values (?, ?, ?, ?)");
      insert.setLong(1, delta);
      insert.setLong(2, unitId);
      insert.setString(3, subject.code());
      insert.setString(4, milestone.name());
      insert.executeUpdate();
    }
  }

  public void addMonth(long unitId, Subject subject, Milestone milestone, int month, long delta)
      throws SQLException {
    var update =
        sql(
            "update cov_month set people = people + ? where unit_id = ? and subject = ? and"
                + " milestone = ? and month_key = ?");
    update.setLong(1, delta);
    update.setLong(2, unitId);
    update.setString(3, subject.code());
    update.setString(4, milestone.name());
    update.setInt(5, month);
    if (update.executeUpdate() == 0) {
      var insert =
          sql(
              "insert into cov_month (people, unit_id, subject, milestone, month_key) values (?,"
                  + " ?, ?, ?, ?)");
      insert.setLong(1, delta);
      insert.setLong(2, unitId);
      insert.setString(3, subject.code());
      insert.setString(4, milestone.name());
      insert.setInt(5, month);
      insert.executeUpdate();
    }
  }

  /** The unit's live counters (month 0) and its month counters, rows that are not zero. */
  public List<Counter> countersAt(long unitId) throws SQLException {
    var counters = new ArrayList<Counter>();
    var live =
        sql("select subject, milestone, people from cov_live where unit_id = ? and people <> 0");
    live.setLong(1, unitId);
    try (var rows = live.executeQuery()) {
      while (rows.next()) {
        counters.add(
            new Counter(
                new Subject(rows.getString(1)),
                Milestone.valueOf(rows.getString(2)),
                0,
                rows.getLong(3)));
      }
    }
    var month =
        sql(
            "select subject, milestone, month_key, people from cov_month where unit_id = ? and"
                + " people <> 0");
    month.setLong(1, unitId);
    try (var rows = month.executeQuery()) {
      while (rows.next()) {
        counters.add(
            new Counter(
                new Subject(rows.getString(1)),
                Milestone.valueOf(rows.getString(2)),
                rows.getInt(3),
                rows.getLong(4)));
      }
    }
    return counters;
  }

  // --- reorganisations waiting ---

  public List<Change> pendingChanges() throws SQLException {
    var query = sql("select id, kind, subject_id, revision from cov_change order by id");
    var changes = new ArrayList<Change>();
    try (var rows = query.executeQuery()) {
      while (rows.next()) {
        changes.add(
            new Change(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
      }
    }
    return changes;
  }

  /**
   * Takes a change off the queue at the revision it was read; false when another transaction took
   * it first (the delete waits for that one's row lock, then finds nothing), so a change is applied
   * once, and false when it was written again since (a person's PERSON change raises its revision,
   * storage.PeopleCounts): the batch's snapshot may hold her as she was before that writer, so the
   * change stays queued for the next batch, which sees her as that writer left her.
   */
  public boolean deleteChange(Change change) throws SQLException {
    var delete = sql("delete from cov_change where id = ? and revision = ?");
    delete.setLong(1, change.id());
    delete.setLong(2, change.revision());
    return delete.executeUpdate() == 1;
  }

  // --- helpers ---

  private static Optional<Long> singleLong(PreparedStatement query) throws SQLException {
    try (var rows = query.executeQuery()) {
      return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
    }
  }

  private static Long longOrNull(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  @Override
  public void close() throws SQLException {
    for (var statement : prepared.values()) {
      statement.close();
    }
    prepared.clear();
  }
}
