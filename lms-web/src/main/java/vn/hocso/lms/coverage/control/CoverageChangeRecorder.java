package vn.hocso.lms.coverage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import vn.hocso.lms.coverage.domain.CoverageChange;
import vn.hocso.lms.coverage.storage.CountedTree;
import vn.hocso.lms.coverage.storage.Headcounts;
import vn.hocso.lms.units.control.TreeChange;

/**
 * Writes each reorganisation's moves into {@code cov_change}, in the reorganisation's transaction,
 * for the projector to apply: the counters learn of every move, and of none that rolled back. The
 * headcounts ({@link Headcounts}) follow the move at once, in the same transaction.
 */
@ApplicationScoped
public class CoverageChangeRecorder {

  public static final String PERSON = "PERSON";
  public static final String UNIT = "UNIT";

  @PersistenceContext private EntityManager entityManager;

  protected CoverageChangeRecorder() {
    // for CDI
  }

  public CoverageChangeRecorder(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public void record(@Observes TreeChange change) {
    try {
      if (change instanceof TreeChange.Reorganising) {
        CountedTree.lockPeopleCounters(entityManager); // first: see TreeChange.Reorganising
      } else if (change instanceof TreeChange.UnitMoved moved) {
        entityManager.persist(new CoverageChange(UNIT, moved.unitId(), moved.on()));
        Headcounts.of(entityManager).unitMoved(moved.unitId());
      } else if (change instanceof TreeChange.PersonMoved moved) {
        entityManager.persist(new CoverageChange(PERSON, moved.personId(), moved.on()));
        Headcounts.of(entityManager).settle(moved.personId());
      }
    } catch (SQLException e) {
      throw new PersistenceException("Headcount not kept", e);
    }
  }
}
