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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 at once when a request announces a body over lrs.request.max-bytes; bodies without a
 * length are cut off while they are read ({@link RequestBodies}).
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestSizeFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "lrs.request.max-bytes", defaultValue = "4194304")
  long maxRequestBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    try {
      if (Long.parseLong(length.trim()) > maxRequestBytes) {
        throw new RequestTooLargeException(maxRequestBytes);
      }
    } catch (NumberFormatException malformed) {
      throw new InvalidRequestException(
          HttpHeaders.CONTENT_LENGTH, "content-length-number", "Content-Length must be a number");
    }
  }
}
