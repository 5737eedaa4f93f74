package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.PasswordRejectedException;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * Passwords: she changes her own; when she has forgotten it, an officer of her unit issues a
 * one-time code (handed over in person or by phone, never by the platform) with which she sets a
 * new one.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = PasswordRejectedException.class)
public class Passwords {

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected Passwords() {
    // for CDI
  }

  public Passwords(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * After a log-in with her password: a hash older than today's is made again (PasswordHashing:
   * PBKDF2 until session 8, Argon2id now), so accounts move up as their owners log in.
   */
  public void rehashIfOutdated(long accountId, char[] password) {
    var account = entityManager.find(Account.class, accountId);
    if (account != null) {
      account.rehashIfOutdated(password);
    }
  }

  public void change(String username, char[] current, char[] next) {
    account(username).changePassword(current, next);
  }

  /** Issues a code for an account whose home unit the officer's scope covers. */
  public String issueResetCode(String username, Requester officer) {
    var account = account(username);
    var home = account.homeUnit();
    if (home.isEmpty() || !officer.scope().covers(home.get())) {
      throw new AccessDeniedException(
          "The account " + username + " is outside the officer's scope");
    }
    var code = account.issueResetCode(clock.instant());
    entityManager.persist(
        new AuditEntry(
            clock.instant(),
            officer.username(),
            AuditAction.ISSUED_PASSWORD_RESET,
            null,
            "account " + account.id()));
    return code;
  }

  /** Sets a new password with a code; a wrong code still counts against the code's attempts. */
  public void reset(String username, String code, char[] next) {
    Account account;
    try {
      account = account(username);
    } catch (PasswordRejectedException e) {
      // The public reset page must not tell which usernames exist.
      throw new PasswordRejectedException("Mã đặt lại mật khẩu không đúng.");
    }
    account.resetPassword(code, next, clock.instant());
  }

  private Account account(String username) {
    return entityManager
        .createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", Account.normalise(username))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new PasswordRejectedException("Không có tài khoản này."));
  }
}
