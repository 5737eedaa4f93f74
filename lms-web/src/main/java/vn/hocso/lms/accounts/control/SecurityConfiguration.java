package vn.hocso.lms.accounts.control;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The roles the application declares. Authentication is {@link HocsoAuthenticationMechanism}: form
 * login for pages, HTTP Basic for the JSON API under {@code /api/}; the identity store is {@link
 * AccountIdentityStore}. Pages under /app/ and the API need a logged-in account (web.xml).
 */
@DeclareRoles({"LEARNER", "TRAINER", "UNIT_OFFICER", "CENTRAL_ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
