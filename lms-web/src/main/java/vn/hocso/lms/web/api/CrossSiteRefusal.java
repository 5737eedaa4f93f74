package vn.hocso.lms.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import vn.hocso.lms.web.Messages;

/**
 * Refuses a write that a browser sends on behalf of another site. The API is for scripts and other
 * systems, authenticated by HTTP Basic; but a browser that once answered the Basic challenge sends
 * those credentials with any request, also one a hostile page makes (a bodiless POST or DELETE
 * needs no CORS preflight). Browsers name the page's origin ({@code Origin}, {@code
 * Sec-Fetch-Site}); scripts send neither, so they are not affected.
 */
@Provider
@PreMatching
public class CrossSiteRefusal implements ContainerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod())) {
      return;
    }
    if (isCrossSite(
        request.getHeaderString("Sec-Fetch-Site"),
        request.getHeaderString("Origin"),
        request.getUriInfo().getRequestUri())) {
      var english =
          request.getAcceptableLanguages().stream()
              .findFirst()
              .map(l -> l.getLanguage().equals("en"))
              .orElse(false);
      var bundle =
          ResourceBundle.getBundle(
              Messages.BUNDLE, english ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
              .header("Cache-Control", "no-store")
              .entity(new ApiError(403, "cross-site", bundle.getString("api.crossSite"), List.of()))
              .build());
    }
  }

  /** A browser's request from a page of another origin than the API's own. */
  static boolean isCrossSite(String fetchSite, String origin, URI requestUri) {
    if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)) {
      return true;
    }
    if (origin == null || origin.isBlank()) {
      return false;
    }
    if (origin.equals("null")) {
      return true; // sandboxed frames and file pages
    }
    try {
      var from = URI.create(origin);
      return !(equalsIgnoreCase(from.getScheme(), requestUri.getScheme())
          && equalsIgnoreCase(from.getHost(), requestUri.getHost())
          && port(from) == port(requestUri));
    } catch (IllegalArgumentException unreadable) {
      return true;
    }
  }

  private static boolean equalsIgnoreCase(String a, String b) {
    return a != null && a.equalsIgnoreCase(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
