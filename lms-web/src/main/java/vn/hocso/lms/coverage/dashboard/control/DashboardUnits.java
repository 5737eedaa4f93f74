package vn.hocso.lms.coverage.dashboard.control;

import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;

/** The unit a dashboard read names, checked against the caller's scope; shared by the services. */
final class DashboardUnits {

  /** The SQL joins of a unit {@code u}'s ancestors {@code p1}…{@code p4} (five levels at most). */
  static final String ANCESTORS =
      " left join org_unit p1 on p1.id = u.parent_id left join org_unit p2 on p2.id = p1.parent_id"
          + " left join org_unit p3 on p3.id = p2.parent_id"
          + " left join org_unit p4 on p4.id = p3.parent_id";

  /** {@code u} is the unit named by the positional parameter, or lies below it. */
  static String within(int parameter) {
    var p = "?" + parameter;
    return "(u.id = "
        + p
        + " or p1.id = "
        + p
        + " or p2.id = "
        + p
        + " or p3.id = "
        + p
        + " or p4.id = "
        + p
        + ")";
  }

  private DashboardUnits() {}

  /**
   * The unit if the scope covers it. An absent unit and one outside the scope get the same refusal,
   * so existence outside the scope is not told.
   */
  static OrgUnit require(EntityManager entityManager, long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null || !scope.covers(unit)) {
      throw new AccessDeniedException("No unit " + unitId + " in this account's scope");
    }
    return unit;
  }

  /** The highest unit she manages (Central for the central admin): her dashboard's default. */
  static OrgUnit highest(EntityManager entityManager, ManagedScope scope) {
    if (scope.isEmpty()) {
      throw new AccessDeniedException("An account without a scope has no dashboard");
    }
    return scope.rootUnitIds().stream()
        .map(id -> entityManager.find(OrgUnit.class, id))
        .filter(unit -> unit != null)
        .min(Comparator.comparingInt(DashboardUnits::depth).thenComparing(OrgUnit::id))
        .orElseThrow(() -> new AccessDeniedException("The scope names no unit"));
  }

  /** The root of the tree above the unit (Central). */
  static OrgUnit root(OrgUnit unit) {
    var up = unit;
    while (up.parent().isPresent()) {
      up = up.parent().get();
    }
    return up;
  }

  private static int depth(OrgUnit unit) {
    int depth = 0;
    for (var up = unit.parent(); up.isPresent(); up = up.get().parent()) {
      depth++;
    }
    return depth;
  }

  static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  static List<Object[]> rows(EntityManager entityManager, String sql, Object... parameters) {
    var query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }
}
