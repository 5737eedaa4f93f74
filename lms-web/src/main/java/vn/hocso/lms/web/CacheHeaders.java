package vn.hocso.lms.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    response.setHeader("Cache-Control", policyFor(request));
    chain.doFilter(request, response);
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
