package vn.hocso.lms.accounts.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.domain.OrgUnit;

/** A login to the platform. The password is kept only as an Argon2id hash. */
@Entity
@Table(name = "account")
public class Account {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  @Id
  @TableGenerator(
      name = "account_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "account",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "account_ids")
  private Long id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "home_unit_id")
  private OrgUnit homeUnit;

  @Column(nullable = false)
  private boolean enabled;

  /** A one-time code an officer gave her to set a new password; kept only as a hash. */
  @Column(name = "reset_code_hash")
  private String resetCodeHash;

  @Column(name = "reset_code_expires_at")
  private Instant resetCodeExpiresAt;

  @Column(name = "reset_code_attempts", nullable = false)
  private int resetCodeAttempts;

  /** The person this login belongs to, when the platform knows her as a person. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  private Person person;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  private Set<RoleGrant> grants = new HashSet<>();

  @Version private long revision;

  protected Account() {
    // for JPA
  }

  public Account(String username, char[] password, String displayName, OrgUnit homeUnit) {
    this.username = normalise(username);
    if (!USERNAME.matcher(this.username).matches()) {
      throw new IllegalArgumentException(
          "A username has 3 to 64 lower-case letters, digits, dots, hyphens or underscores");
    }
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("An account needs a display name");
    }
    this.displayName = displayName.strip();
    this.homeUnit = homeUnit;
    this.passwordHash = PasswordHashing.hash(PasswordPolicy.check(password, this.username));
    this.enabled = true;
    // Databases keep microseconds; truncating here makes what we hold equal what we stored.
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public void belongsTo(Person person) {
    this.person = person;
  }

  /** The person this login is, if it is someone's (demo and service logins may be no one's). */
  public java.util.Optional<Person> person() {
    return java.util.Optional.ofNullable(person);
  }

  /**
   * Erases what identifies her (the username may be her phone number): the login can never be used
   * again and keeps no role.
   */
  public void erase() {
    username = "da-xoa-" + id;
    displayName = Person.ERASED_NAME;
    passwordHash = PasswordHashing.hash(java.util.UUID.randomUUID().toString().toCharArray());
    enabled = false;
    grants.clear();
  }

  /** She changes her own password, proving she knows the current one. */
  public void changePassword(char[] current, char[] next) {
    if (!acceptsPassword(current)) {
      throw new PasswordRejectedException("Mật khẩu hiện tại không đúng.");
    }
    passwordHash = PasswordHashing.hash(PasswordPolicy.check(next, username));
  }

  /**
   * An officer issues a one-time code (valid {@link #RESET_CODE_LIFETIME}) for her to choose a new
   * password; the code is returned once, to be handed over in person or by phone.
   */
  public String issueResetCode(Instant now) {
    var code = ResetCodes.generate();
    resetCodeHash = PasswordHashing.hash(code.toCharArray());
    resetCodeExpiresAt = now.plus(RESET_CODE_LIFETIME).truncatedTo(ChronoUnit.MICROS);
    resetCodeAttempts = 0;
    return code;
  }

  /** She sets a new password with the one-time code; the code then no longer works. */
  public void resetPassword(String code, char[] next, Instant now) {
    if (resetCodeHash == null || now.isAfter(resetCodeExpiresAt)) {
      throw new PasswordRejectedException(
          "Mã đặt lại mật khẩu không còn hiệu lực. Hãy xin mã mới.");
    }
    if (++resetCodeAttempts > RESET_CODE_ATTEMPTS) {
      resetCodeHash = null;
      throw new PasswordRejectedException("Nhập sai mã quá nhiều lần. Hãy xin mã mới.");
    }
    if (!PasswordHashing.matches(ResetCodes.normalise(code).toCharArray(), resetCodeHash)) {
      throw new PasswordRejectedException("Mã đặt lại mật khẩu không đúng.");
    }
    passwordHash = PasswordHashing.hash(PasswordPolicy.check(next, username));
    resetCodeHash = null;
    resetCodeExpiresAt = null;
    resetCodeAttempts = 0;
  }

  /** How long a reset code works. */
  public static final java.time.Duration RESET_CODE_LIFETIME = java.time.Duration.ofHours(24);

  /** How many wrong codes end the code. */
  public static final int RESET_CODE_ATTEMPTS = 5;

  /** Usernames are compared without case. */
  public static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  public void grant(Role role, OrgUnit scope) {
    grants.add(new RoleGrant(role, scope == null ? null : scope.id()));
  }

  /** Takes a role back; false when she did not hold it. */
  public boolean revoke(Role role, Long scopeUnitId) {
    return grants.remove(new RoleGrant(role, role == Role.LEARNER ? null : scopeUnitId));
  }

  /**
   * After her password was accepted: a hash made with fewer iterations than today's is made again
   * with today's, so every account moves up as its owner logs in.
   *
   * @return true when the hash was made again
   */
  public boolean rehashIfOutdated(char[] password) {
    if (PasswordHashing.isCurrent(passwordHash) || !acceptsPassword(password)) {
      return false;
    }
    passwordHash = PasswordHashing.hash(password);
    return true;
  }

  /**
   * What a remembered password check is tied to: the stored hash, which any new password (changed,
   * reset or re-hashed) replaces, so a check remembered for the old one no longer counts.
   */
  public String passwordCheckTag() {
    return passwordHash;
  }

  /** Whether the stored password hash is made as today's hashes are. */
  public boolean hasCurrentPasswordHash() {
    return PasswordHashing.isCurrent(passwordHash);
  }

  /** Whether the password is this account's; a disabled account accepts none. */
  public boolean acceptsPassword(char[] password) {
    return acceptsPassword(password, PasswordCheck.HASHING);
  }

  /**
   * Whether the password is this account's, checked by {@code check}; a disabled account accepts
   * none, but its hash is checked all the same, so the time a log-in takes does not tell it apart.
   */
  public boolean acceptsPassword(char[] password, PasswordCheck check) {
    boolean matches = check.matches(password, passwordHash);
    return enabled && matches;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public java.util.Optional<OrgUnit> homeUnit() {
    return java.util.Optional.ofNullable(homeUnit);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The units whose subtrees she manages: her officer and central-admin scopes. */
  public Set<Long> managedUnitIds() {
    return grants.stream()
        .filter(grant -> grant.role() == Role.UNIT_OFFICER || grant.role() == Role.CENTRAL_ADMIN)
        .map(RoleGrant::scopeUnitId)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public Set<RoleGrant> grants() {
    return Set.copyOf(grants);
  }

  public boolean isEnabled() {
    return enabled;
  }
}
