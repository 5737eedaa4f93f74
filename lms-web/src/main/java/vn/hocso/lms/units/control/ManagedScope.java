package vn.hocso.lms.units.control;

import java.util.Set;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * The subtrees an account may see and manage: the units its officer or admin roles are held over.
 * Every read and write of the unit directory goes through one; an empty scope sees nothing.
 */
public record ManagedScope(Set<Long> rootUnitIds) {

  public ManagedScope {
    rootUnitIds = Set.copyOf(rootUnitIds);
  }

  public boolean isEmpty() {
    return rootUnitIds.isEmpty();
  }

  /** Whether the unit is one of the roots or lies below one. */
  public boolean covers(OrgUnit unit) {
    for (var up = unit; up != null; up = up.parent().orElse(null)) {
      if (up.id() != null && rootUnitIds.contains(up.id())) {
        return true;
      }
    }
    return false;
  }
}
