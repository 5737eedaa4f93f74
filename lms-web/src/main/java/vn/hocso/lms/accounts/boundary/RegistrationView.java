package vn.hocso.lms.accounts.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.accounts.control.Registration;
import vn.hocso.lms.accounts.control.RegistrationForm;
import vn.hocso.lms.accounts.control.RegistrationRejectedException;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;
import vn.hocso.lms.web.Messages;

/** The self-registration page: the form, the commune search, and the problems found. */
@Named
@ViewScoped
public class RegistrationView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Form fields of the service, and the ids of their inputs on the page. */
  private static final Map<String, String> INPUTS =
      Map.of(
          "fullName", "fullName",
          "birthYear", "birthYear",
          "phone", "phone",
          "commune", "commune",
          "username", "username",
          "password", "password",
          "passwordAgain", "passwordAgain",
          "consent", "consentLearning");

  @Inject Registration registration;
  @Inject UnitDirectory directory;
  @Inject Messages messages;
  @Inject vn.hocso.lms.accounts.control.RegistrationThrottle throttle;

  private String fullName;
  private Integer birthYear;
  private String phone;
  private UnitRow commune;
  private boolean member;
  private String username;
  private String password;
  private String passwordAgain;
  private boolean consentLearning;
  private boolean consentReporting;
  private boolean consentPhone;

  public List<UnitRow> completeCommune(String typed) {
    return directory.openCommunes(typed, 15);
  }

  public void register() throws IOException {
    var faces = FacesContext.getCurrentInstance();
    var address =
        ((jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest())
            .getRemoteAddr();
    var wait = throttle.waitBeforeRegistering(address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.get("register.throttled").replace("{0}", Long.toString(minutes)),
              null));
      faces.validationFailed();
      return;
    }
    try {
      registration.register(
          new RegistrationForm(
              fullName,
              birthYear,
              phone,
              commune == null ? null : commune.id(),
              member,
              username,
              chars(password),
              chars(passwordAgain),
              consentLearning,
              consentReporting,
              consentPhone));
    } catch (RegistrationRejectedException e) {
      for (var problem : e.problems()) {
        var input = INPUTS.getOrDefault(problem.field(), null);
        faces.addMessage(
            input == null ? null : "register:" + input,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.message(), null));
      }
      faces.validationFailed();
      return;
    }
    throttle.recordRegistration(address);
    var external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get("register.done"), null));
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  private static char[] chars(String text) {
    return text == null ? new char[0] : text.toCharArray();
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public Integer getBirthYear() {
    return birthYear;
  }

  public void setBirthYear(Integer birthYear) {
    this.birthYear = birthYear;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public UnitRow getCommune() {
    return commune;
  }

  public void setCommune(UnitRow commune) {
    this.commune = commune;
  }

  public boolean isMember() {
    return member;
  }

  public void setMember(boolean member) {
    this.member = member;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordAgain() {
    return passwordAgain;
  }

  public void setPasswordAgain(String passwordAgain) {
    this.passwordAgain = passwordAgain;
  }

  public boolean isConsentLearning() {
    return consentLearning;
  }

  public void setConsentLearning(boolean consentLearning) {
    this.consentLearning = consentLearning;
  }

  public boolean isConsentReporting() {
    return consentReporting;
  }

  public void setConsentReporting(boolean consentReporting) {
    this.consentReporting = consentReporting;
  }

  public boolean isConsentPhone() {
    return consentPhone;
  }

  public void setConsentPhone(boolean consentPhone) {
    this.consentPhone = consentPhone;
  }
}
