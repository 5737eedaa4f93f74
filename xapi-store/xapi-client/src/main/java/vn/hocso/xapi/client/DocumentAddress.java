package vn.hocso.xapi.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.XapiJson;

/**
 * Where a document lives: the resource and the parameters that name it (xAPI 2.0 Part 3 §2.3 to
 * §2.6). Without its own id ({@code stateId} / {@code profileId}) it names the collection, whose
 * ids {@link XapiClient#documentIds} lists.
 */
public record DocumentAddress(String resource, Map<String, String> parameters, String idName) {

  public DocumentAddress {
    Objects.requireNonNull(resource);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * A state document: what an activity keeps for one learner (and registration).
   *
   * @param registration the enrolment, or null
   * @param stateId the document's id, or null for the collection
   */
  public static DocumentAddress state(
      String activityId, Agent agent, UUID registration, String stateId) {
    var p = new LinkedHashMap<String, String>();
    p.put("activityId", Objects.requireNonNull(activityId));
    p.put("agent", XapiJson.write(agent).toString());
    if (registration != null) {
      p.put("registration", registration.toString());
    }
    if (stateId != null) {
      p.put("stateId", stateId);
    }
    return new DocumentAddress("activities/state", p, "stateId");
  }

  /** An activity profile document, or with a null profileId the collection. */
  public static DocumentAddress activityProfile(String activityId, String profileId) {
    var p = new LinkedHashMap<String, String>();
    p.put("activityId", Objects.requireNonNull(activityId));
    if (profileId != null) {
      p.put("profileId", profileId);
    }
    return new DocumentAddress("activities/profile", p, "profileId");
  }

  /** An agent profile document, or with a null profileId the collection. */
  public static DocumentAddress agentProfile(Agent agent, String profileId) {
    var p = new LinkedHashMap<String, String>();
    p.put("agent", XapiJson.write(agent).toString());
    if (profileId != null) {
      p.put("profileId", profileId);
    }
    return new DocumentAddress("agents/profile", p, "profileId");
  }

  /** Whether this names one document rather than a collection. */
  public boolean isSingle() {
    return parameters.containsKey(idName);
  }
}
