package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.accounts.domain.RoleGrant;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Who holds which role over which unit, changed on a person's account. A central admin changes
 * anyone's roles anywhere; an officer only those of people whose home unit lies in her subtree, and
 * only roles held over units of her subtree, so she can never give (or take) a role above her own
 * level. The central-admin role is held over Central, which only a central admin covers. Every
 * change is written to the audit log (CHANGED_ROLES, ids only).
 *
 * <p>Out of reach ({@link AccessDeniedException}): a person or unit outside the caller's scope,
 * absent ones answered the same. Within reach but wrong ({@link RoleGrantRejectedException}, in
 * Vietnamese): no account, a role that does not fit the unit, a grant already held or not held, or
 * her own account (nobody raises or locks out herself).
 */
@ApplicationScoped
@Transactional
public class RoleGrants {

  @PersistenceContext private EntityManager entityManager;

  /** Whether a unit is still open is decided on Vietnam's calendar, as everywhere else. */
  private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

  private Clock clock = Clock.systemUTC();

  protected RoleGrants() {
    // for CDI
  }

  public RoleGrants(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** One role she holds; {@code changeable} tells whether this caller may revoke it. */
  public record GrantLine(
      Role role, Long unitId, String unitName, UnitKind unitKind, boolean changeable) {}

  /** Her account's roles, or empty when she has no login. */
  public record AccountRoles(String username, List<GrantLine> grants) {}

  public Optional<AccountRoles> rolesOf(long personId, Requester requester) {
    var person = personFor(personId, requester);
    return accountOf(person)
        .map(
            account ->
                new AccountRoles(
                    account.username(),
                    account.grants().stream()
                        .map(grant -> line(grant, requester))
                        .sorted(
                            Comparator.comparing(GrantLine::role)
                                .thenComparing(
                                    line -> line.unitName() == null ? "" : line.unitName()))
                        .toList()));
  }

  /** Gives her account a role over a unit (no unit for {@link Role#LEARNER}). */
  public void grant(long personId, Role role, Long unitId, Requester requester) {
    var person = personFor(personId, requester);
    var unit = role == Role.LEARNER ? null : unitFor(unitId, requester);
    if (unit != null) {
      requireFits(role, unit);
    }
    var account = changeableAccount(person, requester);
    if (account.grants().contains(new RoleGrant(role, unit == null ? null : unit.id()))) {
      throw new RoleGrantRejectedException("Tài khoản này đã có vai trò đó tại đơn vị đó.");
    }
    account.grant(role, unit);
    audit(requester, personId, "granted " + role + (unit == null ? "" : " over unit " + unit.id()));
  }

  /** Takes a role back from her account. */
  public void revoke(long personId, Role role, Long unitId, Requester requester) {
    var person = personFor(personId, requester);
    if (role != Role.LEARNER) {
      unitFor(unitId, requester);
    }
    var account = changeableAccount(person, requester);
    if (!account.revoke(role, unitId)) {
      throw new RoleGrantRejectedException("Tài khoản này không có vai trò đó tại đơn vị đó.");
    }
    audit(
        requester,
        personId,
        "revoked " + role + (role == Role.LEARNER ? "" : " over unit " + unitId));
  }

  /** Which roles can be held over a unit of that kind. */
  public static boolean fits(Role role, UnitKind kind) {
    return switch (role) {
      case LEARNER -> true;
      case TRAINER -> kind != UnitKind.CENTRAL;
      case UNIT_OFFICER ->
          kind == UnitKind.PROVINCE
              || kind == UnitKind.COMMUNE
              || kind == UnitKind.ORGANISATION
              || kind == UnitKind.ORGANISATION_BASE;
      case CENTRAL_ADMIN -> kind == UnitKind.CENTRAL;
    };
  }

  private void requireFits(Role role, OrgUnit unit) {
    if (!fits(role, unit.kind())) {
      throw new RoleGrantRejectedException(
          switch (role) {
            case CENTRAL_ADMIN -> "Vai trò quản trị Trung ương chỉ gắn với Trung ương Hội.";
            case UNIT_OFFICER ->
                "Cán bộ Hội được giao ở cấp tỉnh, cấp xã hoặc tổ chức Hội đặc thù, không ở "
                    + unit.name()
                    + ".";
            default -> "Vai trò này không gắn được với " + unit.name() + ".";
          });
    }
    if (!unit.isOpenOn(LocalDate.ofInstant(clock.instant(), VIETNAM))) {
      throw new RoleGrantRejectedException(unit.name() + " đã ngừng hoạt động.");
    }
  }

  private GrantLine line(RoleGrant grant, Requester requester) {
    var unit =
        grant.scopeUnitId() == null ? null : entityManager.find(OrgUnit.class, grant.scopeUnitId());
    // A grant over a unit outside her scope (e.g. a central-admin role) is shown but not hers to
    // revoke; its unit's name is not a secret of the subtree she manages.
    boolean changeable =
        unit == null ? grant.role() == Role.LEARNER : requester.scope().covers(unit);
    return new GrantLine(
        grant.role(),
        grant.scopeUnitId(),
        unit == null ? null : unit.name(),
        unit == null ? null : unit.kind(),
        changeable);
  }

  private Person personFor(long personId, Requester requester) {
    var person = entityManager.find(Person.class, personId);
    if (person == null || !requester.scope().covers(person.homeUnit())) {
      throw new AccessDeniedException("No person " + personId + " within the requester's scope");
    }
    return person;
  }

  private OrgUnit unitFor(Long unitId, Requester requester) {
    if (unitId == null) {
      throw new RoleGrantRejectedException("Chọn đơn vị mà vai trò này được giao.");
    }
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null || !requester.scope().covers(unit)) {
      throw new AccessDeniedException(
          "Unit " + unitId + " lies outside the requester's scope (or above her level)");
    }
    return unit;
  }

  private Account changeableAccount(Person person, Requester requester) {
    if (person.isErased()) {
      throw new RoleGrantRejectedException("Dữ liệu của người này đã bị xóa.");
    }
    var account =
        accountOf(person)
            .orElseThrow(
                () -> new RoleGrantRejectedException("Người này chưa có tài khoản đăng nhập."));
    if (account.username().equals(requester.username())) {
      throw new RoleGrantRejectedException("Chị không thể tự thay đổi vai trò của mình.");
    }
    return account;
  }

  private Optional<Account> accountOf(Person person) {
    return entityManager
        .createQuery("select a from Account a where a.person = :p order by a.id", Account.class)
        .setParameter("p", person)
        .getResultStream()
        .findFirst();
  }

  private void audit(Requester requester, long personId, String detail) {
    entityManager.persist(
        new AuditEntry(
            clock.instant(), requester.username(), AuditAction.CHANGED_ROLES, personId, detail));
  }
}
