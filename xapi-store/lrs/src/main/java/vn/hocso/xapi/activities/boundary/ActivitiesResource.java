package vn.hocso.xapi.activities.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import vn.hocso.xapi.activities.entity.CanonicalActivity;
import vn.hocso.xapi.activities.storage.JdbcActivityStore;
import vn.hocso.xapi.auth.boundary.BasicAuthenticationFilter;
import vn.hocso.xapi.documents.boundary.DocumentParameters;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The Activities resource (xAPI 2.0 Part 3 §2.5): the canonical Activity Object of an id, and an
 * Activity Object with only the id for an activity no statement defined ("the LRS shall still
 * return an Activity Object").
 */
@Path("activities")
@RequestScoped
public class ActivitiesResource {

  @Inject JdbcActivityStore activities;

  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @GET
  public Response get() {
    var parameters =
        DocumentParameters.read(
            uri.getQueryParameters(),
            Set.of("activityId"),
            XapiVersion.negotiate(headers.getHeaderString(XapiVersion.HEADER)),
            "xAPI 2.0 Part 3 §2.5");
    BasicAuthenticationFilter.clientOf(security).requireDefinitionRead();
    var id = parameters.activityId();
    var activity = activities.find(id).orElseGet(() -> CanonicalActivity.unknown(id));
    return Response.ok(activity.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
