package vn.hocso.xapi.documents.entity;

import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.hocso.xapi.statements.entity.IndexKeys;

/**
 * Where documents live: the kind, the activity and/or agent they belong to, and for State an
 * optional registration. Documents are named by id within a context. Keys are SHA-256 hex, so IRIs
 * and agents of any length fit one index column.
 *
 * @param contextKey the key of the activity and agent, without registration: ids and DELETE without
 *     a registration range over every registration (xAPI 2.0 Part 3 §2.3: "Activity + Agent [+
 *     registration if specified]")
 */
public record DocumentContext(DocumentKind kind, String contextKey, Optional<String> registration) {

  public DocumentContext {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(contextKey);
    registration = registration.map(r -> r.toLowerCase(Locale.ROOT));
  }

  /** The state of an agent in an activity, optionally within one registration. */
  public static DocumentContext state(
      String activityId, JsonObject agent, Optional<String> registration) {
    return new DocumentContext(
        DocumentKind.STATE,
        IndexKeys.sha256("state\n" + activityId + "\n" + agentKey(agent)),
        registration);
  }

  public static DocumentContext activityProfile(String activityId) {
    return new DocumentContext(
        DocumentKind.ACTIVITY_PROFILE,
        IndexKeys.sha256("activity-profile\n" + activityId),
        Optional.empty());
  }

  public static DocumentContext agentProfile(JsonObject agent) {
    return new DocumentContext(
        DocumentKind.AGENT_PROFILE,
        IndexKeys.sha256("agent-profile\n" + agentKey(agent)),
        Optional.empty());
  }

  /** The key of one document of this context. */
  public String documentKey(String documentId) {
    return IndexKeys.sha256(contextKey + "\n" + registration.orElse("") + "\n" + documentId);
  }

  private static String agentKey(JsonObject agent) {
    return IndexKeys.ofAgent(agent)
        .orElseThrow(() -> new IllegalArgumentException("The agent has no identifier"));
  }
}
