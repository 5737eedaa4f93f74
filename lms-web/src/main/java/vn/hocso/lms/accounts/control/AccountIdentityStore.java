package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.PasswordHashing;
import vn.hocso.lms.accounts.domain.RoleGrant;

/** Checks a username and password against the accounts table for Jakarta Security. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @PersistenceContext private EntityManager entityManager;
  @Inject Passwords passwords;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    var password = credential.getPassword().getValue();
    var account =
        entityManager
            .createQuery("select a from Account a where a.username = :username", Account.class)
            .setParameter("username", Account.normalise(credential.getCaller()))
            .getResultStream()
            .findFirst();
    if (account.isEmpty()) {
      PasswordHashing.spendEquivalentWork(password);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!account.get().acceptsPassword(password)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!account.get().hasCurrentPasswordHash() && passwords != null) {
      passwords.rehashIfOutdated(account.get().id(), password);
    }
    var roles =
        account.get().grants().stream()
            .map(RoleGrant::role)
            .map(Enum::name)
            .collect(Collectors.toSet());
    return new CredentialValidationResult(account.get().username(), roles);
  }
}
