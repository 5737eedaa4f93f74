package vn.hocso.lms.units.control;

import java.util.Set;

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
}
