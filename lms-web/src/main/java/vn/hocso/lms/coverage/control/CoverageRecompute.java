package vn.hocso.lms.coverage.control;

import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CountedTree;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.coverage.storage.Headcounts;
import vn.hocso.lms.coverage.storage.PeopleCounts;
import vn.hocso.lms.coverage.storage.TrainedCounts;

/**
 * Derives the learning state and every counter from scratch: from the statements counted in {@code
 * cov_statement}, today's tree ({@code org_unit}) and the people's home units and membership
 * history. What the projector maintains incrementally must always equal this; the property test
 * checks it, and an operator may run it to repair the tables.
 *
 * <p>Two ways to put the result in place, the same figures either way:
 *
 * <ul>
 *   <li><b>In the caller's transaction</b> ({@link #CoverageRecompute(Connection)}, any database):
 *       the tables are emptied and written again; readers see the old figures until the caller
 *       commits, and a caller may roll it all back (the tests compare with it).
 *   <li><b>Swapped in</b> ({@link #CoverageRecompute(Connection, DataSource)} on MySQL/MariaDB):
 *       every table is written fresh ({@code cov_state_next} …, created {@code like} the live ones,
 *       so InnoDB fills them in key order without deleting 30 million rows; a run cut short leaves
 *       its own, which the next drops) and one {@code rename table} swaps all thirteen in at once —
 *       the projector's seven and the people counters' six: readers, and a crash, see the old
 *       tables or the new, never half. DDL commits, so this commits the caller's transaction. On
 *       other databases (H2 has no multi-table rename) it falls back to the first way.
 * </ul>
 *
 * <p>Either way the counters' lock ({@link CoverageTables#lockCounters}) is held from before the
 * ledger is read until the new figures are in place (when swapping, on a second connection, since
 * DDL would end the transaction holding it): a projector batch waits, or times out and is retried
 * from its stored position, so a statement is counted either in the figures read here or on top of
 * them, never lost and never twice. Reorganisations written before the read are absorbed (their
 * {@code cov_change} rows deleted); later ones stay queued for the projector (applying a change to
 * figures that already follow it changes nothing).
 *
 * <p>Everything is counted from one read of the tree, the people and their memberships (one
 * snapshot: in place, the caller's transaction; swapping, a REPEATABLE READ transaction), the
 * trained counts ({@code storage.TrainedCounts}) included: they roll up through the tree written
 * into {@code cov_unit}, with each person where and as that read found her, so a unit split or a
 * person moved after the read is a queued change the projector applies to every table alike.
 *
 * <p>The headcounts and the people counts ({@code storage.Headcounts}, {@code
 * storage.PeopleCounts}), kept by the people writers under the people counters' lock ({@code
 * storage.CountedTree}): in place, that lock is held from the transaction's start; swapping, they
 * are counted from the run's snapshot without it, and the lock is taken (on the second connection)
 * only for the swap. A people writer raises the lock's version; if one did since the snapshot, they
 * are counted again under the lock before the rename (a writer then waits for that count).
 *
 * <p>It reads each table once, streaming, and counts in primitive arrays (a few hundred megabytes
 * for the whole country); rows are written in key order, a thousand to an insert.
 */
public final class CoverageRecompute {

  private static final Logger LOG = Logger.getLogger(CoverageRecompute.class.getName());

  /** The projector's tables a recompute replaces, in the order they are written. */
  private static final List<String> TABLES =
      List.of(
          "cov_state",
          "cov_live",
          "cov_month",
          "cov_unit",
          "cov_trained",
          "cov_staff_trained",
          "cov_trained_person");

  /** The people counters' tables (storage.Headcounts, storage.PeopleCounts), also replaced. */
  private static final List<String> PEOPLE_TABLES =
      List.of(
          "cov_headcount",
          "cov_headcount_stretch",
          "cov_headcount_unit",
          "cov_people",
          "cov_people_person",
          "cov_people_unit");

  private static final int ROWS_PER_INSERT = 1000;

  /** Milestones in the order of their names: the order of the primary keys. */
  private static final Milestone[] MILESTONES_BY_NAME =
      Arrays.stream(Milestone.values())
          .sorted((a, b) -> a.name().compareTo(b.name()))
          .toArray(Milestone[]::new);

  private static final int MILESTONE_COUNT = MILESTONES_BY_NAME.length;

  private static final long MASK = 0xFFFFFFFFL;

  private final Connection connection;
  private final DataSource locks;
  private final List<String> steps = new ArrayList<>();
  private Boolean mysql;
  private long stepStarted;
  private Step afterReading = () -> {};
  private Step beforeSwap = () -> {};
  private Consumer<String> onStep = name -> {};

