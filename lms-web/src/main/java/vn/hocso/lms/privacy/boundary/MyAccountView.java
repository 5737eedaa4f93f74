package vn.hocso.lms.privacy.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.accounts.control.Passwords;
import vn.hocso.lms.accounts.domain.PasswordRejectedException;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.web.Messages;

/** "Tài khoản của tôi": her data, her consents, her password, and erasure. */
@Named
@ViewScoped
public class MyAccountView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PersonalData personalData;
  @Inject Passwords passwords;
  @Inject AccessScope access;
  @Inject Messages messages;

  private PersonView person;
  private Map<ConsentPurpose, String> consents;
  private String currentPassword;
  private String newPassword;
  private String newPasswordAgain;

  /** What the page shows of her; read (and audited) once per view. */
  public record PersonView(
      String fullName, Integer birthYear, String phone, String unit, boolean member) {}

  public boolean isLinked() {
    return access.requester().ownPersonId() != null;
  }

  public PersonView getPerson() {
    if (person == null && isLinked()) {
      var requester = access.requester();
      var her = personalData.view(requester.ownPersonId(), requester);
      person =
          new PersonView(
              her.fullName(),
              her.birthYear().orElse(null),
              her.phone().orElse(null),
              her.homeUnit().name(),
              her.isMember());
    }
    return person;
  }

  public Map<ConsentPurpose, String> getConsents() {
    if (consents == null && isLinked()) {
      var requester = access.requester();
      consents = personalData.consentsInForce(requester.ownPersonId(), requester);
    }
    return consents;
  }

  public boolean isPhoneContactAllowed() {
    return getConsents() != null && getConsents().containsKey(ConsentPurpose.PHONE_CONTACT);
  }

  public void withdrawPhoneContact() {
    var requester = access.requester();
    personalData.withdrawConsent(requester.ownPersonId(), ConsentPurpose.PHONE_CONTACT, requester);
    consents = null;
    info("account.consent.withdrawn");
  }

  public void changePassword() {
    var faces = FacesContext.getCurrentInstance();
    if (!Arrays.equals(chars(newPassword), chars(newPasswordAgain))) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.get("account.password.mismatch"), null));
      return;
    }
    try {
      passwords.change(access.requester().username(), chars(currentPassword), chars(newPassword));
      info("account.password.changed");
    } catch (PasswordRejectedException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  /** Erases her personal data for good, then signs her out. */
  public void erase() throws IOException, ServletException {
    var requester = access.requester();
    personalData.erase(requester.ownPersonId(), requester);
    var external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/?erased=true");
  }

  private void info(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get(key), null));
  }

  private static char[] chars(String text) {
    return text == null ? new char[0] : text.toCharArray();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getNewPasswordAgain() {
    return newPasswordAgain;
  }

  public void setNewPasswordAgain(String newPasswordAgain) {
    this.newPasswordAgain = newPasswordAgain;
  }
}
