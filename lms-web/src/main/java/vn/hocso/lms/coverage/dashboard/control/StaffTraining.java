package vn.hocso.lms.coverage.dashboard.control;

import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.number;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.dashboard.domain.StaffTrainingTarget;
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
 * <p>Read from counters, not from the staff rows (at Central those were every staff member of the
 * country): {@code cov_people} (storage.PeopleCounts: staff by level and position, kept by the
 * people services) and {@code cov_staff_trained} (storage.TrainedCounts: the trained by level,
 * position and year of first completion, kept by the projector). A position is grouped as written,
 * byte for byte.
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
    // From the counters (storage.PeopleCounts and TrainedCounts): a few rows of the unit.
    var byGroup = new HashMap<List<String>, long[]>();
    for (Object[] row :
        rows(
            entityManager,
            "select staff_level, staff_position, sum(people) from cov_people where unit_id = ?1"
                + " and is_staff = true group by staff_level, staff_position",
            unitId)) {
      byGroup.computeIfAbsent(List.of((String) row[0], (String) row[1]), g -> new long[3])[0] +=
          number(row[2]);
    }
    for (Object[] row :
        rows(
            entityManager,
            "select staff_level, staff_position, trained_year, people from cov_staff_trained"
                + " where unit_id = ?1",
            unitId)) {
      var counts =
          byGroup.computeIfAbsent(List.of((String) row[0], (String) row[1]), g -> new long[3]);
      counts[1] += number(row[3]);
      if (((Number) row[2]).intValue() == year) {
        counts[2] += number(row[3]);
      }
    }
    var groups = new ArrayList<Group>();
    for (var group : byGroup.entrySet()) {
      var counts = group.getValue();
      groups.add(
          new Group(
              UnitKind.valueOf(group.getKey().get(0)),
              group.getKey().get(1),
              counts[0],
              counts[1],
              counts[2]));
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