  /** Work between the recompute's steps (tests: a change committed meanwhile). */
  @FunctionalInterface
  interface Step {
    void run() throws SQLException;
  }

  /** Recomputes in the caller's transaction on {@code connection}. */
  public CoverageRecompute(Connection connection) {
    this(connection, null);
  }

  /**
   * Recomputes on {@code connection}, swapping fresh tables in where the database can; {@code
   * locks} gives the second connection that holds the counters' lock meanwhile.
   */
  public CoverageRecompute(Connection connection, DataSource locks) {
    this.connection = connection;
    this.locks = locks;
  }

  /** Runs {@code step} once everything is read and before anything is written (tests). */
  CoverageRecompute afterReading(Step step) {
    this.afterReading = step;
    return this;
  }

  /**
   * Runs {@code step} once the fresh tables are written and committed, before the people counters'
   * lock and the rename (tests: a crash there, or a people writer meanwhile).
   */
  CoverageRecompute beforeSwap(Step step) {
    this.beforeSwap = step;
    return this;
  }

  /** Tells {@code listener} the name of each step as it ends (an operator's progress bar). */
  public CoverageRecompute onStep(Consumer<String> listener) {
    this.onStep = listener;
    return this;
  }

  /** How many steps {@link #run()} will report on this database. */
  public int expectedSteps() throws SQLException {
    // swap: lock, create, 4 reads, 7 writes, the people's 2, commit, rename, changes, drop old
    //   (and "people again" when a people writer came in between: one more);
    // in place: lock, 4 reads, delete, 7 writes, changes, the people's 2
    return locks != null && mysql() ? 19 : 16;
  }

  /** How long each step of the last run took, for the benchmark and the log. */
  public List<String> steps() {
    return List.copyOf(steps);
  }

  /** Replaces the state, the counters and the tree view; pending reorganisations are absorbed. */
  public void run() throws SQLException {
    steps.clear();
    stepStarted = System.nanoTime();
    if (mysql() && !connection.isWrapperFor(JdbcConnection.class)) {
      // Another class loader's Connector/J (a pool outside the application): text inserts, 2–3
      // times slower (Rows.prepare); worth knowing when a recompute takes longer than measured.
      LOG.info("Coverage recompute: Connector/J not reachable by unwrap; inserts as text");
    }
    if (locks != null && mysql()) {
      swap();
    } else {
      inPlace();
      recountPeople("");
    }
    // An operator's run is worth a line in the log; the tests' thousands are not.
    LOG.log(
        locks == null ? Level.FINE : Level.INFO, "Coverage recompute: " + String.join(", ", steps));
  }

  /** MySQL or MariaDB (Connector/J reports MariaDB as MySQL). */
  private boolean mysql() throws SQLException {
    if (mysql == null) {
      var product = connection.getMetaData().getDatabaseProductName().toLowerCase();
      mysql = product.contains("mysql") || product.contains("mariadb");
    }
    return mysql;
  }

  private void inPlace() throws SQLException {
    try (var tables = new CoverageTables(connection)) {
      tables.lockCounters();
    }
    // Also the people counters' (after the counters': the order everyone takes both in), before
    // the first read, so the people counted at the end are those of this transaction's snapshot.
    CountedTree.lockPeopleCounters(connection);
    step("lock");
    var derived = derive();
    afterReading.run();
    try (var statement = connection.createStatement()) {
      for (var table : TABLES) {
        statement.executeUpdate("delete from " + table);
      }
    }
    step("delete");
    write(derived, "");
    deleteChanges(derived.changes);
    step("changes");
  }

  /**
   * The headcounts and people counts, kept by the people writers, counted again into the tables
   * named with {@code suffix} from what the transaction reads (see the callers for which snapshot
   * that is).
   */
  private void recountPeople(String suffix) throws SQLException {
    Headcounts.recount(connection, suffix);
    step("headcounts");
    PeopleCounts.recount(connection, suffix);
    step("people counts");
  }

