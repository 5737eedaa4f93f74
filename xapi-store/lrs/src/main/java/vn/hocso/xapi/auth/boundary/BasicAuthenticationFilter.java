package vn.hocso.xapi.auth.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import vn.hocso.xapi.auth.control.BasicCredentials;
import vn.hocso.xapi.auth.control.ClientBootstrap;
import vn.hocso.xapi.auth.control.ClientRegistry;
import vn.hocso.xapi.auth.entity.LrsClient;

/**
 * Authenticates every request but About with HTTP Basic (xAPI 2.0 Part 3 §4) and makes the client
 * the request's principal, where resources read its scopes and authority.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

  @Inject ClientRegistry registry;
  @Inject ClientBootstrap bootstrap;
  private volatile boolean bootstrapped;

  @Override
  public void filter(ContainerRequestContext request) {
    var path = request.getUriInfo().getPath();
    if (path.equals("about") || path.equals("/about") || "OPTIONS".equals(request.getMethod())) {
      return;
    }
    if (!bootstrapped) {
      // an EJB call at every request costs the container's interceptors (seen in the profile)
      bootstrapped = bootstrap.ensure();
    }
    var client =
        registry.authenticate(
            BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    var secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return client;
          }

          @Override
          public boolean isUserInRole(String role) {
            return false;
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
          }
        });
  }

  /** The authenticated client of a request that passed this filter. */
  public static LrsClient clientOf(SecurityContext security) {
    return (LrsClient) security.getUserPrincipal();
  }
}
