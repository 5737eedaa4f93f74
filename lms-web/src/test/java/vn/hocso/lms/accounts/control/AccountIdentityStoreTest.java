package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.PasswordCheck;
import vn.hocso.lms.accounts.domain.PasswordHashing;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.platform.TestDatabases.TestDatabase;

/**
 * Every log-in checks exactly one password hash, whatever the name: an unknown name against a hash
 * at today's parameters (so its answer takes as long as a wrong password's), a disabled account
 * against its own, an account with an older hash at that hash's parameters (then made again at
 * today's). The checks are counted through the store's {@link PasswordCheck} seam, not timed.
 */
class AccountIdentityStoreTest {

  static final String PASSWORD = "mat-khau-cua-lan";

  private TestDatabase database;
  private EntityManagerFactory factory;
  private final List<String> checkedHashes = new ArrayList<>();
  private final PasswordCheck counting =
      (password, hash) -> {
        checkedHashes.add(hash);
        return PasswordHashing.matches(password, hash);
      };

  @BeforeEach
  void accounts() {
    database = TestDatabases.H2.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    inTransaction(
        factory,
        em -> {
          em.persist(new Account("lan", PASSWORD.toCharArray(), "Lan", null));
          var old = new Account("mai", PASSWORD.toCharArray(), "Mai", null);
          setHash(old, olderHash(PASSWORD));
          em.persist(old);
          var erased = new Account("hoa", PASSWORD.toCharArray(), "Hoa", null);
          em.persist(erased);
          em.flush();
          erased.erase();
          return null;
        });
  }

  @AfterEach
  void close() throws Exception {
    factory.close();
    database.close();
  }

  @Test
  void anUnknownNameIsCheckedOnceAgainstAHashAtTodaysParameters() {
    var result = validate("khong-co-ai", PASSWORD);

    assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(checkedHashes).containsExactly(PasswordHashing.NO_ACCOUNT_HASH);
    assertThat(PasswordHashing.isCurrent(PasswordHashing.NO_ACCOUNT_HASH)).isTrue();
    assertThat(PasswordHashing.NO_ACCOUNT_HASH).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
  }

  @Test
  void aWrongPasswordAndADisabledAccountAreCheckedOnceEach() {
    assertThat(validate("lan", "sai-mat-khau").getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(checkedHashes).hasSize(1);

    var erasedUsername =
        inTransaction(
            factory,
            em ->
                em.createQuery(
                        "select a.username from Account a where a.enabled = false", String.class)
                    .getSingleResult());
    assertThat(validate(erasedUsername, PASSWORD).getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(checkedHashes).hasSize(2);
  }

  @Test
  void anOlderHashIsCheckedAtItsOwnParametersAndMadeAgainAtTodays() {
    var result = validate("mai", PASSWORD);

    assertThat(result.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
    assertThat(checkedHashes).hasSize(1);
    assertThat(checkedHashes.get(0)).startsWith("pbkdf2-sha256:210000:");
    var stored =
        inTransaction(
            factory,
            em ->
                em.createQuery("select a from Account a where a.username = 'mai'", Account.class)
                    .getSingleResult()
                    .hasCurrentPasswordHash());
    assertThat(stored).isTrue();
  }

  @Test
  void theRightPasswordIsAccepted() {
    assertThat(validate("lan", PASSWORD).getStatus())
        .isEqualTo(CredentialValidationResult.Status.VALID);
    assertThat(checkedHashes).hasSize(1);
  }

  private CredentialValidationResult validate(String username, String password) {
    return inTransaction(
        factory,
        em ->
            new AccountIdentityStore(em, new Passwords(em, Clock.systemUTC()), counting)
                .validate(new UsernamePasswordCredential(username, password)));
  }

  /** As hashes were made until session 7: PBKDF2-HMAC-SHA256, 210,000 iterations. */
  private static String olderHash(String password) {
    try {
      var salt = new byte[16];
      new java.security.SecureRandom().nextBytes(salt);
      var spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 210_000, 256);
      var key =
          javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(spec)
              .getEncoded();
      var base64 = java.util.Base64.getEncoder();
      return "pbkdf2-sha256:210000:"
          + base64.encodeToString(salt)
          + ":"
          + base64.encodeToString(key);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setHash(Account account, String hash) {
    try {
      var field = Account.class.getDeclaredField("passwordHash");
      field.setAccessible(true);
      field.set(account, hash);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
