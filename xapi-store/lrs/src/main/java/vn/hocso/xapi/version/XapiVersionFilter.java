package vn.hocso.xapi.version;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import vn.hocso.xapi.auth.control.BasicCredentials;
import vn.hocso.xapi.auth.control.ClientRegistry;
import vn.hocso.xapi.auth.entity.LrsClient;

/**
 * Requires {@code X-Experience-API-Version} on every xAPI resource but About and puts the
 * negotiated version in every response (xAPI 2.0 Part 3 §1.3). Runs before authentication so that a
 * client speaking a wrong version learns that first.
 *
 * <p>A request without the header is refused in the version its client speaks, as registered with
 * its credentials ({@link LrsClient#speaks()}; 2.0.0 for anyone else): the header says nothing, and
 * xAPI 1.0.3 §6.2 and 2.0 Part 3 §1.3 each expect a refusal labelled with their own version, so an
 * LRS that speaks both can only tell them apart by who is asking.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class XapiVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The request property that carries the negotiated {@link XapiVersion}. */
  public static final String PROPERTY = XapiVersion.class.getName();

  @Inject ClientRegistry registry;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isAbout(request) || isAdministration(request) || "OPTIONS".equals(request.getMethod())) {
      return;
    }
    var header = request.getHeaderString(XapiVersion.HEADER);
    if (header == null || header.isBlank()) {
      request.setProperty(PROPERTY, spokenBy(request));
    }
    request.setProperty(PROPERTY, XapiVersion.negotiate(header));
  }

  /** The version the request's client speaks, when its credentials are right; else 2.0.0. */
  private XapiVersion spokenBy(ContainerRequestContext request) {
    try {
      return registry
          .authenticate(BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION)))
          .speaks();
    } catch (RuntimeException unknownOrMalformed) {
      return XapiVersion.V2_0_0; // the refusal for the missing header comes first all the same
    }
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
