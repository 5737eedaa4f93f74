package vn.hocso.lms.accounts.control;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login through our own JSF page (Jakarta Security 3.0 §2.2.4). Pages under /app/ need a
 * logged-in account (web.xml); the identity store is {@link AccountIdentityStore}.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"LEARNER", "TRAINER", "UNIT_OFFICER", "CENTRAL_ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
