package vn.hocso.lms.coverage.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 *
 * <p>A projector batch reads and writes in sets: the methods taking collections read the rows of
 * many keys in one query (at most {@value #KEYS_PER_QUERY} keys to a query), {@link #record(List)}
 * inserts many ledger rows at once, and the counters ({@link #addLive}, {@link #addMonth}) are
 * summed in memory until {@link #flushCounters}.
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

  /** A new row of the ledger. */
  public record LedgerRow(
      UUID id, Status status, Long personId, Long courseId, Milestone milestone, LocalDate on) {

    public LedgerRow withStatus(Status changed) {
      return new LedgerRow(id, changed, personId, courseId, milestone, on);
    }
  }

  /** The first day a person reached a milestone in a course, among her counted statements. */
  public record Reached(long personId, long courseId, Milestone milestone, LocalDate on) {}

  /** A state row to write (state null: delete it). */
  public record StateWrite(long personId, Subject subject, Milestone milestone, State state) {}

  static final int KEYS_PER_QUERY = 500;
  private static final int ROWS_PER_INSERT = 200;

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private final CounterDeltas live =
      new CounterDeltas("cov_live", List.of("unit_id", "subject", "milestone"), "people", false);
  private final CounterDeltas month =
      new CounterDeltas(
          "cov_month", List.of("unit_id", "subject", "milestone", "month_key"), "people", false);
  private Boolean mysql;

  public CoverageTables(Connection connection) {
    this.connection = connection;
  }

  public Connection connection() {
    return connection;
  }

  /** Whether the database is MySQL/MariaDB (its own upsert), else the portable SQL (H2). */
  public boolean mysql() throws SQLException {
    if (mysql == null) {
      mysql = CounterDeltas.isMysql(connection);
    }
    return mysql;
  }

  /**
   * Runs {@code sql} (with {@code %s} where the placeholders go) once per chunk of keys, binding
   * each chunk's keys; the rows go to {@code row}.
   */
  private <K> void forChunks(Collection<K> keys, String sql, Binder<K> binder, RowReader row)
      throws SQLException {
    var list = new ArrayList<>(keys);
    for (int from = 0; from < list.size(); from += KEYS_PER_QUERY) {
      var chunk = list.subList(from, Math.min(list.size(), from + KEYS_PER_QUERY));
      var text = sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?")));
      try (var query = connection.prepareStatement(text)) {
        for (int i = 0; i < chunk.size(); i++) {
          binder.bind(query, i + 1, chunk.get(i));
        }
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            row.read(rows);
          }
        }
      }
    }
  }

  @FunctionalInterface
  private interface Binder<K> {
    void bind(PreparedStatement statement, int index, K key) throws SQLException;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  private static final Binder<Long> LONGS =
      (statement, index, key) -> statement.setLong(index, key);
  private static final Binder<String> STRINGS =
      (statement, index, key) -> statement.setString(index, key);

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

  /** The ledger rows of those of the ids that have one. */
  public Map<UUID, HandledStatement> handled(Collection<UUID> ids) throws SQLException {
    var found = new HashMap<UUID, HandledStatement>();
    forChunks(
        ids,
        "select statement_id, status, person_id, course_id from cov_statement where statement_id"
            + " in (%s)",
        (statement, index, id) -> statement.setString(index, id.toString()),
        rows ->
            found.put(
                UUID.fromString(rows.getString(1)),
                new HandledStatement(
                    Status.valueOf(rows.getString(2)), longOrNull(rows, 3), longOrNull(rows, 4))));
    return found;
  }

  /** Inserts new ledger rows, many to a statement. */
  public void record(List<LedgerRow> rows) throws SQLException {
    var columns =
        "insert into cov_statement (statement_id, status, person_id, course_id, milestone,"
            + " occurred_on) values ";
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      var text =
          columns + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"));
      try (var insert = connection.prepareStatement(text)) {
        int index = 1;
        for (var row : chunk) {
          insert.setString(index++, row.id().toString());
          insert.setString(index++, row.status().name());
          setLong(insert, index++, row.personId());
          setLong(insert, index++, row.courseId());
          insert.setString(index++, row.milestone() == null ? null : row.milestone().name());
          insert.setDate(index++, row.on() == null ? null : Date.valueOf(row.on()));
        }
        insert.executeUpdate();
      }
    }
  }

  /** The first day of each milestone per course among the counted statements of these people. */
  public List<Reached> reached(Collection<Long> personIds) throws SQLException {
    var reached = new ArrayList<Reached>();
    forChunks(
        personIds,
        "select person_id, course_id, milestone, min(occurred_on) from cov_statement where"
            + " person_id in (%s) and status = 'COUNTED' group by person_id, course_id, milestone",
        LONGS,
        rows ->
            reached.add(
                new Reached(
                    rows.getLong(1),
                    rows.getLong(2),
                    Milestone.valueOf(rows.getString(3)),
                    rows.getDate(4).toLocalDate())));
    return reached;
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
    countSkipped(reason, 1);
  }

  public void countSkipped(String reason, long statements) throws SQLException {
    var update = sql("update cov_skipped set statements = statements + ? where reason = ?");
    update.setLong(1, statements);
    update.setString(2, reason);
    if (update.executeUpdate() == 0) {
      var insert = sql("insert into cov_skipped (reason, statements) values (?, ?)");
      insert.setString(1, reason);
      insert.setLong(2, statements);
      insert.executeUpdate();
    }
  }

  // --- people, courses, units as the LMS has them ---

  public Optional<Long> personByAccount(String account) throws SQLException {
    var query = sql("select id from person where xapi_account = ?");
    query.setString(1, account);
    return singleLong(query);
  }

  /** The people of these xAPI account names, those that exist. */
  public Map<String, Long> personsByAccounts(Collection<String> accounts) throws SQLException {
    var found = new HashMap<String, Long>();
    forChunks(
        accounts,
        "select xapi_account, id from person where xapi_account in (%s)",
        STRINGS,
        rows -> found.put(rows.getString(1), rows.getLong(2)));
    return found;
  }

  /** The courses of these activity IRIs, those that exist. */
  public Map<String, Long> coursesByIris(Collection<String> iris) throws SQLException {
    var found = new HashMap<String, Long>();
    forChunks(
        iris,
        "select activity_iri, id from course where activity_iri in (%s)",
        STRINGS,
        rows -> found.put(rows.getString(1), rows.getLong(2)));
    return found;
  }

  /** The tracks the counters know for these courses (cov_course), without fixing new ones. */
  public Map<Long, String> knownTracks(Collection<Long> courseIds) throws SQLException {
    var found = new HashMap<Long, String>();
    forChunks(
        courseIds,
        "select course_id, track from cov_course where course_id in (%s)",
        LONGS,
        rows -> found.put(rows.getLong(1), rows.getString(2)));
    return found;
  }

  /** The courses' tracks as the counters know them, fixing those met for the first time. */
  public Map<Long, String> tracksOf(Collection<Long> courseIds) throws SQLException {
    var tracks = knownTracks(courseIds);
    for (long courseId : courseIds) {
      if (!tracks.containsKey(courseId)) {
        tracks.put(courseId, trackOf(courseId)); // rare: once per course
      }
    }
    return tracks;
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

  /** Today's home unit of each of these people. */
  public Map<Long, Long> homeUnits(Collection<Long> personIds) throws SQLException {
    var found = new HashMap<Long, Long>();
    forChunks(
        personIds,
        "select id, home_unit_id from person where id in (%s)",
        LONGS,
        rows -> found.put(rows.getLong(1), rows.getLong(2)));
    for (long personId : personIds) {
      if (!found.containsKey(personId)) {
        throw new IllegalStateException("No person " + personId);
      }
    }
    return found;
  }

  /** The membership stretches of each of these people, in the order of {@link #memberships}. */
  public Map<Long, List<Stretch>> memberships(Collection<Long> personIds) throws SQLException {
    var found = new HashMap<Long, List<Stretch>>();
    for (long personId : personIds) {
      found.put(personId, new ArrayList<>());
    }
    forChunks(
        personIds,
        "select person_id, unit_id, valid_from, valid_to from person_membership where person_id"
            + " in (%s) order by person_id, valid_from, id",
        LONGS,
        rows -> {
          var to = rows.getDate(4);
          found
              .get(rows.getLong(1))
              .add(
                  new Stretch(
                      rows.getLong(2),
                      rows.getDate(3).toLocalDate(),
                      to == null ? null : to.toLocalDate()));
        });
    return found;
  }

  /** The parents in org_unit (today's tree) of these units; every one must exist. */
  public Map<Long, Long> treeParents(Collection<Long> unitIds) throws SQLException {
    var found = new HashMap<Long, Long>();
    forChunks(
        unitIds,
        "select id, parent_id from org_unit where id in (%s)",
        LONGS,
        rows -> found.put(rows.getLong(1), longOrNull(rows, 2)));
    for (long unitId : unitIds) {
      if (!found.containsKey(unitId)) {
        throw new IllegalStateException("No unit " + unitId);
      }
    }
    return found;
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

  /** The parents (null for the root) of those of these units the view knows. */
  public Map<Long, Long> viewParents(Collection<Long> unitIds) throws SQLException {
    var found = new HashMap<Long, Long>();
    forChunks(
        unitIds,
        "select unit_id, parent_id from cov_unit where unit_id in (%s)",
        LONGS,
        rows -> found.put(rows.getLong(1), longOrNull(rows, 2)));
    return found;
  }

  /** Adds units to the view, with their parents. */
  public void insertViewUnits(Map<Long, Long> parents) throws SQLException {
    var rows = new ArrayList<>(parents.entrySet());
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      var text =
          "insert into cov_unit (unit_id, parent_id) values "
              + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"));
      try (var insert = connection.prepareStatement(text)) {
        int index = 1;
        for (var row : chunk) {
          insert.setLong(index++, row.getKey());
          setLong(insert, index++, row.getValue());
        }
        insert.executeUpdate();
      }
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

  /** Every state row of these people. */
  public Map<Long, List<StateRow>> statesOf(Collection<Long> personIds) throws SQLException {
    var found = new HashMap<Long, List<StateRow>>();
    for (long personId : personIds) {
      found.put(personId, new ArrayList<>());
    }
    forChunks(
        personIds,
        "select person_id, subject, milestone, reached_on, month_unit_id, live_unit_id from"
            + " cov_state where person_id in (%s)",
        LONGS,
        rows ->
            found
                .get(rows.getLong(1))
                .add(
                    new StateRow(
                        new Subject(rows.getString(2)),
                        Milestone.valueOf(rows.getString(3)),
                        new State(
                            rows.getDate(4).toLocalDate(), rows.getLong(5), rows.getLong(6)))));
    return found;
  }

  /**
   * Writes state rows (a null state deletes the row): on MySQL/MariaDB the new ones in multi-row
   * upserts, elsewhere updates and inserts in JDBC batches.
   */
  public void writeStates(Collection<StateWrite> writes) throws SQLException {
    var puts = new ArrayList<StateWrite>();
    var deletes = new ArrayList<StateWrite>();
    for (var write : writes) {
      (write.state() == null ? deletes : puts).add(write);
    }
    if (!deletes.isEmpty()) {
      try (var delete =
          connection.prepareStatement(
              "delete from cov_state where person_id = ? and subject = ? and milestone = ?")) {
        for (var write : deletes) {
          delete.setLong(1, write.personId());
          delete.setString(2, write.subject().code());
          delete.setString(3, write.milestone().name());
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    if (puts.isEmpty()) {
      return;
    }
    if (mysql()) {
      for (int from = 0; from < puts.size(); from += ROWS_PER_INSERT) {
        var chunk = puts.subList(from, Math.min(puts.size(), from + ROWS_PER_INSERT));
        var text =
            "insert into cov_state (person_id, subject, milestone, reached_on, month_unit_id,"
                + " live_unit_id) values "
                + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"))
                + " on duplicate key update reached_on = values(reached_on), month_unit_id ="
                + " values(month_unit_id), live_unit_id = values(live_unit_id)";
        try (var upsert = connection.prepareStatement(text)) {
          int index = 1;
          for (var write : chunk) {
            upsert.setLong(index++, write.personId());
            upsert.setString(index++, write.subject().code());
            upsert.setString(index++, write.milestone().name());
            upsert.setDate(index++, Date.valueOf(write.state().reachedOn()));
            upsert.setLong(index++, write.state().monthUnitId());
            upsert.setLong(index++, write.state().liveUnitId());
          }
          upsert.executeUpdate();
        }
      }
      return;
    }
    for (var write : puts) {
      putState(write.personId(), write.subject(), write.milestone(), write.state());
    }
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

  /** Adds to a live counter; summed in memory until {@link #flushCounters}. */
  public void addLive(long unitId, Subject subject, Milestone milestone, long delta) {
    live.add(delta, unitId, subject.code(), milestone.name());
  }

  /** Adds to a month counter; summed in memory until {@link #flushCounters}. */
  public void addMonth(long unitId, Subject subject, Milestone milestone, int month, long delta) {
    this.month.add(delta, unitId, subject.code(), milestone.name(), month);
  }

  /** Writes the counters' sums: before anything reads the counters, and before the commit. */
  public void flushCounters() throws SQLException {
    live.flush(connection, mysql());
    month.flush(connection, mysql());
  }

  /** The unit's live counters (month 0) and its month counters, rows that are not zero. */
  public List<Counter> countersAt(long unitId) throws SQLException {
    flushCounters();
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

  /**
   * Closes the prepared statements. Counters added and never flushed are a mistake of the caller
   * (they would be lost): that fails here unless something else failed first.
   */
  @Override
  public void close() throws SQLException {
    for (var statement : prepared.values()) {
      statement.close();
    }
    prepared.clear();
    if (!live.isEmpty() || !month.isEmpty()) {
      throw new IllegalStateException("Coverage counters were added but not flushed");
    }
  }
}
