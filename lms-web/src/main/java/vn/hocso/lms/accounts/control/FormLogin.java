package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form login through our own JSF page, as {@code @CustomFormAuthenticationMechanismDefinition} does
 * it (Jakarta Security 3.0 §2.2.4): the interceptor bindings {@link LoginToContinue} (send a
 * visitor of a protected page to the login page and back) and {@link AutoApplySession} (keep her
 * signed in for the session) do the work; {@code LoginView} hands over the credential.
 *
 * <p>Typed as itself only, so that {@link HocsoAuthenticationMechanism} stays the one {@code
 * HttpAuthenticationMechanism} bean the container sees; it delegates every page request here.
 */
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
@Typed(FormLogin.class)
@ApplicationScoped
public class FormLogin implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    var credential = context.getAuthParameters().getCredential();
    if (credential == null) {
      return context.doNothing();
    }
    return context.notifyContainerAboutLogin(identityStores.validate(credential));
  }
}
