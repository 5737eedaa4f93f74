package vn.hocso.lms.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import vn.hocso.lms.accounts.control.LoginThrottle;
import vn.hocso.lms.web.Messages;

/** The login form: hands the credential to Jakarta Security and shows the outcome. */
@Named
@RequestScoped
public class LoginView {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;
  @Inject Messages messages;
  @Inject LoginThrottle throttle;

  @NotBlank private String username;
  @NotBlank private String password;

  public void login() throws IOException {
    var external = faces.getExternalContext();
    var address = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
    var wait = throttle.tryStart(username, address);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              messages.get("login.throttled").replace("{0}", Long.toString(minutes)),
              null));
      return;
    }
    try {
      answer(external, address);
    } finally {
      throttle.finish(username);
    }
  }

  private void answer(jakarta.faces.context.ExternalContext external, String address)
      throws IOException {
    var status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      throttle.recordSuccess(username);
      faces.responseComplete(); // the mechanism redirects to the page she first asked for
    } else if (status == AuthenticationStatus.SUCCESS) {
      throttle.recordSuccess(username);
      external.redirect(external.getRequestContextPath() + "/app/courses.xhtml");
    } else {
      throttle.recordFailure(username, address);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("login.failed"), null));
    }
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
}
