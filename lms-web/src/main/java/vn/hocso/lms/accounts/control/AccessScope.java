package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.util.Set;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;

/** The scope of the account signed in for this request, read from its role grants. */
@RequestScoped
public class AccessScope {

  @Inject SecurityContext securityContext;

  @PersistenceContext private EntityManager entityManager;

  private ManagedScope scope;
  private Requester requester;

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

  /** The signed-in account as it asks for personal data: herself, and the subtrees she manages. */
  public Requester requester() {
    if (requester == null) {
      var caller = securityContext.getCallerPrincipal();
      if (caller == null) {
        throw new AccessDeniedException("Nobody is signed in");
      }
      var own =
          entityManager
              .createQuery("select a from Account a where a.username = :u", Account.class)
              .setParameter("u", Account.normalise(caller.getName()))
              .getResultStream()
              .findFirst()
              .flatMap(Account::person)
              .map(person -> person.id())
              .orElse(null);
      requester = new Requester(Account.normalise(caller.getName()), own, managed());
    }
    return requester;
  }
}
