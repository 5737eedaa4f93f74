package vn.hocso.lms.privacy.control;

import java.util.Objects;
import vn.hocso.lms.units.control.ManagedScope;

/**
 * Who asks to see or change someone's personal data: her own account, or an officer whose scope
 * covers her home unit.
 *
 * @param username the account acting, as it goes into the audit log
 * @param ownPersonId the person the account belongs to, or null
 * @param scope the subtrees the account manages
 */
public record Requester(String username, Long ownPersonId, ManagedScope scope) {

  public Requester {
    Objects.requireNonNull(username);
    Objects.requireNonNull(scope);
  }
}
