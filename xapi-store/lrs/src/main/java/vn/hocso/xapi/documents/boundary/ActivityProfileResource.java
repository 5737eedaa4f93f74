package vn.hocso.xapi.documents.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.Set;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.DocumentKind;

/** The Activity Profile resource (xAPI 2.0 Part 3 §2.7; 1.0.3 §7.5). */
@Path("activities/profile")
@RequestScoped
public class ActivityProfileResource extends DocumentResource {

  @Override
  protected DocumentKind kind() {
    return DocumentKind.ACTIVITY_PROFILE;
  }

  @Override
  protected Set<String> contextParameters() {
    return Set.of("activityId");
  }

  @Override
  protected DocumentContext context(DocumentParameters parameters) {
    return DocumentContext.activityProfile(parameters.activityId());
  }

  @Override
  protected void authorize(LrsClient client, boolean write) {
    client.requireProfile(write);
  }

  @Override
  protected String section() {
    return "xAPI 2.0 Part 3 §2.7";
  }
}
