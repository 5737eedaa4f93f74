package vn.hocso.lms.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.accounts.control.Passwords;
import vn.hocso.lms.accounts.domain.PasswordRejectedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/**
 * Forgotten passwords: an officer issues a one-time code for an account of her unit, and the woman
 * sets a new password with it on the public reset page.
 */
@Named
@RequestScoped
public class PasswordResetView {

  @Inject Passwords passwords;
  @Inject AccessScope access;
  @Inject Messages messages;

  private String username;
  private String code;
  private String newPassword;
  private String newPasswordAgain;
  private String issuedCode;

  /** The officer's side: the code is shown once, to be read out to her. */
  public void issue() {
    try {
      issuedCode = passwords.issueResetCode(username, access.requester());
    } catch (AccessDeniedException | PasswordRejectedException e) {
      // Same answer for "no such account" and "not in your unit".
      error(messages.get("reset.issue.refused"));
    }
  }

  /** Her side: a new password with the code. */
  public void reset() throws IOException {
    var faces = FacesContext.getCurrentInstance();
    if (!Arrays.equals(chars(newPassword), chars(newPasswordAgain))) {
      error(messages.get("account.password.mismatch"));
      return;
    }
    try {
      passwords.reset(username, code, chars(newPassword));
    } catch (PasswordRejectedException e) {
      error(e.getMessage());
      return;
    }
    var external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, messages.get("reset.done"), null));
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private static char[] chars(String text) {
    return text == null ? new char[0] : text.toCharArray();
  }

  public String getIssuedCode() {
    return issuedCode;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
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
