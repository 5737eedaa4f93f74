package vn.hocso.lms.authoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.authoring.control.Caller;

/** The signed-in account as the authoring service's {@link Caller}, looked up once a request. */
@RequestScoped
public class SignedInAuthor {

  @Inject SecurityContext securityContext;

  @PersistenceContext private EntityManager entityManager;

  private Caller caller;

  public Caller caller() {
    if (caller == null) {
      var principal = securityContext.getCallerPrincipal();
      caller =
          principal == null
              ? new Caller(-1, false, false)
              : entityManager
                  .createQuery("select a from Account a where a.username = :u", Account.class)
                  .setParameter("u", Account.normalise(principal.getName()))
                  .getResultStream()
                  .findFirst()
                  .map(Caller::of)
                  .orElse(new Caller(-1, false, false));
    }
    return caller;
  }
}
