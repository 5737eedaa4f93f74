package vn.hocso.lms.coverage.dashboard.control;

import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.ANCESTORS;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.number;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.rows;
import static vn.hocso.lms.coverage.dashboard.control.DashboardUnits.within;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.units.control.ManagedScope;

/**
 * The active trainers of a unit's subtree in a period. A trainer is an account holding the TRAINER
 * role over a unit of the subtree; she is <b>active</b> when, during the period, she did something
 * in authoring (created, submitted or published a course version: {@code authoring_event}) or
 * learners began or advanced in one of her courses (a learner reached a milestone of a course she
 * owns for the first time that month: the course's month counters at the root of the tree). Indexed
 * reads only: her grants, her authoring events, her courses' counters.
 */
@ApplicationScoped
public class ActiveTrainers {

  private static final DateTimeFormatter UTC_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  @PersistenceContext private EntityManager entityManager;

  protected ActiveTrainers() {
    // for CDI
  }

  public ActiveTrainers(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * An active trainer.
   *
   * @param authoringActions her authoring events in the period
   * @param learnerMilestones people who reached a milestone in her courses in the period (one
   *     person counts once per course and milestone)
   */
  public record Trainer(
      long accountId,
      String name,
      String unitName,
      long courses,
      long authoringActions,
      long learnerMilestones) {}

  public List<Trainer> active(long unitId, Period period, ManagedScope scope) {
    var unit = DashboardUnits.require(entityManager, unitId, scope);
    long root = DashboardUnits.root(unit).id();
    var from = utcText(period.from().atDay(1).atStartOfDay());
    var to = utcText(period.to().plusMonths(1).atDay(1).atStartOfDay());
    var trainers = new ArrayList<Trainer>();
    for (Object[] row :
        rows(
            entityManager,
            "select a.id, a.display_name, u.name,"
                + " (select count(*) from course_authorship ca where ca.owner_account_id = a.id),"
                + " (select count(*) from authoring_event e where e.actor_account_id = a.id"
                + " and e.happened_at >= ?2 and e.happened_at < ?3),"
                + " (select coalesce(sum(m.people), 0) from course_authorship ca"
                + " join cov_month m on m.unit_id = ?4 and m.subject = concat('C', ca.course_id)"
                + " where ca.owner_account_id = a.id and m.month_key >= ?5 and m.month_key <= ?6)"
                + " from account_role r join account a on a.id = r.account_id"
                + " join org_unit u on u.id = r.scope_unit_id"
                + ANCESTORS
                + " where r.role = 'TRAINER' and "
                + within(1)
                + " order by a.display_name, a.id",
            unitId,
            from,
            to,
            root,
            MonthKey.of(period.from()),
            MonthKey.of(period.to()))) {
      long actions = number(row[4]);
      long learners = number(row[5]);
      if (actions > 0 || learners > 0) {
        trainers.add(
            new Trainer(
                number(row[0]),
                (String) row[1],
                (String) row[2],
                number(row[3]),
                actions,
                learners));
      }
    }
    return trainers;
  }

  /** A Vietnam wall time as the UTC text the datetime(6) columns hold (InstantConverter). */
  private static String utcText(LocalDateTime vietnam) {
    return UTC_TEXT.format(
        vietnam
            .atZone(StatementReading.VIETNAM)
            .withZoneSameInstant(ZoneOffset.UTC)
            .toLocalDateTime());
  }
}
