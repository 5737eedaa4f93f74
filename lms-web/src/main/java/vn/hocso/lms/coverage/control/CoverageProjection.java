package vn.hocso.lms.coverage.control;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.coverage.storage.CoverageTables.State;
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
    lock();
    var id = streamed.statementId();
    if (tables.handled(id).isPresent()) {
      // Delivered again, or voided before it arrived (xAPI 2.0 Part 2 §2.3.2: then it is ignored).
      return Outcome.DUPLICATE;
    }
    var reading = StatementReading.of(id, streamed.json(), streamed.storedAt());
    if (reading instanceof StatementReading.CountsNothing) {
      tables.record(id, Status.IGNORED, null, null, null, null);
      return Outcome.IGNORED;
    }
    if (reading instanceof StatementReading.Voids voids) {
      tables.record(id, Status.VOIDING, null, null, null, null);
      var target = tables.handled(voids.target());
      if (target.isEmpty()) {
        tables.record(voids.target(), Status.VOIDED_EARLY, null, null, null, null);
      } else if (target.get().status() == Status.COUNTED) {
        tables.setStatus(voids.target(), Status.VOIDED);
        settle(target.get().personId(), target.get().courseId());
      } else if (target.get().status() != Status.VOIDING) {
        tables.setStatus(voids.target(), Status.VOIDED);
      }
      return Outcome.APPLIED;
    }
    var counts = (StatementReading.Counts) reading;
    var person = counts.account() == null ? null : tables.personByAccount(counts.account());
    if (person == null || person.isEmpty()) {
      tables.record(id, Status.SKIPPED, null, null, null, null);
      tables.countSkipped("unknown-actor");
      return Outcome.SKIPPED;
    }
    var course = tables.courseByIri(counts.courseIri());
    if (course.isEmpty()) {
      tables.record(id, Status.SKIPPED, null, null, null, null);
      tables.countSkipped("unknown-course");
      return Outcome.SKIPPED;
    }
    long personId = person.get();
    long courseId = course.get();
    tables.record(id, Status.COUNTED, personId, courseId, counts.milestone(), counts.on());
    if (!alreadyReachedBy(personId, courseId, tables.trackOf(courseId), counts)) {
      settle(personId, courseId);
    }
    return Outcome.APPLIED;
  }

  /**
   * Whether the milestone was reached on or before the statement's day in the course and in its
   * track: then the statement changes nothing (the common case: one more lesson seen).
   */
  private boolean alreadyReachedBy(
      long personId, long courseId, String track, StatementReading.Counts counts)
      throws SQLException {
    for (var subject : List.of(Subject.course(courseId), Subject.track(track))) {
      var state = tables.states(personId, subject).get(counts.milestone());
      if (state == null || state.reachedOn().isAfter(counts.on())) {
        return false;
      }
    }
    return true;
  }

  /** Brings her state in the course and its track in line with her counted statements. */
  private void settle(long personId, long courseId) throws SQLException {
    var track = tables.trackOf(courseId);
    var home = new HomeUnits(tables.homeUnit(personId), tables.memberships(personId));
    settle(personId, Subject.course(courseId), tables.reachedInCourse(personId, courseId), home);
    settle(personId, Subject.track(track), tables.reachedInTrack(personId, track), home);
  }

  private void settle(
      long personId, Subject subject, Map<Milestone, LocalDate> reached, HomeUnits home)
      throws SQLException {
    var current = tables.states(personId, subject);
    for (var milestone : Milestone.values()) {
      var day = reached.get(milestone);
      var wanted = day == null ? null : new State(day, home.on(day), home.today());
      var had = current.get(milestone);
      if (Objects.equals(had, wanted)) {
        continue;
      }
      if (had != null) {
        count(subject, milestone, had, -1);
      }
      if (wanted != null) {
        count(subject, milestone, wanted, +1);
        tables.putState(personId, subject, milestone, wanted);
      } else {
        tables.deleteState(personId, subject, milestone);
      }
      if (milestone == Milestone.COMPLETED) {
        trained.completedChanged(
            personId,
            subject,
            had == null ? null : had.reachedOn(),
            wanted == null ? null : wanted.reachedOn());
      }
    }
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
    var known = tables.viewParent(unitId);
    if (known.isEmpty()) {
      return; // nothing counted in it yet; it joins the view with its parent of the day
    }
    var oldParent = known.get().orElse(null);
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
      var parent = tables.viewParent(unit);
      if (parent.isPresent()) {
        unit = parent.get().orElse(null);
      } else {
        var treeParent = tables.treeParent(unit).orElse(null);
        tables.insertViewUnit(unit, treeParent);
        unit = treeParent;
      }
    }
    return chain;
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
