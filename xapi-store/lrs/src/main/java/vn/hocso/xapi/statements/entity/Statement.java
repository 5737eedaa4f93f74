package vn.hocso.xapi.statements.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.validation.StatementValidator;

/**
 * A statement accepted by the LRS: the JSON exactly as it will be answered, completed with what the
 * LRS sets (xAPI 2.0 Part 2 §2.4: id, stored, timestamp, version, authority), and the keys that
 * queries find it by. Built only from a statement that passed {@link StatementValidator}.
 */
public final class Statement {

  private final String id;
  private final long storedMicros;
  private final JsonObject json;
  private final String authorityKey;
  private final String verbKey;
  private final Optional<String> registration;
  private final Optional<String> voidingTarget;
  private final Optional<String> statementRef;
  private final Set<String> directAgents = new LinkedHashSet<>();
  private final Set<String> relatedAgents = new LinkedHashSet<>();
  private final Set<String> directActivities = new LinkedHashSet<>();
  private final Set<String> relatedActivities = new LinkedHashSet<>();
  private final List<JsonObject> definedActivities = new ArrayList<>();

  private Statement(JsonObject json, long storedMicros, String authorityKey) {
    this.json = json;
    this.storedMicros = storedMicros;
    this.authorityKey = authorityKey;
    this.id = json.getString("id").toLowerCase(Locale.ROOT);
    var verbId = json.getJsonObject("verb").getString("id");
    this.verbKey = IndexKeys.ofIri(verbId);
    var context = json.getJsonObject("context");
    this.registration =
        context != null && context.get("registration") instanceof JsonString r
            ? Optional.of(r.getString().toLowerCase(Locale.ROOT))
            : Optional.empty();
    this.voidingTarget =
        StatementValidator.VOIDED_VERB.equals(verbId)
            ? Optional.of(json.getJsonObject("object").getString("id").toLowerCase(Locale.ROOT))
            : Optional.empty();
    var object = json.getJsonObject("object");
    this.statementRef =
        "StatementRef".equals(object.getString("objectType", ""))
            ? Optional.of(object.getString("id").toLowerCase(Locale.ROOT))
            : Optional.empty();
    collectKeys(json, false);
    agent(json.get("authority"), relatedAgents);
  }

  /**
   * Completes a validated statement as the LRS stores it.
   *
   * @param submitted the statement as the client sent it, already validated
   * @param storedMicros when the LRS stores it (xAPI 2.0 Part 2 §2.4.8)
   * @param authority the authority of the client's credential (§2.4.9), replacing any sent
   * @param defaultVersion the version given to a statement without one (§2.4.10)
   * @param authorityKey the client key, for statements/read/mine
   */
  public static Statement accept(
      JsonObject submitted,
      long storedMicros,
      JsonObject authority,
      String defaultVersion,
      String authorityKey) {
    var stored = Timestamps.format(storedMicros);
    var completed = normalisedBuilder(submitted); // one copy of the statement, not two
    if (!submitted.containsKey("id")) {
      completed.add("id", UUID.randomUUID().toString());
    }
    if (!submitted.containsKey("timestamp")) {
      completed.add("timestamp", stored); // §2.4.7: the LRS sets it to stored when absent
    }
    if (!submitted.containsKey("version")) {
      completed.add("version", defaultVersion);
    }
    completed.add("stored", stored).add("authority", authority);
    return new Statement(completed.build(), storedMicros, authorityKey);
  }

  /** A statement as stored earlier, read back from storage. */
  public static Statement restore(JsonObject stored, long storedMicros, String authorityKey) {
    return new Statement(stored, storedMicros, authorityKey);
  }

  /**
   * Whether a statement submitted again under this id is the same one (xAPI 2.0 Part 2 §2.3.1,
   * statement comparison): what the LRS set (stored, authority, and timestamp or version when the
   * resubmission leaves them out) does not count, nor does JSON property order.
   */
  public boolean isSameAs(JsonObject resubmitted) {
    var mine = Json.createObjectBuilder(json).remove("stored").remove("authority");
    var theirs =
        Json.createObjectBuilder(normalised(resubmitted)).remove("stored").remove("authority");
    theirs.add("id", id);
    for (var settable : new String[] {"timestamp", "version"}) {
      if (!resubmitted.containsKey(settable)) {
        mine.remove(settable);
      }
    }
    return comparable(mine.build()).equals(comparable(theirs.build()));
  }

  /** Identifiers compare case-insensitively where the specification says they do (UUIDs). */
  private static JsonObject comparable(JsonObject statement) {
    return Json.createObjectBuilder(statement)
        .add("id", statement.getString("id").toLowerCase(Locale.ROOT))
        .build();
  }

  /**
   * Puts a lone context Activity into an array: 1.0.3 §4.1.6.2 accepts one, but the LRS returns
   * arrays.
   */
  private static JsonObject normalised(JsonObject statement) {
    return normalisedBuilder(statement).build();
  }

