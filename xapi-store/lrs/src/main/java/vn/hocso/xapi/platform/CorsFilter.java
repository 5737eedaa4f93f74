package vn.hocso.xapi.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Cross-origin access, so that content running in a browser (SCORM-like packages, cmi5 units) can
 * call the LRS: every response allows the caller's origin and exposes the xAPI headers, and a
 * preflight OPTIONS is answered here, before version negotiation and authentication, because
 * browsers send preflights without credentials (Fetch standard, CORS protocol). Authorization is an
 * explicit header, not a cookie, so no Allow-Credentials is needed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ALLOWED_METHODS = "GET, HEAD, PUT, POST, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match,"
          + " X-Requested-With, Accept, Accept-Language";
  static final String EXPOSED_HEADERS =
      "ETag, Last-Modified, Content-Type, X-Experience-API-Consistent-Through,"
          + " X-Experience-API-Version";

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod())) {
      var preflight = Response.noContent();
      preflight.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      preflight.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      preflight.header("Access-Control-Max-Age", "86400");
      preflight.header("Allow", ALLOWED_METHODS);
      request.abortWith(preflight.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    var origin = request.getHeaderString("Origin");
    headers.putSingle("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    if (origin != null) {
      headers.add("Vary", "Origin");
    }
    headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if ("OPTIONS".equals(request.getMethod())) {
      headers.putSingle("Access-Control-Allow-Methods", ALLOWED_METHODS);
      headers.putSingle("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    }
  }
}