  private void swap() throws SQLException {
    endTransaction(); // the caller's work first: it might hold rows a waiting batch needs
    int isolation = connection.getTransactionIsolation();
    // One snapshot for every read of the run (InnoDB's: taken at the transaction's first read).
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (var lock = locks.getConnection()) {
      lock.setAutoCommit(false);
      try {
        // First, so a second recompute waits too instead of dropping this one's tables.
        try (var tables = new CoverageTables(lock)) {
          tables.lockCounters();
        }
        step("lock");
        // Fresh _next tables every time: a run cut short leaves its own, half written.
        try (var ddl = connection.createStatement()) {
          for (var table : allTables()) {
            ddl.execute("drop table if exists " + table + "_next");
            ddl.execute("drop table if exists " + table + "_old");
            ddl.execute("create table " + table + "_next like " + table);
          }
        }
        step("create");
        endTransaction(); // the reads start after the lock: every batch before it is in them
        // The snapshot's first read: which people writers its people counts include.
        long peopleVersion = CountedTree.peopleCountersVersion(connection, false);
        var derived = derive();
        afterReading.run();
        // MariaDB's bulk insert into an empty table (MDEV-24818): one undo record per table, the
        // index built by sorting. The keys are unique by construction; no foreign keys here.
        try (var session = connection.createStatement()) {
          session.execute("set unique_checks = 0, foreign_key_checks = 0");
        }
        try {
          write(derived, "_next");
        } finally {
          try (var session = connection.createStatement()) {
            session.execute("set unique_checks = 1, foreign_key_checks = 1");
          }
        }
        // The people counters from the same snapshot, outside their lock: a people writer does
        // not wait for the minutes this takes.
        recountPeople("_next");
        endTransaction();
        step("commit");
        beforeSwap.run();
        // Their lock now, on the lock connection (the rename's DDL would end a transaction of
        // this one), held until the new tables are in: a people writer waits and then keeps
        // the new tables. If one took it since the snapshot, the people counters are counted
        // again, in a transaction that starts after the lock: the only part of the run that
        // holds people writers off for the length of a count (catching up by replaying what
        // they did would need a log of their changes, which they do not keep).
        if (CountedTree.peopleCountersVersion(lock, true) != peopleVersion) {
          recountPeople("_next");
          endTransaction();
          step("people again");
        }
        var renames = new ArrayList<String>();
        for (var table : allTables()) {
          renames.add(table + " to " + table + "_old");
          renames.add(table + "_next to " + table);
        }
        try (var ddl = connection.createStatement()) {
          // One statement, atomic in MariaDB: every table of the run or none.
          // The rename waits for every open reader of these tables, and new readers queue
          // behind it: give up after a minute (the live tables stay as they are) rather than stall
          // the dashboards for MariaDB's default of a day.
          ddl.execute("set session lock_wait_timeout = 60");
          try {
            ddl.execute("rename table " + String.join(", ", renames));
          } finally {
            ddl.execute("set session lock_wait_timeout = default");
          }
        }
        step("rename");
        // After the rename: a crash before it leaves the changes queued, and applying a change
        // to figures that already follow it changes nothing.
        deleteChanges(derived.changes);
        endTransaction();
        step("changes");
      } finally {
        lock.rollback(); // releases both locks: the projector goes on from the new figures
      }
    } finally {
      connection.setTransactionIsolation(isolation);
    }
    try (var ddl = connection.createStatement()) {
      for (var table : allTables()) {
        ddl.execute("drop table if exists " + table + "_old");
      }
    }
    step("drop old");
  }

  private static List<String> allTables() {
    var all = new ArrayList<>(TABLES);
    all.addAll(PEOPLE_TABLES);
    return all;
  }

  private void endTransaction() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private void step(String name) {
    long now = System.nanoTime();
    steps.add(String.format("%s %.1f s", name, (now - stepStarted) / 1e9));
    stepStarted = now;
    onStep.accept(name);
  }

  // ------------------------------------------------------------------------------------------
  // Reading and counting

  /** Everything derived, ready to write. */
  private static final class Derived {
    /** The queued changes read: id, revision, id, revision … */
    long[] changes;

    Units units;
    String[] subjects;

    /**
     * cov_state rows in key order: person, (subject, milestone) packed, day, month and live unit.
     */
    LongList statePerson = new LongList();

    IntList stateKey = new IntList();
    IntList stateDay = new IntList();
    IntList stateMonthUnit = new IntList();
    IntList stateLiveUnit = new IntList();

    /** [unit index][subject × milestone]: people. */
    int[] live;

    /** [unit index × subject × milestone][month − first month]: people, arrays made when needed. */
    int[][] month;

    int firstMonth;
    int months;

    /**
     * The trained (storage.TrainedCounts), from the same read of people as the rest: cov_trained
     * keyed (unit index << 32 | subject << 2 | member << 1 | staff) → people.
     */
    Map<Long, Long> trained = new HashMap<>();

    /** cov_staff_trained: (unit index, level, position, year) → people. */
    Map<List<Object>, Long> staffTrained = new HashMap<>();

    /** cov_trained_person rows in person order: person, unit, flags (member, staff, erased). */
    LongList trainedPerson = new LongList();

