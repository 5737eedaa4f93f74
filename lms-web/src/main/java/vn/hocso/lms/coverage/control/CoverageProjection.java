package vn.hocso.lms.coverage.control;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.coverage.storage.CoverageTables.HandledStatement;
import vn.hocso.lms.coverage.storage.CoverageTables.LedgerRow;
import vn.hocso.lms.coverage.storage.CoverageTables.State;
import vn.hocso.lms.coverage.storage.CoverageTables.StateWrite;
import vn.hocso.lms.coverage.storage.CoverageTables.Status;
import vn.hocso.lms.coverage.storage.CoverageTables.Stretch;
import vn.hocso.lms.coverage.storage.TrainedCounts;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * Applies statements and reorganisations to the coverage tables, inside the caller's transaction.
 *
 * <p>A person's milestone in a subject is derived from the statements counted for her (the first
 * day of each milestone), so applying a statement, a voiding or a move always ends in the same
 * state whatever the order. Each change of state takes back exactly what the old state added (the
 * units are stored with it) and adds the new one to the unit and every ancestor, as {@code
 * cov_unit} knows them. {@link CoverageRecompute} derives the same tables from scratch.
 *
 * <p>A batch is applied in sets, not statement by statement: what the ledger knows of every id, the
 * people, courses and states it names are read with one query each; the batch is then walked in
 * order in memory (so a duplicate within the batch, or a voiding before its target, is decided as
 * it would be one statement at a time); the new ledger rows go in together; every person and course
 * whose state may have changed is settled once, from the ledger as the batch leaves it; and the
 * counters' changes are summed per row and written at the end. Since a state is a function of the
 * ledger, settling once at the end gives what settling after each statement gave.
 */
public final class CoverageProjection {

  /** What applying one statement did. */
  public enum Outcome {
    APPLIED,
    DUPLICATE,
    IGNORED,
    SKIPPED
  }

  private final CoverageTables tables;
  private boolean locked;
  private final TrainedCounts trained;
  // cov_unit as read or written in this transaction: unit → parent (null: the root). Kept in step
  // with every write, so chains are walked in memory.
  private final Map<Long, Long> viewParents = new HashMap<>();

  /** For one transaction: the first call locks the counters against a full recompute. */
  public CoverageProjection(CoverageTables tables) {
    this.tables = tables;
    this.trained = new TrainedCounts(tables.connection(), this::chain);
  }

  /**
   * The counters' lock first, before anything is read (see {@link CoverageTables#lockCounters}).
   */
  private void lock() throws SQLException {
    if (!locked) {
      tables.lockCounters();
      locked = true;
    }
  }

  /** Applies one statement once: a statement id already handled changes nothing. */
  public Outcome apply(StreamedStatement streamed) throws SQLException {
    return applyAll(List.of(streamed)).get(0);
  }

