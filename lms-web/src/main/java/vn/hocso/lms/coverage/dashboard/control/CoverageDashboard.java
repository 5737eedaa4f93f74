package vn.hocso.lms.coverage.dashboard.control;

import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.number;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.control.CoverageQuery;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * What a unit's coverage dashboard shows: totals per track, the monthly trend and the child units
 * side by side. Read from the projector's counters (cov_month, cov_live) and the membership
 * history, never from statements; every read is checked against the caller's scope.
 */
@ApplicationScoped
public class CoverageDashboard {

  /** The tracks in the order the dashboard shows them. */
  public static final List<Track> TRACKS = List.of(Track.values());

  @PersistenceContext private EntityManager entityManager;

  protected CoverageDashboard() {
    // for CDI
  }

  public CoverageDashboard(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A unit as the dashboard names it; the parent only when the caller may open it. */
  public record UnitShown(
      long id, String name, String code, UnitKind kind, Long parentId, String parentName) {}

  /** A share in percent with one decimal; empty without people. */
  public static Optional<Double> percent(long part, long whole) {
    return whole == 0 ? Optional.empty() : Optional.of(Math.round(1000.0 * part / whole) / 10.0);
  }

  /**
   * One track's totals: people of the unit who had reached each milestone by the end of the period,
   * those who completed during it, and the denominator.
   */
  public record TrackTotal(
      Track track,
      long enrolled,
      long completed,
      long certified,
      long completedInPeriod,
      long people) {

    public Double enrolledPercent() {
      return percent(enrolled, people).orElse(null);
    }

    public Double completedPercent() {
      return percent(completed, people).orElse(null);
    }

    public Double certifiedPercent() {
      return percent(certified, people).orElse(null);
    }
  }

  /** People who had completed each track (in {@link #TRACKS} order) by the end of a month. */
  public record TrendRow(YearMonth month, List<Long> completedByTrack) {}

  /**
   * The overview. {@code frozen} is set when the period is a closed report period that has been
   * frozen: the totals are then its snapshot (never changed by late statements, voids or
   * reorganisations), counted on {@code countedOn}; the trend stays live.
   */
  public record Overview(
      UnitShown unit,
      Period period,
      LocalDate countedOn,
      long people,
      long members,
      List<TrackTotal> tracks,
      List<TrendRow> trend,
      Frozen frozen) {}

  /** A frozen report period (e.g. 2026-H1): its code, the day counted and when it was frozen. */
  public record Frozen(String period, LocalDate countedOn, Instant frozenAt) {}

  /**
   * The frozen report period covering exactly these months (a half year or a year whose report
   * froze it), if any.
   */
  public Optional<Frozen> frozen(Period period) {
    var found =
        rows(
            entityManager,
            "select period, counted_on, frozen_at from cov_frozen_period where from_month = ?1"
                + " and to_month = ?2",
            MonthKey.of(period.from()),
            MonthKey.of(period.to()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var row = found.get(0);
    return Optional.of(new Frozen((String) row[0], localDate(row[1]), instant(row[2])));
  }

  private static LocalDate localDate(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
  }

  /** One track's completions in a child unit, and their share of its people. */
  public record Cell(long completed, Double percent) {

    /** The shading step of a heat-table cell: 0 (none or no people) to 4 (75 % and more). */
    public int heat() {
      if (percent == null || completed == 0) {
        return 0;
      }
      return percent >= 75 ? 4 : percent >= 50 ? 3 : percent >= 25 ? 2 : 1;
    }
  }

  /** Where a child stands among its siblings on the track the list is ranked by. */
  public enum Standing {
    LEADING,
    LAGGING
  }

  /**
   * A child unit with its people, one cell per track (in {@link #TRACKS} order) and its standing
   * (null: neither among the leading nor the lagging).
   */
  public record ChildRow(
      long id, String name, String code, long people, List<Cell> tracks, Standing standing) {

    public Cell track(int index) {
      return tracks.get(index);
    }

    /** The share of one track, -1 without people: the sort key of "by coverage". */
    public double percentOf(int index) {
      var percent = tracks.get(index).percent();
      return percent == null ? -1 : percent;
    }
  }

  /** The unit her dashboard opens on: the highest she manages. */
  public long defaultUnit(ManagedScope scope) {
    return DashboardUnits.highest(entityManager, scope).id();
  }

  public Overview overview(long unitId, Period period, ManagedScope scope) {
    var unit = DashboardUnits.require(entityManager, unitId, scope);
    var frozen = frozen(period);
    if (frozen.isPresent()) {
      return frozenOverview(unit, period, frozen.get(), scope);
    }
    var figures =
        new CoverageQuery(entityManager).figures(unitId, period.from(), period.to(), scope);
    var totals = new ArrayList<TrackTotal>();
    for (var track : TRACKS) {
      var subject = Subject.track(track.name());
      totals.add(
          new TrackTotal(
              track,
              byEnd(figures, subject, Milestone.ENROLLED),
              byEnd(figures, subject, Milestone.COMPLETED),
              byEnd(figures, subject, Milestone.CERTIFIED),
              figures
                  .figure(subject, Milestone.COMPLETED)
                  .map(CoverageQuery.Figure::inPeriod)
                  .orElse(0L),
              figures.people()));
    }
    return new Overview(
        shown(unit, scope),
        period,
        figures.countedOn(),
        figures.people(),
        figures.members(),
        totals,
        trend(unitId, period),
        null);
  }

  /** The totals as frozen (cov_frozen_unit, cov_frozen); a unit made later had none then. */
  private Overview frozenOverview(OrgUnit unit, Period period, Frozen frozen, ManagedScope scope) {
    long people = 0;
    long members = 0;
    for (Object[] row :
        rows(
            entityManager,
            "select people, members from cov_frozen_unit where period = ?1 and unit_id = ?2",
            frozen.period(),
            unit.id())) {
      people = number(row[0]);
      members = number(row[1]);
    }
    var figures = new HashMap<String, long[]>();
    for (Object[] row :
        rows(
            entityManager,
            "select subject, milestone, in_period, by_end from cov_frozen where period = ?1 and"
                + " unit_id = ?2 and subject like 'T%'",
            frozen.period(),
            unit.id())) {
      figures.put(row[0] + " " + row[1], new long[] {number(row[2]), number(row[3])});
    }
    var totals = new ArrayList<TrackTotal>();
    for (var track : TRACKS) {
      var code = Subject.track(track.name()).code() + " ";
      var none = new long[2];
      totals.add(
          new TrackTotal(
              track,
              figures.getOrDefault(code + Milestone.ENROLLED, none)[1],
              figures.getOrDefault(code + Milestone.COMPLETED, none)[1],
              figures.getOrDefault(code + Milestone.CERTIFIED, none)[1],
              figures.getOrDefault(code + Milestone.COMPLETED, none)[0],
              people));
    }
    return new Overview(
        shown(unit, scope),
        period,
        frozen.countedOn(),
        people,
        members,
        totals,
        trend(unit.id(), period),
        frozen);
  }

  private static long byEnd(CoverageQuery.UnitFigures figures, Subject subject, Milestone m) {
    return figures.figure(subject, m).map(CoverageQuery.Figure::byEnd).orElse(0L);
  }

  /** Completions per track and month from the unit's month counters, summed up to each month. */
  private List<TrendRow> trend(long unitId, Period period) {
    var perMonth = new HashMap<String, Map<Integer, Long>>();
    for (Object[] row :
        rows(
            entityManager,
            "select subject, month_key, sum(people) from cov_month where unit_id = ?1 and"
                + " milestone = 'COMPLETED' and subject like 'T%' and month_key <= ?2"
                + " group by subject, month_key",
            unitId,
            MonthKey.of(period.to()))) {
      perMonth
          .computeIfAbsent((String) row[0], s -> new HashMap<>())
          .put(((Number) row[1]).intValue(), number(row[2]));
    }
    var trend = new ArrayList<TrendRow>();
    for (var month : period.months()) {
      int key = MonthKey.of(month);
      var values = new ArrayList<Long>();
      for (var track : TRACKS) {
        var months = perMonth.getOrDefault("T" + track.name(), Map.of());
        values.add(
            months.entrySet().stream()
                .filter(e -> e.getKey() <= key)
                .mapToLong(Map.Entry::getValue)
                .sum());
      }
      trend.add(new TrendRow(month, List.copyOf(values)));
    }
    return trend;
  }

  /**
   * The open child units with their people on the period's last day and each track's completions by
   * then (the history counters: people count where they lived), highest share of the ranking track
   * first. The first few with people lead and the last few lag (up to three each, never more than
   * half the list each, so no unit is both).
   */
  public List<ChildRow> children(long unitId, Period period, Track rankBy, ManagedScope scope) {
    DashboardUnits.require(entityManager, unitId, scope);
    var frozen = frozen(period);
    var result =
        frozen.isPresent() ? frozenChildren(unitId, frozen.get()) : liveChildren(unitId, period);
    return ranked(result, rankBy);
  }

  /** The child units of that day with their frozen people and completions by the period's end. */
  private List<ChildRow> frozenChildren(long unitId, Frozen frozen) {
    var completed = new HashMap<String, Long>();
    for (Object[] row :
        rows(
            entityManager,
            "select f.unit_id, f.subject, f.by_end from cov_frozen f join cov_frozen_unit u on"
                + " u.period = f.period and u.unit_id = f.unit_id where f.period = ?1 and"
                + " u.parent_id = ?2 and f.milestone = 'COMPLETED' and f.subject like 'T%'",
            frozen.period(),
            unitId)) {
      completed.put(number(row[0]) + " " + row[1], number(row[2]));
    }
    var result = new ArrayList<ChildRow>();
    for (Object[] row :
        rows(
            entityManager,
            "select u.unit_id, u.unit_name, u.closed_on, u.people, o.code from cov_frozen_unit u"
                + " left join org_unit o on o.id = u.unit_id where u.period = ?1 and"
                + " u.parent_id = ?2 order by u.unit_name",
            frozen.period(),
            unitId)) {
      // Open on the day counted (a unit closed later keeps its row, as in the report).
      if (row[2] != null && !localDate(row[2]).isAfter(frozen.countedOn())) {
        continue;
      }
      long id = number(row[0]);
      long headcount = number(row[3]);
      var cells = new ArrayList<Cell>();
      for (var track : TRACKS) {
        long done = completed.getOrDefault(id + " T" + track.name(), 0L);
        cells.add(new Cell(done, percent(done, headcount).orElse(null)));
      }
      result.add(
          new ChildRow(id, (String) row[1], (String) row[4], headcount, List.copyOf(cells), null));
    }
    return result;
  }

  private List<ChildRow> liveChildren(long unitId, Period period) {
    var children =
        entityManager
            .createQuery(
                "select u from OrgUnit u where u.parent.id = :unit and u.validTo is null"
                    + " order by u.name",
                OrgUnit.class)
            .setParameter("unit", unitId)
            .getResultList();
    if (children.isEmpty()) {
      return new ArrayList<>();
    }
    var day = countedOn(period.to());
    var ids = children.stream().map(OrgUnit::id).toList();
    var placeholders = new StringBuilder();
    for (int i = 1; i <= ids.size(); i++) {
      placeholders.append(i == 1 ? "?" : ",?").append(i);
    }
    // Each child's people that day from the kept headcounts (storage.Headcounts).
    var people = new HashMap<Long, Long>();
    var headcountParameters = new ArrayList<Object>(ids);
    headcountParameters.add(Date.valueOf(day));
    for (Object[] row :
        rows(
            entityManager,
            "select unit_id, sum(people) from cov_headcount where unit_id in ("
                + placeholders
                + ") and changed_on <= ?"
                + headcountParameters.size()
                + " group by unit_id",
            headcountParameters.toArray())) {
      people.put(number(row[0]), number(row[1]));
    }
    var completed = new HashMap<String, Long>();
    var parameters = new ArrayList<Object>(ids);
    parameters.add(MonthKey.of(period.to()));
    int monthParameter = parameters.size();
    var sql =
        "select unit_id, subject, sum(people) from cov_month where unit_id in ("
            + placeholders
            + ") and milestone = 'COMPLETED' and subject like 'T%' and month_key <= ?"
            + monthParameter
            + " group by unit_id, subject";
    for (Object[] row : rows(entityManager, sql, parameters.toArray())) {
      completed.put(number(row[0]) + " " + row[1], number(row[2]));
    }
    var result = new ArrayList<ChildRow>();
    for (var unit : children) {
      long headcount = people.getOrDefault(unit.id(), 0L);
      var cells = new ArrayList<Cell>();
      for (var track : TRACKS) {
        long done = completed.getOrDefault(unit.id() + " T" + track.name(), 0L);
        cells.add(new Cell(done, percent(done, headcount).orElse(null)));
      }
      result.add(
          new ChildRow(
              unit.id(),
              unit.name(),
              unit.code().orElse(null),
              headcount,
              List.copyOf(cells),
              null));
    }
    return result;
  }

  /** Highest share of the ranking track first; the first few lead and the last few lag. */
  private static List<ChildRow> ranked(List<ChildRow> result, Track rankBy) {
    int rank = TRACKS.indexOf(rankBy == null ? TRACKS.get(0) : rankBy);
    result.sort(
        Comparator.comparingDouble((ChildRow c) -> c.percentOf(rank))
            .reversed()
            .thenComparing(ChildRow::name));
    int counted = (int) result.stream().filter(c -> c.people() > 0).count();
    int each = Math.min(3, counted / 2);
    var ranked = new ArrayList<ChildRow>(result.size());
    for (int i = 0; i < result.size(); i++) {
      var row = result.get(i);
      Standing standing = null;
      if (i < each) {
        standing = Standing.LEADING;
      } else if (i >= counted - each && i < counted) {
        standing = Standing.LAGGING;
      }
      ranked.add(
          new ChildRow(row.id(), row.name(), row.code(), row.people(), row.tracks(), standing));
    }
    return ranked;
  }

  /** A course learners can take, for the pickers. */
  public record CourseChoice(long id, String title) {}

  /** The courses with a published version, by title. */
  public List<CourseChoice> publishedCourses() {
    var courses = new ArrayList<CourseChoice>();
    for (Object[] row :
        rows(
            entityManager,
            "select course_id, title from course_version where status = 'PUBLISHED'"
                + " order by title")) {
      courses.add(new CourseChoice(number(row[0]), (String) row[1]));
    }
    return courses;
  }

  private UnitShown shown(OrgUnit unit, ManagedScope scope) {
    var parent = unit.parent().filter(scope::covers).orElse(null);
    return new UnitShown(
        unit.id(),
        unit.name(),
        unit.code().orElse(null),
        unit.kind(),
        parent == null ? null : parent.id(),
        parent == null ? null : parent.name());
  }

  /** The day a period's people are counted on: its last day, or today if that is later. */
  static LocalDate countedOn(YearMonth to) {
    var today = LocalDate.now(StatementReading.VIETNAM);
    var end = to.atEndOfMonth();
    return end.isAfter(today) ? today : end;
  }
}