  /** A builder holding the statement normalised (replacing a member keeps its place). */
  private static JsonObjectBuilder normalisedBuilder(JsonObject statement) {
    var result = Json.createObjectBuilder(statement);
    var context = statement.get("context");
    if (context instanceof JsonObject contextObject) {
      var normalised = normalisedContext(contextObject);
      if (normalised != contextObject) {
        result.add("context", normalised);
      }
    }
    if (statement.get("object") instanceof JsonObject object
        && "SubStatement".equals(object.getString("objectType", ""))
        && object.get("context") instanceof JsonObject subContext) {
      var normalised = normalisedContext(subContext);
      if (normalised != subContext) {
        result.add("object", Json.createObjectBuilder(object).add("context", normalised));
      }
    }
    return result;
  }

  /** The context with each context activity in an array; the same object if all already are. */
  private static JsonObject normalisedContext(JsonObject context) {
    if (!(context.get("contextActivities") instanceof JsonObject activities)
        || activities.values().stream().allMatch(JsonArray.class::isInstance)) {
      return context;
    }
    JsonObjectBuilder arrays = Json.createObjectBuilder();
    for (var entry : activities.entrySet()) {
      arrays.add(
          entry.getKey(),
          entry.getValue() instanceof JsonArray
              ? entry.getValue()
              : Json.createArrayBuilder().add(entry.getValue()).build());
    }
    return Json.createObjectBuilder(context).add("contextActivities", arrays).build();
  }

  private void collectKeys(JsonObject statement, boolean insideSubStatement) {
    var direct = !insideSubStatement;
    agent(statement.get("actor"), direct ? directAgents : relatedAgents);
    var object = statement.getJsonObject("object");
    switch (object.getString("objectType", "Activity")) {
      case "Activity" -> {
        (direct ? directActivities : relatedActivities)
            .add(IndexKeys.ofIri(object.getString("id")));
        defined(object);
      }
      case "Agent", "Group" -> agent(object, direct ? directAgents : relatedAgents);
      case "SubStatement" -> collectKeys(object, true);
      default -> {}
    }
    if (statement.get("context") instanceof JsonObject context) {
      agent(context.get("instructor"), relatedAgents);
      agent(context.get("team"), relatedAgents);
      if (context.get("contextActivities") instanceof JsonObject activities) {
        for (var value : activities.values()) {
          var list =
              value instanceof JsonArray array
                  ? array
                  : Json.createArrayBuilder().add(value).build();
          for (var activity : list) {
            relatedActivities.add(IndexKeys.ofIri(activity.asJsonObject().getString("id")));
            defined(activity.asJsonObject());
          }
        }
      }
      for (var member : new String[] {"contextAgents", "contextGroups"}) {
        if (context.get(member) instanceof JsonArray list) {
          for (var item : list) {
            agent(
                item.asJsonObject().get(member.equals("contextAgents") ? "agent" : "group"),
                relatedAgents);
          }
        }
      }
    }
  }

  private void defined(JsonObject activity) {
    if (activity.get("definition") instanceof JsonObject) {
      definedActivities.add(activity);
    }
  }

  private static void agent(JsonValue value, Set<String> into) {
    if (value instanceof JsonObject agent) {
      IndexKeys.ofAgent(agent).ifPresent(into::add);
      if (agent.get("member") instanceof JsonArray members) {
        for (var member : members) {
          if (member instanceof JsonObject memberAgent) {
            IndexKeys.ofAgent(memberAgent).ifPresent(into::add);
          }
        }
      }
    }
  }

  public String id() {
    return id;
  }

  public long storedMicros() {
    return storedMicros;
  }

  /** The statement exactly as the LRS answers it (format=exact). */
  public JsonObject json() {
    return json;
  }

  public String authorityKey() {
    return authorityKey;
  }

  public String verbKey() {
    return verbKey;
  }

  public Optional<String> registration() {
    return registration;
  }

  /** The id of the statement this one voids, if it is a voiding statement (§2.3.2). */
  public Optional<String> voidingTarget() {
    return voidingTarget;
  }

  /**
   * The id of the statement this one's object refers to (a StatementRef, voiding or not), which
   * query filters follow (xAPI 2.0 Part 3 §2.1.3).
   */
  public Optional<String> statementRef() {
    return statementRef;
  }

  public boolean isVoiding() {
    return voidingTarget.isPresent();
  }

  /** Agents that are its actor or object: the `agent` filter (xAPI 2.0 Part 3 §2.1.3). */
  public Set<String> directAgents() {
    return Set.copyOf(directAgents);
  }

  /** Agents found only with related_agents=true (authority, instructor, team, sub-statement). */
  public Set<String> relatedAgents() {
    var only = new LinkedHashSet<>(relatedAgents);
    only.removeAll(directAgents);
    return only;
  }

  /**
   * The Activity Objects of this statement that carry a definition, in order: what the Activities
   * resource learns from it (xAPI 2.0 Part 3 §2.5).
   */
  public List<JsonObject> definedActivities() {
    return List.copyOf(definedActivities);
  }

  public Set<String> directActivities() {
    return Set.copyOf(directActivities);
  }

  public Set<String> relatedActivities() {
    var only = new LinkedHashSet<>(relatedActivities);
    only.removeAll(directActivities);
    return only;
  }
}
