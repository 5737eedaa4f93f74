package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.Set;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.units.control.ManagedScope;

/** The scope of the account signed in for this request, read from its role grants. */
@RequestScoped
public class AccessScope {

  @Inject SecurityContext securityContext;

  @PersistenceContext private EntityManager entityManager;

  private ManagedScope scope;

  /** The subtrees she manages; empty for a learner or an anonymous visitor. */
  public ManagedScope managed() {
    if (scope == null) {
      var caller = securityContext.getCallerPrincipal();
      scope =
          caller == null
              ? new ManagedScope(Set.of())
              : entityManager
                  .createQuery("select a from Account a where a.username = :u", Account.class)
                  .setParameter("u", Account.normalise(caller.getName()))
                  .getResultStream()
                  .findFirst()
                  .map(account -> new ManagedScope(account.managedUnitIds()))
                  .orElse(new ManagedScope(Set.of()));
    }
    return scope;
  }
}
