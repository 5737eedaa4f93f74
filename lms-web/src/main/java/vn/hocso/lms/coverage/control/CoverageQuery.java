package vn.hocso.lms.coverage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * The coverage figures of a unit (its whole subtree) for a period of months, read from the counters
 * the projector keeps (indexed by unit; no statement is read). Numerators count people (members,
 * staff and other learners of the unit: the people model has no history of the member flag); the
 * denominator is the people whose home unit lay in the subtree on the period's last day (today for
 * a period not over yet), with the members among them shown beside.
 */
@ApplicationScoped
public class CoverageQuery {

  @PersistenceContext private EntityManager entityManager;

  protected CoverageQuery() {
    // for CDI
  }

  public CoverageQuery(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * One indicator: people who reached the milestone in the subject.
   *
   * @param inPeriod reached it during the period, while their home unit lay in the subtree
   * @param byEnd reached it by the end of the period, likewise (the history: people who left since
   *     still count where they were)
   * @param live the people of the subtree today who have reached it (today's tree)
   * @param people the denominator: people of the subtree on the period's last day
   */
  public record Figure(
      Subject subject, Milestone milestone, long inPeriod, long byEnd, long live, long people) {

    /** byEnd as a share of people, in percent with one decimal; empty without people. */
    public Optional<Double> percent() {
      return people == 0
          ? Optional.empty()
          : Optional.of(Math.round(1000.0 * byEnd / people) / 10.0);
    }
  }

  /** A unit's figures for a period. */
  public record UnitFigures(
      long unitId,
      String unitName,
      YearMonth from,
      YearMonth to,
      LocalDate countedOn,
      long people,
      long members,
      List<Figure> figures) {

    public Optional<Figure> figure(Subject subject, Milestone milestone) {
      return figures.stream()
          .filter(f -> f.subject().equals(subject) && f.milestone() == milestone)
          .findFirst();
    }
  }

  /** A child unit ranked by one indicator. */
  public record ChildFigure(long unitId, String name, Figure figure) {}

  public UnitFigures figures(long unitId, YearMonth from, YearMonth to, ManagedScope scope) {
    var unit = require(unitId, scope);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends before it begins: " + from + "–" + to);
    }
    var day = countedOn(to);
    var headcount = headcount(unitId, day);
    long people = headcount[0];
    long members = headcount[1];
    var figures = new HashMap<String, long[]>();
    for (Object[] row :
        rows(
            "select subject, milestone, sum(case when month_key >= ?1 then people else 0 end),"
                + " sum(people) from cov_month where unit_id = ?2 and month_key <= ?3"
                + " group by subject, milestone",
            MonthKey.of(from),
            unitId,
            MonthKey.of(to))) {
      var counts = figures.computeIfAbsent(row[0] + " " + row[1], k -> new long[3]);
      counts[0] = number(row[2]);
      counts[1] = number(row[3]);
    }
    for (Object[] row :
        rows("select subject, milestone, people from cov_live where unit_id = ?1", unitId)) {
      figures.computeIfAbsent(row[0] + " " + row[1], k -> new long[3])[2] = number(row[2]);
    }
    var list = new ArrayList<Figure>();
    figures.forEach(
        (key, counts) -> {
          var parts = key.split(" ");
          if (counts[0] != 0 || counts[1] != 0 || counts[2] != 0) {
            list.add(
                new Figure(
                    new Subject(parts[0]),
                    Milestone.valueOf(parts[1]),
                    counts[0],
                    counts[1],
                    counts[2],
                    people));
          }
        });
    list.sort(
        Comparator.comparing((Figure f) -> f.subject().code()).thenComparing(Figure::milestone));
    return new UnitFigures(unitId, unit.name(), from, to, day, people, members, list);
  }

  /**
   * The open child units ranked by one indicator, highest share first: the head of the list leads,
   * the tail lags.
   */
  public List<ChildFigure> childrenRanked(
      long unitId,
      Subject subject,
      Milestone milestone,
      YearMonth from,
      YearMonth to,
      ManagedScope scope) {
    require(unitId, scope);
    var children =
        entityManager
            .createQuery(
                "select u from OrgUnit u where u.parent.id = :unit and u.validTo is null"
                    + " order by u.name",
                OrgUnit.class)
            .setParameter("unit", unitId)
            .getResultList();
    var ranked = new ArrayList<ChildFigure>();
    for (var child : children) {
      var unitFigures =
          figures(child.id(), from, to, new ManagedScope(java.util.Set.of(child.id())));
      var figure =
          unitFigures
              .figure(subject, milestone)
              .orElseGet(() -> new Figure(subject, milestone, 0, 0, 0, unitFigures.people()));
      ranked.add(new ChildFigure(child.id(), child.name(), figure));
    }
    ranked.sort(
        Comparator.comparing((ChildFigure c) -> c.figure().percent().orElse(-1.0))
            .reversed()
            .thenComparing(ChildFigure::name));
    return ranked;
  }

  /**
   * The people and members whose home unit lay in the subtree on that day, from the kept headcounts
   * (storage.Headcounts: the unit's changes up to the day, a few hundred rows at most).
   */
  private long[] headcount(long unitId, LocalDate day) {
    var row =
        rows(
                "select sum(people), sum(members) from cov_headcount where unit_id = ?1 and"
                    + " changed_on <= ?2",
                unitId,
                java.sql.Date.valueOf(day))
            .get(0);
    return new long[] {number(row[0]), number(row[1])};
  }

  private static LocalDate countedOn(YearMonth to) {
    var today = LocalDate.now(vn.hocso.lms.coverage.domain.StatementReading.VIETNAM);
    var end = to.atEndOfMonth();
    return end.isAfter(today) ? today : end;
  }

  private OrgUnit require(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null) {
      throw new UnitRuleException("Không tìm thấy đơn vị " + unitId, "No unit " + unitId);
    }
    if (!scope.covers(unit)) {
      throw new AccessDeniedException(unit.name() + " lies outside the caller's scope");
    }
    return unit;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... parameters) {
    var query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** For tests and reports: the figures keyed by "subject milestone". */
  public static Map<String, Figure> byKey(UnitFigures figures) {
    var map = new HashMap<String, Figure>();
    figures.figures().forEach(f -> map.put(f.subject() + " " + f.milestone(), f));
    return map;
  }
}
