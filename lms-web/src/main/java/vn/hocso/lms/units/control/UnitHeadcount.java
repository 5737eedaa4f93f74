package vn.hocso.lms.units.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * How many people a unit has today, counting every unit below it. The tree is at most five levels
 * deep (Central → province → commune → branch → group), so four parent hops reach the top.
 */
@ApplicationScoped
public class UnitHeadcount {

  @PersistenceContext private EntityManager entityManager;

  protected UnitHeadcount() {
    // for CDI
  }

  public UnitHeadcount(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public long peopleWithin(long unitId) {
    return entityManager
        .createQuery(
            "select count(p) from Person p join p.homeUnit u"
                + Subtree.ANCESTOR_JOINS
                + " where "
                + Subtree.within("unit"),
            Long.class)
        .setParameter("unit", java.util.List.of(unitId))
        .getSingleResult();
  }
}
