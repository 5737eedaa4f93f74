package vn.hocso.xapi.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The Alternate Request Syntax of xAPI 1.0.3 (§7.8, "Cross Origin Requests"): a POST whose only
 * query parameter is {@code method} (GET, PUT or DELETE) and whose form-encoded body carries the
 * headers (Authorization, X-Experience-API-Version, Content-Type, Content-Length, If-Match,
 * If-None-Match), the request body ({@code content}) and the other parameters. It becomes that
 * request before anything else looks at it. xAPI 2.0 removed the syntax: a 2.0 request using it is
 * refused.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 150) // after the size check, before version negotiation
public class AlternateRequestSyntaxFilter implements ContainerRequestFilter {

  private static final String SECTION = "xAPI 1.0.3 §7.8";
  private static final Set<String> METHODS = Set.of("GET", "PUT", "DELETE");
  private static final Set<String> HEADERS =
      Set.of(
          "authorization",
          "x-experience-api-version",
          "content-type",
          "content-length",
          "if-match",
          "if-none-match");

  @Inject
  @ConfigProperty(name = "lrs.request.max-bytes", defaultValue = "4194304")
  long maxRequestBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    var query = request.getUriInfo().getQueryParameters();
    if (!"POST".equals(request.getMethod()) || !query.containsKey("method")) {
      return;
    }
    var headerVersion = request.getHeaderString(XapiVersion.HEADER);
    if (headerVersion != null && XapiVersion.negotiate(headerVersion).isTwo()) {
      throw removedInTwo();
    }
    if (query.size() != 1 || query.get("method").size() != 1) {
      throw invalid(
          "method",
          "alternate-syntax-only-method",
          "an alternate request carries only the method parameter in its URL; everything else"
              + " goes in the form");
    }
    var method = query.getFirst("method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw invalid("method", "alternate-syntax-method", "must be GET, PUT or DELETE");
    }
    var type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw invalid(
          HttpHeaders.CONTENT_TYPE,
          "alternate-syntax-form",
          "an alternate request is sent as application/x-www-form-urlencoded");
    }
    var form = form(RequestBodies.read(request.getEntityStream(), maxRequestBytes));
    var formVersion = form.get("x-experience-api-version");
    var version = formVersion != null ? formVersion.getValue() : headerVersion;
    if (version != null && XapiVersion.negotiate(version).isTwo()) {
      throw removedInTwo();
    }
    var content = form.remove("content");
    var parameters = new StringJoiner("&");
    for (var entry : form.entrySet()) {
      var name = entry.getValue().getKey();
      var value = entry.getValue().getValue();
      if (HEADERS.contains(entry.getKey())) {
        request.getHeaders().putSingle(name, value);
      } else {
        parameters.add(
            URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    var body = content == null ? new byte[0] : content.getValue().getBytes(StandardCharsets.UTF_8);
    if (content != null && !form.containsKey("content-type")) {
      request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "application/json");
    } else if (content == null) {
      request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
    request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
    request.setEntityStream(new ByteArrayInputStream(body));
    var uri = request.getUriInfo().getRequestUri().toString();
    var path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    request.setRequestUri(
        request.getUriInfo().getBaseUri(),
        URI.create(parameters.length() == 0 ? path : path + "?" + parameters));
    request.setMethod(method);
  }

  /** The form's fields by lower-case name (each name once), keeping the name as sent. */
  private static Map<String, Map.Entry<String, String>> form(String body) {
    var fields = new LinkedHashMap<String, Map.Entry<String, String>>();
    if (body.isBlank()) {
      return fields;
    }
    for (var pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      var equals = pair.indexOf('=');
      String name;
      String value;
      try {
        name =
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        value =
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalid(null, "alternate-syntax-form", "the form is not URL-encoded");
      }
      if (fields.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value)) != null) {
        throw invalid(name, "alternate-syntax-single", "is given more than once in the form");
      }
    }
    return fields;
  }

  private static InvalidRequestException removedInTwo() {
    return new InvalidRequestException(
        "method",
        "alternate-syntax-removed",
        "xAPI 2.0 has no Alternate Request Syntax: send the request itself (CORS is supported)");
  }

  private static InvalidRequestException invalid(String field, String rule, String problem) {
    return new InvalidRequestException(
        field, rule, "Alternate Request Syntax: " + problem + " (" + SECTION + ")");
  }
}
