package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.PasswordCheck;
import vn.hocso.lms.accounts.domain.PasswordHashing;
import vn.hocso.lms.accounts.domain.RoleGrant;

/**
 * Checks a username and password against the accounts table for Jakarta Security. A password that
 * matched lately is not hashed again ({@link RecentPasswords}: the JSON API sends it with every
 * call); the account is read every time, so a disabled account or changed roles count at once.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @PersistenceContext private EntityManager entityManager;
  @Inject Passwords passwords;

  private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());
  private final RecentPasswords recent = new RecentPasswords();
  private PasswordCheck passwordCheck = PasswordCheck.HASHING;

  protected AccountIdentityStore() {
    // for CDI
  }

  /** For use outside a container (tests), with the password check to use. */
  AccountIdentityStore(EntityManager entityManager, Passwords passwords, PasswordCheck check) {
    this.entityManager = entityManager;
    this.passwords = passwords;
    this.passwordCheck = check;
  }

  /**
   * Every log-in checks one hash (unless {@link RecentPasswords} knows this password and hash): her
   * account's, at the parameters it was made with (an older one is then made again at today's), or
   * for an unknown name {@link PasswordHashing#NO_ACCOUNT_HASH} at today's, so answering "no such
   * account" takes as long as "wrong password".
   */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    var password = credential.getPassword().getValue();
    var account =
        entityManager
            .createQuery("select a from Account a where a.username = :username", Account.class)
            .setParameter("username", Account.normalise(credential.getCaller()))
            .getResultStream()
            .findFirst();
    if (account.isEmpty()) {
      passwordCheck.matches(password, PasswordHashing.NO_ACCOUNT_HASH);
      return CredentialValidationResult.INVALID_RESULT;
    }
    var username = account.get().username();
    var text = new String(password);
    var tag = account.get().passwordCheckTag();
    // An API client's next call: the slow hash was checked for this password and hash lately.
    boolean checkedLately = account.get().isEnabled() && recent.matchedLately(username, text, tag);
    if (!checkedLately) {
      if (!account.get().acceptsPassword(password, passwordCheck)) {
        return CredentialValidationResult.INVALID_RESULT;
      }
      recent.matched(username, text, tag);
    }
    if (!account.get().hasCurrentPasswordHash() && passwords != null) {
      try {
        passwords.rehashIfOutdated(account.get().id(), password);
      } catch (RuntimeException concurrent) {
        // Two log-ins at once (or an officer's edit) re-hashed or changed the account first: the
        // password was right all the same, and the next log-in re-hashes if still needed.
        LOG.log(Level.FINE, "Password re-hash skipped for " + username, concurrent);
      }
    }
    var roles =
        account.get().grants().stream()
            .map(RoleGrant::role)
            .map(Enum::name)
            .collect(Collectors.toSet());
    return new CredentialValidationResult(account.get().username(), roles);
  }
}
