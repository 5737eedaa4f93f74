package vn.hocso.xapi.documents.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.Set;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.DocumentKind;

/**
 * The State resource (xAPI 2.0 Part 3 §2.3; 1.0.3 §7.4): documents of one agent in one activity,
 * optionally within one registration.
 */
@Path("activities/state")
@RequestScoped
public class StateResource extends DocumentResource {

  @Override
  protected DocumentKind kind() {
    return DocumentKind.STATE;
  }

  @Override
  protected Set<String> contextParameters() {
    return Set.of("activityId", "agent", "registration");
  }

  @Override
  protected DocumentContext context(DocumentParameters parameters) {
    return DocumentContext.state(
        parameters.activityId(), parameters.agent(), parameters.registration());
  }

  @Override
  protected void authorize(LrsClient client, boolean write) {
    client.requireState(write);
  }

  @Override
  protected String section() {
    return "xAPI 2.0 Part 3 §2.3";
  }
}