  /**
   * Applies a batch of statements, in order, each once: a statement id already handled (before, or
   * earlier in the batch) changes nothing. Answers what each statement did.
   */
  public List<Outcome> applyAll(List<StreamedStatement> batch) throws SQLException {
    lock();
    if (batch.isEmpty()) {
      return List.of();
    }
    var readings = new ArrayList<StatementReading>(batch.size());
    var ids = new LinkedHashSet<UUID>();
    var accounts = new HashSet<String>();
    var iris = new HashSet<String>();
    for (var streamed : batch) {
      var reading =
          StatementReading.of(streamed.statementId(), streamed.json(), streamed.storedAt());
      readings.add(reading);
      ids.add(streamed.statementId());
      if (reading instanceof StatementReading.Voids voids) {
        ids.add(voids.target());
      } else if (reading instanceof StatementReading.Counts counts) {
        if (counts.account() != null) {
          accounts.add(counts.account());
        }
        iris.add(counts.courseIri());
      }
    }
    var ledger = new Ledger(tables.handled(ids));
    var persons = accounts.isEmpty() ? Map.<String, Long>of() : tables.personsByAccounts(accounts);
    var courses = iris.isEmpty() ? Map.<String, Long>of() : tables.coursesByIris(iris);

    var outcomes = new ArrayList<Outcome>(batch.size());
    var counted = new ArrayList<LedgerRow>();
    var dirty = new LinkedHashSet<PersonCourse>();
    var skipped = new TreeMap<String, Long>();
    for (int i = 0; i < batch.size(); i++) {
      var id = batch.get(i).statementId();
      var reading = readings.get(i);
      if (ledger.get(id) != null) {
        // Delivered again, or voided before it arrived (xAPI 2.0 Part 2 §2.3.2: then it is
        // ignored).
        outcomes.add(Outcome.DUPLICATE);
      } else if (reading instanceof StatementReading.CountsNothing) {
        ledger.add(new LedgerRow(id, Status.IGNORED, null, null, null, null));
        outcomes.add(Outcome.IGNORED);
      } else if (reading instanceof StatementReading.Voids voids) {
        ledger.add(new LedgerRow(id, Status.VOIDING, null, null, null, null));
        var target = ledger.get(voids.target());
        if (target == null) {
          ledger.add(new LedgerRow(voids.target(), Status.VOIDED_EARLY, null, null, null, null));
        } else if (target.status() == Status.COUNTED) {
          ledger.setStatus(voids.target(), Status.VOIDED);
          dirty.add(new PersonCourse(target.personId(), target.courseId()));
        } else if (target.status() != Status.VOIDING) {
          ledger.setStatus(voids.target(), Status.VOIDED);
        }
        outcomes.add(Outcome.APPLIED);
      } else {
        var counts = (StatementReading.Counts) reading;
        var person = counts.account() == null ? null : persons.get(counts.account());
        var course = courses.get(counts.courseIri());
        if (person == null || course == null) {
          ledger.add(new LedgerRow(id, Status.SKIPPED, null, null, null, null));
          skipped.merge(person == null ? "unknown-actor" : "unknown-course", 1L, Long::sum);
          outcomes.add(Outcome.SKIPPED);
        } else {
          var row =
              new LedgerRow(id, Status.COUNTED, person, course, counts.milestone(), counts.on());
          ledger.add(row);
          counted.add(row);
          outcomes.add(Outcome.APPLIED);
        }
      }
    }
    ledger.write(tables);
    for (var reason : skipped.entrySet()) {
      tables.countSkipped(reason.getKey(), reason.getValue());
    }

    // A course's track is fixed when it is first counted.
    var courseIds = new LinkedHashSet<Long>();
    var people = new LinkedHashSet<Long>();
    for (var row : counted) {
      courseIds.add(row.courseId());
      people.add(row.personId());
    }
    for (var pair : dirty) {
      courseIds.add(pair.courseId());
      people.add(pair.personId());
    }
    if (people.isEmpty()) {
      return outcomes;
    }
    var tracks = new HashMap<>(tables.tracksOf(courseIds));
    var states = states(people);
    for (var row : counted) {
      var pair = new PersonCourse(row.personId(), row.courseId());
      if (!dirty.contains(pair)
          && !alreadyReached(states.get(row.personId()), row, tracks.get(row.courseId()))) {
        dirty.add(pair);
      }
    }
    settle(dirty, states, tracks);
    return outcomes;
  }

  /** A person in a course. */
  private record PersonCourse(long personId, long courseId) {}

  /** A person in a subject. */
  private record PersonSubject(long personId, Subject subject) {}

  /** A state to change: from {@code had} to {@code wanted} (either null: none). */
  private record StateChange(
      long personId, Subject subject, Milestone milestone, State had, State wanted) {}

  /** The ledger as the batch has it so far: rows read, rows added, statuses changed. */
  private static final class Ledger {
    private final Map<UUID, HandledStatement> known;
    private final Map<UUID, LedgerRow> added = new LinkedHashMap<>();
    private final Map<UUID, Status> changed = new LinkedHashMap<>();

    Ledger(Map<UUID, HandledStatement> read) {
      this.known = new HashMap<>(read);
    }

    HandledStatement get(UUID id) {
      return known.get(id);
    }

    void add(LedgerRow row) {
      added.put(row.id(), row);
      known.put(row.id(), new HandledStatement(row.status(), row.personId(), row.courseId()));
    }

