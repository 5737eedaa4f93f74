package vn.hocso.xapi.version;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Requires {@code X-Experience-API-Version} on every xAPI resource but About and puts the
 * negotiated version in every response (xAPI 2.0 Part 3 §1.3). Runs before authentication so that a
 * client speaking a wrong version learns that first.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class XapiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The request property that carries the negotiated {@link XapiVersion}. */
  public static final String PROPERTY = XapiVersion.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    if (isAbout(request) || isAdministration(request) || "OPTIONS".equals(request.getMethod())) {
      return;
    }
    request.setProperty(
        PROPERTY, XapiVersion.negotiate(request.getHeaderString(XapiVersion.HEADER)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var version = request.getProperty(PROPERTY);
    response
        .getHeaders()
        .putSingle(
            XapiVersion.HEADER,
            version instanceof XapiVersion negotiated
                ? negotiated.text()
                : XapiVersion.V2_0_0.text());
  }

  /** Credential management is ours, not an xAPI resource: no version to negotiate. */
  static boolean isAdministration(ContainerRequestContext request) {
    var path = request.getUriInfo().getPath();
    return path.startsWith("admin/") || path.startsWith("/admin/");
  }

  static boolean isAbout(ContainerRequestContext request) {
    var path = request.getUriInfo().getPath();
    return path.equals("about") || path.equals("/about") || path.equals("about/");
  }
}
