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

/** A login to the platform. The password is kept only as a PBKDF2 hash. */
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
    this.passwordHash = PasswordHashing.hash(password);
    this.enabled = true;
    // Databases keep microseconds; truncating here makes what we hold equal what we stored.
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  public void belongsTo(Person person) {
    this.person = person;
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

  /** Usernames are compared without case. */
  public static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  public void grant(Role role, OrgUnit scope) {
    grants.add(new RoleGrant(role, scope == null ? null : scope.id()));
  }

  /** Whether the password is this account's; a disabled account accepts none. */
  public boolean acceptsPassword(char[] password) {
    return enabled && PasswordHashing.matches(password, passwordHash);
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
