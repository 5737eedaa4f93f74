package vn.hocso.xapi.agents.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import vn.hocso.xapi.auth.boundary.BasicAuthenticationFilter;
import vn.hocso.xapi.documents.boundary.DocumentParameters;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.version.XapiVersion;

/** The Agents resource (xAPI 2.0 Part 3 §2.4): GET answers the Person Object of an agent. */
@Path("agents")
@RequestScoped
public class AgentsResource {

  static final String SECTION = "xAPI 2.0 Part 3 §2.4";

  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @GET
  public Response get() {
    var parameters =
        DocumentParameters.read(
            uri.getQueryParameters(),
            Set.of("agent"),
            XapiVersion.negotiate(headers.getHeaderString(XapiVersion.HEADER)),
            SECTION);
    BasicAuthenticationFilter.clientOf(security).requireDefinitionRead();
    return Response.ok(person(parameters.agent()).toString(), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /**
   * The Person Object (§2.4.1.1): objectType Person and each identifier property as an array. Only
   * the properties the agent has are given (all of them are optional).
   */
  static JsonObject person(JsonObject agent) {
    var person = Json.createObjectBuilder().add("objectType", "Person");
    if (agent.get("name") instanceof JsonString name) {
      person.add("name", Json.createArrayBuilder().add(name));
    }
    for (var key : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
      if (agent.containsKey(key)) {
        person.add(key, Json.createArrayBuilder().add(agent.get(key)));
      }
    }
    return person.build();
  }
}
