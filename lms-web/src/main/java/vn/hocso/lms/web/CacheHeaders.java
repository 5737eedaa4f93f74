package vn.hocso.lms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Cache headers for a cheap phone on a slow connection: a resource whose URL carries its version
 * ({@code v=}, added by PrimeFaces to its own resources and by {@link VersionedResources} to every
 * other) never changes, so it is kept a year without asking again; a page is always asked again
 * ({@code no-cache}) and only the browser may keep it ({@code private}: pages name people).
 * Servlets that send personal files set {@code no-store} themselves after this.
 */
public class CacheHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String PAGE = "private, no-cache";
  static final String UNVERSIONED = "public, max-age=3600";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var policy = policyFor(request);
    response.setHeader("Cache-Control", policy);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
      // Mojarra sets its own "max-age=604800" (and Expires) when it serves a resource: ours stays.
      response = new Fixed(response);
    }
    chain.doFilter(request, response);
  }

  /** A response whose Cache-Control and Expires headers are already decided. */
  static final class Fixed extends HttpServletResponseWrapper {
    Fixed(HttpServletResponse response) {
      super(response);
    }

    private static boolean decided(String name) {
      return "Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!decided(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!decided(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!decided(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!decided(name)) {
        super.addDateHeader(name, date);
      }
    }
  }

  static String policyFor(HttpServletRequest request) {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    var query = request.getQueryString();
    if (path.startsWith("/jakarta.faces.resource/")) {
      // PrimeFaces' dynamic content (streamed images, downloads) carries v= as well: not immutable.
      if (hasParameter(query, "pfdrid") || hasParameter(query, "pfdrt")) {
        return PAGE;
      }
      return hasParameter(query, "v") ? IMMUTABLE : UNVERSIONED;
    }
    if (path.startsWith("/resources/")) {
      return UNVERSIONED;
    }
    return PAGE;
  }

  private static boolean hasParameter(String query, String name) {
    if (query == null) {
      return false;
    }
    for (var pair : query.split("&")) {
      if (pair.equals(name) || pair.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }
}
