package vn.hocso.lms.people.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.accounts.control.RoleGrants;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;

/**
 * One person as an officer sees her (the view is audited) and the roles of her login, which the
 * officer grants and revokes within her own subtree. Outside the officer's scope the page answers
 * 404, the same as for a person who does not exist; {@link RoleGrants} refuses anyway.
 */
@Named
@ViewScoped
public class PersonPageView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PersonalData personalData;
  @Inject RoleGrants roleGrants;
  @Inject UnitDirectory units;
  @Inject AccessScope access;
  @Inject Messages messages;
  @Inject vn.hocso.lms.people.control.PersonTransfers transfers;

  /** What the page shows of her: no ethnicity (sensitive, not needed to manage roles). */
  public record Shown(
      long id,
      String fullName,
      Integer birthYear,
      String phone,
      long unitId,
      String unitName,
      boolean member,
      boolean trainer,
      String staffPosition) {}

  private Long id;
  private Shown person;
  private RoleGrants.AccountRoles roles;
  private Role newRole = Role.TRAINER;
  private UnitRow newUnit;
  private UnitRow transferUnit;
  private java.time.LocalDate transferOn =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
  private List<MembershipLine> history = List.of();

  /** One line of her membership history, newest first. */
  public record MembershipLine(
      long unitId, String unitName, java.time.LocalDate from, java.time.LocalDate to) {}

  /** Called by f:viewAction once the id parameter is set. */
  public void load() throws IOException {
    if (id == null) {
      notFound();
      return;
    }
    try {
      var requester = access.requester();
      // Roles first: they need an officer's scope, which her own account does not give her.
      roles = roleGrants.rolesOf(id, requester).orElse(null);
      var p = personalData.view(id, requester);
      person =
          new Shown(
              p.id(),
              p.fullName(),
              p.birthYear().orElse(null),
              p.phone().orElse(null),
              p.homeUnit().id(),
              p.homeUnit().name(),
              p.isMember(),
              p.isTrainer(),
              p.staffPosition().orElse(null));
      history =
          p.memberships().stream()
              .map(
                  m ->
                      new MembershipLine(
                          m.unit().id(), m.unit().name(), m.validFrom(), m.validTo().orElse(null)))
              .sorted(java.util.Comparator.comparing(MembershipLine::from).reversed())
              .toList();
    } catch (AccessDeniedException e) {
      notFound();
    }
  }

  private static void notFound() throws IOException {
    var context = FacesContext.getCurrentInstance();
    context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
    context.responseComplete();
  }

  public void grant() {
    var unitId = newUnit == null ? null : newUnit.id();
    if (newRole != Role.LEARNER && unitId == null) {
      FormFeedback.error(messages.get("roles.unit.required"));
      return;
    }
    if (FormFeedback.attempt(
        messages,
        "roles.granted",
        () -> roleGrants.grant(id, newRole, unitId, access.requester()))) {
      newUnit = null;
    }
    reloadRoles();
  }

  public void revoke(RoleGrants.GrantLine line) {
    FormFeedback.attempt(
        messages,
        "roles.revoked",
        () -> roleGrants.revoke(id, line.role(), line.unitId(), access.requester()));
    reloadRoles();
  }

  private void reloadRoles() {
    try {
      roles = roleGrants.rolesOf(id, access.requester()).orElse(null);
    } catch (AccessDeniedException e) {
      roles = null;
    }
  }

  /**
   * Moves her home to the chosen unit ("chuyển sinh hoạt"); on success the page is loaded again, so
   * everything on it shows her new unit.
   */
  public String transfer() {
    var unitId = transferUnit == null ? null : transferUnit.id();
    if (!FormFeedback.attempt(
        messages,
        "transfer.done",
        () -> transfers.transfer(id, unitId, transferOn, access.requester()))) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/person?faces-redirect=true&id=" + id;
  }

  /** Units of her scope that hold members, for the transfer picker. */
  public List<UnitRow> completeTransferUnit(String typed) {
    var kinds =
        Arrays.stream(UnitKind.values())
            .filter(vn.hocso.lms.people.control.PersonTransfers::holdsPeople)
            .toList();
    return units.searchOfKinds(typed, kinds, access.managed(), 20);
  }

  public List<MembershipLine> getHistory() {
    return history;
  }

  public UnitRow getTransferUnit() {
    return transferUnit;
  }

  public void setTransferUnit(UnitRow transferUnit) {
    this.transferUnit = transferUnit;
  }

  public java.time.LocalDate getTransferOn() {
    return transferOn;
  }

  public void setTransferOn(java.time.LocalDate transferOn) {
    this.transferOn = transferOn;
  }

  /** Units of her scope the chosen role can be held over, for the picker. */
  public List<UnitRow> completeUnit(String typed) {
    var kinds =
        Arrays.stream(UnitKind.values()).filter(kind -> RoleGrants.fits(newRole, kind)).toList();
    return units.searchOfKinds(typed, kinds, access.managed(), 20);
  }

  /** The roles she may give: the central-admin role only when she is one. */
  public List<Role> getRoles() {
    var scope = access.managed();
    boolean central = units.roots(scope).stream().anyMatch(root -> root.kind() == UnitKind.CENTRAL);
    return Arrays.stream(Role.values())
        .filter(role -> role != Role.CENTRAL_ADMIN || central)
        .toList();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Shown getPerson() {
    return person;
  }

  public RoleGrants.AccountRoles getAccountRoles() {
    return roles;
  }

  public Role getNewRole() {
    return newRole;
  }

  public void setNewRole(Role newRole) {
    this.newRole = newRole;
  }

  public UnitRow getNewUnit() {
    return newUnit;
  }

  public void setNewUnit(UnitRow newUnit) {
    this.newUnit = newUnit;
  }
}
