package vn.hocso.xapi.statements.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Date;
import vn.hocso.xapi.statements.control.StoredClock;
import vn.hocso.xapi.statements.entity.Timestamps;

/**
 * Headers every statements GET answers with, errors included: X-Experience-API-Consistent-Through
 * (xAPI 2.0 Part 3 §2.1.3, "regardless of the code returned"), and Date, against which clients
 * measure how far behind the LRS is.
 */
@Provider
@ApplicationScoped
public class StatementResponseHeaders implements ContainerResponseFilter {

  @Inject StoredClock clock;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    if (!headers.containsKey(HttpHeaders.DATE)) {
      headers.putSingle(HttpHeaders.DATE, new Date());
    }
    var path = request.getUriInfo().getPath();
    var isStatements = path.equals("statements") || path.equals("/statements");
    var isRead = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (isStatements && isRead && !headers.containsKey(StatementsResource.CONSISTENT_THROUGH)) {
      headers.putSingle(
          StatementsResource.CONSISTENT_THROUGH, Timestamps.format(clock.consistentThrough()));
    }
  }
}