    LongList trainedUnit = new LongList();
    IntList trainedFlags = new IntList();
    List<String> trainedPosition = new ArrayList<>();
  }

  private Derived derive() throws SQLException {
    var derived = new Derived();
    // Changes first: one written after this read stays queued, its effect perhaps already read.
    var changes = new LongList();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select id, revision from cov_change")) {
      while (rows.next()) {
        changes.add(rows.getLong(1));
        changes.add(rows.getLong(2));
      }
    }
    derived.changes = changes.toArray();
    var units = new Units();
    try (var statement = streaming();
        var rows = statement.executeQuery("select id, parent_id, kind from org_unit order by id")) {
      while (rows.next()) {
        units.add(rows.getLong(1), longOrNull(rows, 2), rows.getString(3));
      }
    }
    // Every course with counted statements has its track fixed in cov_course (trackOf).
    var tracks = new HashMap<Long, String>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select course_id, track from cov_course")) {
      while (rows.next()) {
        tracks.put(rows.getLong(1), rows.getString(2));
      }
    }
    step("tree");

    // person, course, milestone → first day, keyed (person << 20 | course index << 3 | milestone)
    var courses = new HashMap<Long, Integer>();
    var courseIds = new LongList();
    var reached = new LongIntMinMap();
    try (var statement = streaming();
        var rows =
            statement.executeQuery(
                "select person_id, course_id, milestone, occurred_on from cov_statement where"
                    + " status = 'COUNTED'")) {
      long lastCourse = Long.MIN_VALUE;
      int lastIndex = -1;
      while (rows.next()) {
        long person = rows.getLong(1);
        long course = rows.getLong(2);
        if (course != lastCourse) {
          var index = courses.get(course);
          if (index == null) {
            index = courses.size();
            courses.put(course, index);
            courseIds.add(course);
          }
          lastCourse = course;
          lastIndex = index;
        }
        int milestone = Milestone.valueOf(rows.getString(3)).ordinal();
        int day = (int) rows.getObject(4, LocalDate.class).toEpochDay();
        if (person < 0 || person >= 1L << 43 || lastIndex >= 1 << 17) {
          throw new IllegalStateException("Person " + person + " or course index out of range");
        }
        reached.min(person << 20 | (long) lastIndex << 3 | milestone, day);
      }
    }
    step("statements");

    // Subjects: each course and each track, numbered in the order of their codes.
    var codes = new TreeSet<String>();
    for (long course : courseIds.toArray()) {
      codes.add(Subject.course(course).code());
      codes.add(Subject.track(tracks.get(course)).code());
    }
    var subjects = codes.toArray(String[]::new);
    var subjectIndex = new HashMap<String, Integer>();
    for (int i = 0; i < subjects.length; i++) {
      subjectIndex.put(subjects[i], i);
    }
    int[] courseSubject = new int[courseIds.size()];
    int[] trackSubject = new int[courseIds.size()];
    for (int i = 0; i < courseIds.size(); i++) {
      long course = courseIds.get(i);
      courseSubject[i] = subjectIndex.get(Subject.course(course).code());
      trackSubject[i] = subjectIndex.get(Subject.track(tracks.get(course)).code());
    }
    derived.subjects = subjects;

    // The people with counted statements, in order; their home unit today and memberships.
    long[] keys = reached.keys();
    Arrays.sort(keys);
    var people = new LongList();
    for (long key : keys) {
      long person = key >>> 20;
      if (people.size() == 0 || people.get(people.size() - 1) != person) {
        people.add(person);
      }
    }
    long[] persons = people.toArray();
    long[] homes = new long[persons.length];
    boolean[] homeFound = new boolean[persons.length];
    // What each is, for the trained counts: read here, once, with everything else (a later read
    // could see her in a unit the tree read above does not hold).
    int[] flags = new int[persons.length];
    String[] positions = new String[persons.length];
    try (var statement = streaming();
        var rows =
            statement.executeQuery(
                "select id, home_unit_id, is_member, staff_employment is not null,"
                    + " erased_on is not null, staff_position from person order by id")) {
      while (rows.next()) {
        int at = Arrays.binarySearch(persons, rows.getLong(1));
        if (at >= 0) {
          homes[at] = rows.getLong(2);
          homeFound[at] = true;
          flags[at] =
              (rows.getBoolean(3) ? MEMBER : 0)
                  | (rows.getBoolean(4) ? STAFF : 0)
                  | (rows.getBoolean(5) ? ERASED : 0);
          if ((flags[at] & STAFF) != 0) {
            positions[at] = rows.getString(6);
          }
        }
      }
    }
    var stretchStart = new int[persons.length + 1];
    var stretchUnit = new LongList();
    var stretchFrom = new IntList();
    var stretchPerson = new IntList();
    try (var statement = streaming();
        var rows =
            statement.executeQuery(
                "select person_id, unit_id, valid_from from person_membership"
                    + " order by person_id, valid_from, id")) {
      while (rows.next()) {
        int at = Arrays.binarySearch(persons, rows.getLong(1));
        if (at >= 0) {
          stretchPerson.add(at);
          stretchUnit.add(rows.getLong(2));
          stretchFrom.add((int) rows.getObject(3, LocalDate.class).toEpochDay());
        }
      }
    }
    // Rows came in person order: the stretches of person i are [start[i], start[i + 1]).
    for (int s = 0, p = 0; p <= persons.length; p++) {
      while (s < stretchPerson.size() && stretchPerson.get(s) < p) {
        s++;
      }
      stretchStart[p] = s;
    }
    step("people");

    // Units met only in the people's homes and memberships (not in org_unit) are counted alone.
    for (int i = 0; i < persons.length; i++) {
      units.addLoose(homes[i]);
    }
    for (int s = 0; s < stretchUnit.size(); s++) {
      units.addLoose(stretchUnit.get(s));
    }
    units.chains();
    derived.units = units;

    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
    for (long key : keys) {
      int day = reached.get(key);
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
    }
    derived.firstMonth = keys.length == 0 ? 0 : monthOrdinal(firstDay);
    derived.months = keys.length == 0 ? 0 : monthOrdinal(lastDay) - derived.firstMonth + 1;
    int width = subjects.length * MILESTONE_COUNT;
    if ((long) units.size() * width > Integer.MAX_VALUE) {
      throw new IllegalStateException("Too many units × subjects to count in memory");
    }
    derived.live = new int[units.size() * width];
    derived.month = new int[units.size() * width][];
    int[] rank = new int[MILESTONE_COUNT];
    for (int i = 0; i < MILESTONE_COUNT; i++) {
      rank[MILESTONES_BY_NAME[i].ordinal()] = i;
    }
    int completed = rank[Milestone.COMPLETED.ordinal()];
    String staffTrack = TrainedCounts.STAFF_TRACK.code();

    // One person at a time: her course and track milestones, in key order.
    var mine = new LongList(); // (subject × milestones + rank) << 32 | day, sorted
    var trackFirst = new HashMap<Integer, Integer>();
    int k = 0;
    for (int p = 0; p < persons.length; p++) {
      long person = persons[p];
      if (!homeFound[p]) {
        throw new IllegalStateException("No person " + person);
      }
      mine.clear();
      trackFirst.clear();
      for (; k < keys.length && keys[k] >>> 20 == person; k++) {
        int course = (int) (keys[k] >>> 3 & ((1 << 17) - 1));
        int milestone = (int) (keys[k] & 7);
        int day = reached.get(keys[k]);
        mine.add(
            (long) (courseSubject[course] * MILESTONE_COUNT + rank[milestone]) << 32 | day & MASK);
        trackFirst.merge(trackSubject[course] * MILESTONE_COUNT + rank[milestone], day, Math::min);
      }
      for (var track : trackFirst.entrySet()) {
        mine.add((long) track.getKey() << 32 | track.getValue() & MASK);
      }
      mine.sort();
      int home = units.index(homes[p]);
      countTrained(derived, p, person, home, flags[p], positions[p], mine, completed, staffTrack);
      for (int i = 0; i < mine.size(); i++) {
        int key = (int) (mine.get(i) >>> 32);
        int day = (int) mine.get(i);
        int monthUnit =
            units.index(
                homeOn(
                    day, homes[p], stretchStart[p], stretchStart[p + 1], stretchUnit, stretchFrom));
        derived.statePerson.add(person);
        derived.stateKey.add(key);
        derived.stateDay.add(day);
        derived.stateMonthUnit.add(monthUnit);
        derived.stateLiveUnit.add(home);
        for (int unit : units.chain(home)) {
          derived.live[unit * width + key]++;
        }
        int month = monthOrdinal(day) - derived.firstMonth;
        for (int unit : units.chain(monthUnit)) {
          var counts = derived.month[unit * width + key];
          if (counts == null) {
            counts = new int[derived.months];
            derived.month[unit * width + key] = counts;
          }
          counts[month]++;
        }
      }
    }
    step("count");
    return derived;
  }

  private static final int MEMBER = 1;
  private static final int STAFF = 2;
  private static final int ERASED = 4;

  /**
   * Her completions in the trained counts, as {@code TrainedCounts.recount} counts them: where and
   * as she is in this run's read of people, rolled up through the tree it read (the one written
   * into cov_unit), so the trained agree with every other table of the run and a unit move or a
   * person's change after the read is a queued change the projector applies to all of them.
   */
  private void countTrained(
      Derived derived,
      int p,
      long person,
      int home,
      int flags,
      String position,
      LongList mine,
      int completed,
      String staffTrack) {
    boolean any = false;
    for (int i = 0; i < mine.size() && !any; i++) {
      any = (int) (mine.get(i) >>> 32) % MILESTONE_COUNT == completed;
    }
    if (!any) {
      return;
    }
    var kind =
        PeopleCounts.Kind.of(
            (flags & MEMBER) != 0,
            (flags & STAFF) != 0,
            (flags & ERASED) != 0,
            (flags & STAFF) != 0 ? derived.units.kind(home) : "",
            position);
    derived.trainedPerson.add(person);
    derived.trainedUnit.add(derived.units.id(home));
    derived.trainedFlags.add(
        kind == null
            ? 0
            : (kind.member() ? MEMBER : 0)
                | (kind.staff() ? STAFF : 0)
                | (kind.erased() ? ERASED : 0));
    derived.trainedPosition.add(kind == null ? "" : kind.position());
    if (kind == null) {
      return;
    }
    for (int i = 0; i < mine.size(); i++) {
      int key = (int) (mine.get(i) >>> 32);
      if (key % MILESTONE_COUNT != completed) {
        continue;
      }
      int subject = key / MILESTONE_COUNT;
      boolean staff = kind.staff() && derived.subjects[subject].equals(staffTrack);
      int year = LocalDate.ofEpochDay((int) mine.get(i)).getYear();
      for (int unit : derived.units.chain(home)) {
        if (!kind.erased()) {
          derived.trained.merge(
              (long) unit << 32
                  | (long) subject << 2
                  | (kind.member() ? 2 : 0)
                  | (kind.staff() ? 1 : 0),
              1L,
              Long::sum);
        }
        if (staff) {
          derived.staffTrained.merge(
              List.of(unit, kind.level(), kind.position(), year), 1L, Long::sum);
        }
      }
    }
  }

  /**
   * Her home unit that day, as {@code CoverageProjection.HomeUnits.on}: the last stretch begun by
   * then (in the order valid_from, id), else her first; with no membership rows, today's.
   */
  private static long homeOn(
      int day, long today, int from, int to, LongList units, IntList starts) {
    if (from == to) {
      return today;
    }
    int found = from;
    for (int s = from; s < to; s++) {
      if (starts.get(s) <= day) {
        found = s;
      }
    }
    return units.get(found);
  }

  private static int monthOrdinal(int epochDay) {
    var day = LocalDate.ofEpochDay(epochDay);
    return day.getYear() * 12 + day.getMonthValue() - 1;
  }

  private static int monthKey(int ordinal) {
    return MonthKey.of(LocalDate.of(ordinal / 12, ordinal % 12 + 1, 1));
  }

  // ------------------------------------------------------------------------------------------
  // Writing

  private void write(Derived derived, String suffix) throws SQLException {
    var subjects = derived.subjects;
    int width = subjects.length * MILESTONE_COUNT;
    try (var rows =
        new Rows(
            connection,
            "cov_state" + suffix,
            "person_id, subject, milestone, reached_on, month_unit_id, live_unit_id")) {
      for (int i = 0; i < derived.statePerson.size(); i++) {
        int key = derived.stateKey.get(i);
        rows.add(
            derived.statePerson.get(i),
            subjects[key / MILESTONE_COUNT],
            MILESTONES_BY_NAME[key % MILESTONE_COUNT].name(),
            LocalDate.ofEpochDay(derived.stateDay.get(i)),
            derived.units.id(derived.stateMonthUnit.get(i)),
            derived.units.id(derived.stateLiveUnit.get(i)));
      }
    }
    step("write cov_state");
    var units = derived.units;
    try (var rows =
        new Rows(connection, "cov_live" + suffix, "unit_id, subject, milestone, people")) {
      for (int unit = 0; unit < units.size(); unit++) {
        for (int key = 0; key < width; key++) {
          int people = derived.live[unit * width + key];
          if (people != 0) {
            rows.add(
                units.id(unit),
                subjects[key / MILESTONE_COUNT],
                MILESTONES_BY_NAME[key % MILESTONE_COUNT].name(),
                (long) people);
          }
        }
      }
    }
    step("write cov_live");
    try (var rows =
        new Rows(
            connection, "cov_month" + suffix, "unit_id, subject, milestone, month_key, people")) {
      for (int unit = 0; unit < units.size(); unit++) {
        for (int key = 0; key < width; key++) {
          var counts = derived.month[unit * width + key];
          if (counts == null) {
            continue;
          }
          for (int month = 0; month < counts.length; month++) {
            if (counts[month] != 0) {
              rows.add(
                  units.id(unit),
                  subjects[key / MILESTONE_COUNT],
                  MILESTONES_BY_NAME[key % MILESTONE_COUNT].name(),
                  monthKey(derived.firstMonth + month),
                  (long) counts[month]);
            }
          }
        }
      }
    }
    step("write cov_month");
    try (var rows = new Rows(connection, "cov_unit" + suffix, "unit_id, parent_id")) {
      for (int unit = 0; unit < units.treeSize(); unit++) {
        rows.add(units.id(unit), units.parentId(unit));
      }
    }
    step("write cov_unit");
    var trained = derived.trained.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    try (var rows =
        new Rows(
            connection, "cov_trained" + suffix, "unit_id, subject, is_member, is_staff, people")) {
      for (long key : trained) {
        rows.add(
            units.id((int) (key >>> 32)),
            subjects[(int) (key & MASK) >>> 2],
            (key & 2) != 0,
            (key & 1) != 0,
            derived.trained.get(key));
      }
    }
    step("write cov_trained");
    try (var rows =
        new Rows(
            connection,
            "cov_staff_trained" + suffix,
            "unit_id, staff_level, staff_position, trained_year, people")) {
      for (var row : derived.staffTrained.entrySet()) {
        var key = row.getKey();
        rows.add(
            units.id((Integer) key.get(0)), key.get(1), key.get(2), key.get(3), row.getValue());
      }
    }
    step("write cov_staff_trained");
    try (var rows =
        new Rows(
            connection,
            "cov_trained_person" + suffix,
            "person_id, unit_id, is_member, is_staff, is_erased, staff_position")) {
      for (int i = 0; i < derived.trainedPerson.size(); i++) {
        int flags = derived.trainedFlags.get(i);
        rows.add(
            derived.trainedPerson.get(i),
            derived.trainedUnit.get(i),
            (flags & MEMBER) != 0,
            (flags & STAFF) != 0,
            (flags & ERASED) != 0,
            derived.trainedPosition.get(i));
      }
    }
    step("write cov_trained_person");
  }

  /**
   * Absorbs the changes read, each at the revision read: one written again since (a PERSON change,
   * storage.PeopleCounts) stays queued, since what was read may predate its writer.
   */
  private void deleteChanges(long[] changes) throws SQLException {
    try (var delete =
        connection.prepareStatement("delete from cov_change where id = ? and revision = ?")) {
      for (int i = 0; i < changes.length; i += 2) {
        delete.setLong(1, changes[i]);
        delete.setLong(2, changes[i + 1]);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  /** A forward-only statement; on MySQL/MariaDB (Connector/J) it streams rows, not buffers them. */
  private Statement streaming() throws SQLException {
    var statement =
        connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    if (mysql()) {
      statement.setFetchSize(Integer.MIN_VALUE);
    }
    return statement;
  }

  private static Long longOrNull(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  // ------------------------------------------------------------------------------------------
  // Small tools

  /** Multi-row inserts of a thousand rows each (portable; no driver setting needed). */
  private static final class Rows implements AutoCloseable {
    private final Connection connection;
    private final String table;
    private final String columns;
    private final int width;
    private final Object[] values;
    private PreparedStatement full;
    private int count;
    private boolean failed;

    Rows(Connection connection, String table, String columns) {
      this.connection = connection;
      this.table = table;
      this.columns = columns;
      this.width = columns.split(",").length;
      this.values = new Object[ROWS_PER_INSERT * width];
    }

    /** One row, its values in the order of the columns. */
    void add(Object... row) throws SQLException {
      System.arraycopy(row, 0, values, count * width, width);
      if (++count == ROWS_PER_INSERT) {
        if (full == null) {
          full = prepare(sql(ROWS_PER_INSERT));
        }
        execute(full);
      }
    }

    private void execute(PreparedStatement insert) throws SQLException {
      failed = true; // until the rows are in: close() must not send them a second time
      for (int i = 0; i < count * width; i++) {
        if (values[i] == null) {
          insert.setNull(i + 1, Types.BIGINT);
        } else {
          insert.setObject(i + 1, values[i]);
        }
      }
      insert.executeUpdate();
      count = 0;
      failed = false;
    }

    /**
     * On Connector/J a server-side prepared statement: MariaDB parses the thousand-row insert once
     * and then takes binary values, 2–3 times faster than the same insert as text
     * (bench/RESULTS.md, "Full recompute"). Elsewhere (H2) the ordinary kind.
     */
    private PreparedStatement prepare(String sql) throws SQLException {
      if (connection.isWrapperFor(JdbcConnection.class)) {
        return connection.unwrap(JdbcConnection.class).serverPrepareStatement(sql);
      }
      return connection.prepareStatement(sql);
    }

    private String sql(int rows) {
      var row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
      return "insert into "
          + table
          + " ("
          + columns
          + ") values "
          + String.join(", ", Collections.nCopies(rows, row));
    }

    @Override
    public void close() throws SQLException {
      try {
        if (count > 0 && !failed) {
          try (var last = prepare(sql(count))) {
            execute(last);
          }
        }
      } finally {
        if (full != null) {
          full.close();
        }
      }
    }
  }

  /** The tree: units in id order (org_unit's, then units met only in memberships), ancestors. */
  private static final class Units {
    private final LongList ids = new LongList();
    private final List<Long> parents = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final Map<Long, Integer> index = new HashMap<>();
    private int treeSize;
    private int[][] chains;

    void add(long id, Long parent, String kind) {
      index.put(id, ids.size());
      ids.add(id);
      parents.add(parent);
      kinds.add(kind);
      treeSize = ids.size();
    }

    void addLoose(long id) {
      if (!index.containsKey(id)) {
        index.put(id, ids.size());
        ids.add(id);
        parents.add(null);
        kinds.add(null);
      }
    }

    /** The unit's kind in org_unit (a staff member's level); a unit org_unit lacks has none. */
    String kind(int unit) {
      var kind = kinds.get(unit);
      if (kind == null) {
        throw new IllegalStateException("No unit " + ids.get(unit));
      }
      return kind;
    }

    /** Each unit and its ancestors in today's tree (ends at a parent org_unit does not hold). */
    void chains() {
      for (int unit = 0; unit < treeSize; unit++) {
        var parent = parents.get(unit);
        if (parent != null) {
          addLoose(parent); // a parent org_unit does not hold: counted there, as a root
        }
      }
      chains = new int[ids.size()][];
      for (int unit = 0; unit < ids.size(); unit++) {
        var chain = new IntList();
        Integer at = unit;
        while (at != null) {
          chain.add(at);
          if (chain.size() > 64) {
            throw new IllegalStateException("The unit tree has a cycle at " + ids.get(unit));
          }
          var parent = parents.get(at);
          at = parent == null ? null : index.get(parent);
        }
        chains[unit] = chain.toArray();
      }
    }

    int[] chain(int unit) {
      return chains[unit];
    }

    int index(long id) {
      return index.get(id);
    }

    long id(int unit) {
      return ids.get(unit);
    }

    Long parentId(int unit) {
      return parents.get(unit);
    }

    int size() {
      return ids.size();
    }

    int treeSize() {
      return treeSize;
    }
  }

  /** A growable array of longs. */
  private static final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }

    void sort() {
      Arrays.sort(values, 0, size);
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** A growable array of ints. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Long keys to the least int value put for them (open addressing; keys are never negative). */
  private static final class LongIntMinMap {
    private long[] keys = new long[1 << 16];
    private int[] values = new int[1 << 16];
    private int size;

    LongIntMinMap() {
      Arrays.fill(keys, -1);
    }

    void min(long key, int value) {
      int slot = slot(key);
      if (keys[slot] == key) {
        values[slot] = Math.min(values[slot], value);
        return;
      }
      keys[slot] = key;
      values[slot] = value;
      if (++size * 2 > keys.length) {
        grow();
      }
    }

    int get(long key) {
      return values[slot(key)];
    }

    long[] keys() {
      var result = new long[size];
      int n = 0;
      for (long key : keys) {
        if (key >= 0) {
          result[n++] = key;
        }
      }
      return result;
    }

    private int slot(long key) {
      int mask = keys.length - 1;
      int slot = (int) (mix(key) & mask);
      while (keys[slot] != key && keys[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private static long mix(long key) {
      key *= 0x9E3779B97F4A7C15L;
      return key ^ (key >>> 29);
    }

    private void grow() {
      var oldKeys = keys;
      var oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      Arrays.fill(keys, -1);
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] >= 0) {
          int slot = slot(oldKeys[i]);
          keys[slot] = oldKeys[i];
          values[slot] = oldValues[i];
        }
      }
    }
  }
}
