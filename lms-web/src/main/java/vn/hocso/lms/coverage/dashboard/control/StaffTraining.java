package vn.hocso.lms.coverage.dashboard.control;

import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.ANCESTORS;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.number;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.rows;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.within;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.dashboard.domain.StaffTrainingTarget;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Union staff (cán bộ Hội: people with a staff record, {@code person.staff_employment}) of a unit's
 * subtree trained against the unit's yearly target, by level (the kind of her home unit) and
 * position ({@code staff_position}, free text, shown as written).
 *
 * <p><b>Trained</b> means she has completed a course of the {@link Track#UNION_WORK} track (the
 * courses written for staff, audience UNION_STAFF): the track's COMPLETED state in {@code
 * cov_state}, whose day is her first such completion. The year's figure counts those whose first
 * completion fell in that year, against the target; "ever" counts all.
 *
 * <p>A live query, not a counter of the projector: a staff record is set and ended by officers
 * outside the statement stream, so a counter would need its own change events to stay equal to a
 * recompute. The query is bounded by the staff of the subtree (a commune has a handful, a province
 * some thousands; the index {@code person_staff} keeps the people who are not staff out of it), and
 * each of them costs one primary-key probe of {@code cov_state}.
 */
@ApplicationScoped
@Transactional
public class StaffTraining {

  static final Subject STAFF_TRACK = Subject.track(Track.UNION_WORK.name());

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected StaffTraining() {
    // for CDI
  }

  public StaffTraining(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Staff of one level and position: how many, trained ever, trained in the year. */
  public record Group(UnitKind level, String position, long staff, long trained, long inYear) {}

  /** The unit's staff figures for a year, with its target if one is set. */
  public record Figures(
      long unitId,
      int year,
      Integer target,
      String targetSetBy,
      long staff,
      long trained,
      long inYear,
      List<Group> groups) {

    /** Trained in the year as a share of the target, in percent; empty without a target. */
    public Double ofTarget() {
      return target == null || target == 0 ? null : Math.round(1000.0 * inYear / target) / 10.0;
    }
  }

  public Figures figures(long unitId, int year, ManagedScope scope) {
    DashboardUnits.require(entityManager, unitId, scope);
    var groups = new ArrayList<Group>();
    for (Object[] row :
        rows(
            entityManager,
            "select u.kind, p.staff_position, count(*),"
                + " sum(case when s.person_id is null then 0 else 1 end),"
                + " sum(case when s.reached_on >= ?3 and s.reached_on <= ?4 then 1 else 0 end)"
                + " from person p join org_unit u on u.id = p.home_unit_id"
                + ANCESTORS
                + " left join cov_state s on s.person_id = p.id and s.subject = ?2"
                + " and s.milestone = '"
                + Milestone.COMPLETED.name()
                + "' where p.staff_employment is not null and "
                + within(1)
                + " group by u.kind, p.staff_position",
            unitId,
            STAFF_TRACK.code(),
            Date.valueOf(LocalDate.of(year, 1, 1)),
            Date.valueOf(LocalDate.of(year, 12, 31)))) {
      groups.add(
          new Group(
              UnitKind.valueOf((String) row[0]),
              row[1] == null ? "" : (String) row[1],
              number(row[2]),
              number(row[3]),
              number(row[4])));
    }
    groups.sort(Comparator.comparing(Group::level).thenComparing(Group::position));
    var target = target(unitId, year);
    return new Figures(
        unitId,
        year,
        target.map(StaffTrainingTarget::staffToTrain).orElse(null),
        target.map(StaffTrainingTarget::setBy).orElse(null),
        groups.stream().mapToLong(Group::staff).sum(),
        groups.stream().mapToLong(Group::trained).sum(),
        groups.stream().mapToLong(Group::inYear).sum(),
        List.copyOf(groups));
  }

  /**
   * Sets the unit's target for the year. An officer of the unit or of a unit above it may (her
   * scope covers the unit); anyone else gets {@code AccessDeniedException}.
   */
  public void setTarget(long unitId, int year, int staffToTrain, ManagedScope scope, String by) {
    var unit = DashboardUnits.require(entityManager, unitId, scope);
    var existing = target(unitId, year);
    if (existing.isPresent()) {
      existing.get().changeTo(staffToTrain, by, clock.instant());
    } else {
      entityManager.persist(new StaffTrainingTarget(unit, year, staffToTrain, by, clock.instant()));
    }
  }

  private Optional<StaffTrainingTarget> target(long unitId, int year) {
    return entityManager
        .createQuery(
            "select t from StaffTrainingTarget t where t.unit.id = :unit and t.year = :year",
            StaffTrainingTarget.class)
        .setParameter("unit", unitId)
        .setParameter("year", year)
        .getResultStream()
        .findFirst();
  }
}