    void setStatus(UUID id, Status status) {
      var row = added.get(id);
      if (row != null) {
        added.put(id, row.withStatus(status));
      } else {
        changed.put(id, status);
      }
      var had = known.get(id);
      known.put(id, new HandledStatement(status, had.personId(), had.courseId()));
    }

    void write(CoverageTables tables) throws SQLException {
      tables.record(new ArrayList<>(added.values()));
      for (var status : changed.entrySet()) {
        tables.setStatus(status.getKey(), status.getValue());
      }
    }
  }

  /** Every state of these people: person → subject → milestone → state. */
  private Map<Long, Map<Subject, Map<Milestone, State>>> states(Set<Long> people)
      throws SQLException {
    var states = new HashMap<Long, Map<Subject, Map<Milestone, State>>>();
    for (var rows : tables.statesOf(people).entrySet()) {
      var mine = new HashMap<Subject, Map<Milestone, State>>();
      for (var row : rows.getValue()) {
        mine.computeIfAbsent(row.subject(), subject -> new EnumMap<>(Milestone.class))
            .put(row.milestone(), row.state());
      }
      states.put(rows.getKey(), mine);
    }
    return states;
  }

  /**
   * Whether the milestone was reached on or before the statement's day in the course and in its
   * track: then the statement changes nothing (the common case: one more lesson seen). Asked of the
   * states as the batch found them: a state the batch may have changed otherwise (a voiding, an
   * earlier day) is settled anyway.
   */
  private static boolean alreadyReached(
      Map<Subject, Map<Milestone, State>> states, LedgerRow row, String track) {
    for (var subject : List.of(Subject.course(row.courseId()), Subject.track(track))) {
      var state = states.getOrDefault(subject, Map.of()).get(row.milestone());
      if (state == null || state.reachedOn().isAfter(row.on())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Brings the states of these people in these courses, and in the courses' tracks, in line with
   * their counted statements; then writes the states and every counter.
   */
  private void settle(
      Set<PersonCourse> dirty,
      Map<Long, Map<Subject, Map<Milestone, State>>> states,
      Map<Long, String> tracks)
      throws SQLException {
    if (dirty.isEmpty()) {
      flush();
      return;
    }
    var persons = new LinkedHashSet<Long>();
    dirty.forEach(pair -> persons.add(pair.personId()));
    // person → course → milestone → first day
    var reached = new HashMap<Long, Map<Long, Map<Milestone, LocalDate>>>();
    var unknownTracks = new HashSet<Long>();
    for (var row : tables.reached(persons)) {
      reached
          .computeIfAbsent(row.personId(), person -> new HashMap<>())
          .computeIfAbsent(row.courseId(), course -> new EnumMap<>(Milestone.class))
          .put(row.milestone(), row.on());
      if (!tracks.containsKey(row.courseId())) {
        unknownTracks.add(row.courseId());
      }
    }
    if (!unknownTracks.isEmpty()) {
      // Her other courses: counted before, so their track is fixed (a course without one counts
      // in no track, as the track's query joins cov_course).
      tracks.putAll(tables.knownTracks(unknownTracks));
    }
    var homes = tables.homeUnits(persons);
    var memberships = tables.memberships(persons);

    // Each subject once: the course, and its track (the first day among the track's courses).
    var subjects = new LinkedHashMap<PersonSubject, Map<Milestone, LocalDate>>();
    for (var pair : dirty) {
      var mine = reached.getOrDefault(pair.personId(), Map.of());
      subjects.putIfAbsent(
          new PersonSubject(pair.personId(), Subject.course(pair.courseId())),
          mine.getOrDefault(pair.courseId(), Map.of()));
      var track = tracks.get(pair.courseId());
      var trackSubject = new PersonSubject(pair.personId(), Subject.track(track));
      if (!subjects.containsKey(trackSubject)) {
        var first = new EnumMap<Milestone, LocalDate>(Milestone.class);
        for (var course : mine.entrySet()) {
          if (track.equals(tracks.get(course.getKey()))) {
            for (var day : course.getValue().entrySet()) {
              first.merge(day.getKey(), day.getValue(), (a, b) -> a.isBefore(b) ? a : b);
            }
          }
        }
        subjects.put(trackSubject, first);
      }
    }

    var changes = new ArrayList<StateChange>();
    var units = new HashSet<Long>();
    for (var subject : subjects.entrySet()) {
      long personId = subject.getKey().personId();
      var home = new HomeUnits(homes.get(personId), memberships.get(personId));
      var current =
          states
              .computeIfAbsent(personId, person -> new HashMap<>())
              .getOrDefault(subject.getKey().subject(), Map.of());
      for (var milestone : Milestone.values()) {
        var day = subject.getValue().get(milestone);
        var wanted = day == null ? null : new State(day, home.on(day), home.today());
        var had = current.get(milestone);
        if (Objects.equals(had, wanted)) {
          continue;
        }
        changes.add(new StateChange(personId, subject.getKey().subject(), milestone, had, wanted));
        for (var state : new State[] {had, wanted}) {
          if (state != null) {
            units.add(state.liveUnitId());
            units.add(state.monthUnitId());
          }
        }
      }
    }
    preloadChains(units);
    var writes = new ArrayList<StateWrite>(changes.size());
    for (var change : changes) {
      if (change.had() != null) {
        count(change.subject(), change.milestone(), change.had(), -1);
      }
      if (change.wanted() != null) {
        count(change.subject(), change.milestone(), change.wanted(), +1);
      }
      writes.add(
          new StateWrite(change.personId(), change.subject(), change.milestone(), change.wanted()));
      var mine = states.get(change.personId());
      var inSubject =
          mine.computeIfAbsent(change.subject(), subject -> new EnumMap<>(Milestone.class));
      if (change.wanted() == null) {
        inSubject.remove(change.milestone());
      } else {
        inSubject.put(change.milestone(), change.wanted());
      }
      if (change.milestone() == Milestone.COMPLETED) {
        trained.completedChanged(
            change.personId(),
            change.subject(),
            change.had() == null ? null : change.had().reachedOn(),
            change.wanted() == null ? null : change.wanted().reachedOn(),
            hasCompletion(mine));
      }
    }
    tables.writeStates(writes);
    flush();
  }

  private static boolean hasCompletion(Map<Subject, Map<Milestone, State>> states) {
    for (var subject : states.values()) {
      if (subject.containsKey(Milestone.COMPLETED)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the counters summed so far (the projection's and the trained counts). */
  private void flush() throws SQLException {
    tables.flushCounters();
    trained.flush();
  }

  private void count(Subject subject, Milestone milestone, State state, long delta)
      throws SQLException {
    for (long unit : chain(state.liveUnitId())) {
      tables.addLive(unit, subject, milestone, delta);
    }
    int month = MonthKey.of(state.reachedOn());
    for (long unit : chain(state.monthUnitId())) {
      tables.addMonth(unit, subject, milestone, month, delta);
    }
  }

  /**
   * Applies the reorganisations written since the last call, in order: a moved person's milestones
   * follow her (live) or stay where she was that day (history); a moved unit's counters leave its
   * old ancestors for its new ones.
   */
  public int applyChanges() throws SQLException {
    lock();
    var changes = tables.pendingChanges();
    int applied = 0;
    for (var change : changes) {
      // Claimed first: the projector and a report's freeze may both apply the queue; a change
      // written again since it was read waits for the next batch.
      if (!tables.deleteChange(change)) {
        continue;
      }
      switch (change.kind()) {
        case CoverageChangeRecorder.PERSON -> resettle(change.subjectId());
        case CoverageChangeRecorder.UNIT -> reparent(change.subjectId());
        default -> throw new IllegalStateException("Unknown coverage change " + change.kind());
      }
      flush(); // the next change reads the counters and states this one wrote
      applied++;
    }
    return applied;
  }

  private void resettle(long personId) throws SQLException {
    trained.resettle(personId);
    var home = new HomeUnits(tables.homeUnit(personId), tables.memberships(personId));
    for (var row : tables.statesOf(personId)) {
      var had = row.state();
      var wanted = new State(had.reachedOn(), home.on(had.reachedOn()), home.today());
      if (!had.equals(wanted)) {
        count(row.subject(), row.milestone(), had, -1);
        count(row.subject(), row.milestone(), wanted, +1);
        tables.putState(personId, row.subject(), row.milestone(), wanted);
      }
    }
  }

  private void reparent(long unitId) throws SQLException {
    if (!viewParents.containsKey(unitId)) {
      var known = tables.viewParent(unitId);
      if (known.isEmpty()) {
        return; // nothing counted in it yet; it joins the view with its parent of the day
      }
      viewParents.put(unitId, known.get().orElse(null));
    }
    var oldParent = viewParents.get(unitId);
    var newParent = tables.treeParent(unitId).orElse(null);
    if (Objects.equals(oldParent, newParent)) {
      return;
    }
    var oldAncestors = oldParent == null ? List.<Long>of() : chain(oldParent);
    var newAncestors = newParent == null ? List.<Long>of() : chain(newParent);
    trained.reparent(unitId, oldAncestors, newAncestors);
    for (var counter : tables.countersAt(unitId)) {
      for (var pair : List.of(Map.entry(oldAncestors, -1L), Map.entry(newAncestors, +1L))) {
        long delta = pair.getValue() * counter.people();
        for (long unit : pair.getKey()) {
          if (counter.month() == 0) {
            tables.addLive(unit, counter.subject(), counter.milestone(), delta);
          } else {
            tables.addMonth(unit, counter.subject(), counter.milestone(), counter.month(), delta);
          }
        }
      }
    }
    tables.setViewParent(unitId, newParent);
    viewParents.put(unitId, newParent);
  }

  /** The unit and its ancestors as the counters know them; units met first join the view. */
  private List<Long> chain(long unitId) throws SQLException {
    var chain = new ArrayList<Long>(6);
    Long unit = unitId;
    while (unit != null) {
      chain.add(unit);
      if (chain.size() > 64) {
        throw new IllegalStateException("The unit tree has a cycle at " + unitId);
      }
      if (!viewParents.containsKey(unit)) {
        var parent = tables.viewParent(unit);
        if (parent.isPresent()) {
          viewParents.put(unit, parent.get().orElse(null));
        } else {
          var treeParent = tables.treeParent(unit).orElse(null);
          tables.insertViewUnit(unit, treeParent);
          viewParents.put(unit, treeParent);
        }
      }
      unit = viewParents.get(unit);
    }
    return chain;
  }

  /**
   * Reads the chains of these units into memory a level at a time (one query per level, not per
   * unit and level); units met for the first time join the view with today's parent, as {@link
   * #chain} does.
   */
  private void preloadChains(Set<Long> units) throws SQLException {
    var frontier = new HashSet<Long>();
    for (long unit : units) {
      if (!viewParents.containsKey(unit)) {
        frontier.add(unit);
      }
    }
    for (int level = 0; !frontier.isEmpty(); level++) {
      if (level > 64) {
        throw new IllegalStateException("The unit tree has a cycle above " + frontier);
      }
      var known = tables.viewParents(frontier);
      viewParents.putAll(known);
      var missing = new HashSet<>(frontier);
      missing.removeAll(known.keySet());
      if (!missing.isEmpty()) {
        var treeParents = tables.treeParents(missing);
        tables.insertViewUnits(treeParents);
        viewParents.putAll(treeParents);
      }
      var next = new HashSet<Long>();
      for (long unit : frontier) {
        var parent = viewParents.get(unit);
        if (parent != null && !viewParents.containsKey(parent)) {
          next.add(parent);
        }
      }
      frontier = next;
    }
  }

  /** Where a person is counted: her home unit today, and her home unit on a given day. */
  static final class HomeUnits {
    private final long today;
    private final List<Stretch> stretches;

    HomeUnits(long today, List<Stretch> stretches) {
      this.today = today;
      this.stretches = stretches;
    }

    long today() {
      return today;
    }

    /**
     * Her home unit that day; before her first membership, her first unit; with no membership rows
     * at all, today's.
     */
    long on(LocalDate day) {
      if (stretches.isEmpty()) {
        return today;
      }
      Stretch found = stretches.get(0);
      for (var stretch : stretches) {
        if (!stretch.validFrom().isAfter(day)) {
          found = stretch;
        }
      }
      return found.unitId();
    }
  }
}
