package vn.hocso.xapi.documents.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.Set;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.DocumentKind;

/** The Agent Profile resource (xAPI 2.0 Part 3 §2.6; 1.0.3 §7.6). */
@Path("agents/profile")
@RequestScoped
public class AgentProfileResource extends DocumentResource {

  @Override
  protected DocumentKind kind() {
    return DocumentKind.AGENT_PROFILE;
  }

  @Override
  protected Set<String> contextParameters() {
    return Set.of("agent");
  }

  @Override
  protected DocumentContext context(DocumentParameters parameters) {
    return DocumentContext.agentProfile(parameters.agent());
  }

  @Override
  protected void authorize(LrsClient client, boolean write) {
    client.requireProfile(write);
  }

  @Override
  protected String section() {
    return "xAPI 2.0 Part 3 §2.6";
  }
}
