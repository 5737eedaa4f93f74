package vn.hocso.lms.accounts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A role held over the subtree below one unit. */
@Embeddable
public class RoleGrant {

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Role role;

  @Column(name = "scope_unit_id")
  private Long scopeUnitId;

  protected RoleGrant() {
    // for JPA
  }

  public RoleGrant(Role role, Long scopeUnitId) {
    this.role = Objects.requireNonNull(role, "A grant names a role");
    if (role != Role.LEARNER && scopeUnitId == null) {
      throw new IllegalArgumentException("The role " + role + " is held over a unit");
    }
    this.scopeUnitId = scopeUnitId;
  }

  public Role role() {
    return role;
  }

  public Long scopeUnitId() {
    return scopeUnitId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RoleGrant grant
        && role == grant.role
        && Objects.equals(scopeUnitId, grant.scopeUnitId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, scopeUnitId);
  }
}
