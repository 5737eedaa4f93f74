package vn.hocso.xapi.statements.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;

/**
 * The {@code format} of statements in a GET (xAPI 2.0 Part 3 §2.1.3): {@code exact} and {@code
 * canonical} answer the statement as stored (we keep one language map as sent); {@code ids} keeps
 * only the identifiers of agents, groups, activities and verbs.
 */
final class StatementFormat {

  private static final Set<String> AGENT_IDS =
      Set.of("objectType", "mbox", "mbox_sha1sum", "openid", "account");

  private StatementFormat() {}

  static String apply(String format, String storedJson) {
    if (!format.equals("ids")) {
      return storedJson;
    }
    try (var reader = Json.createReader(new StringReader(storedJson))) {
      return ids(reader.readObject()).toString();
    }
  }

  private static JsonObject ids(JsonObject statement) {
    var result = Json.createObjectBuilder(statement);
    result.add("actor", agent(statement.getJsonObject("actor")));
    result.add(
        "verb",
        Json.createObjectBuilder().add("id", statement.getJsonObject("verb").getString("id")));
    result.add("object", object(statement.getJsonObject("object")));
    if (statement.get("authority") instanceof JsonObject authority) {
      result.add("authority", agent(authority));
    }
    if (statement.get("context") instanceof JsonObject context) {
      result.add("context", context(context));
    }
    return result.build();
  }

  private static JsonValue object(JsonObject object) {
    return switch (object.getString("objectType", "Activity")) {
      case "Activity" -> Json.createObjectBuilder().add("id", object.getString("id")).build();
      case "Agent", "Group" -> agent(object);
      case "SubStatement" -> ids(object);
      default -> object;
    };
  }

  private static JsonObject context(JsonObject context) {
    JsonObjectBuilder result = Json.createObjectBuilder(context);
    for (var member : new String[] {"instructor", "team"}) {
      if (context.get(member) instanceof JsonObject agent) {
        result.add(member, agent(agent));
      }
    }
    if (context.get("contextActivities") instanceof JsonObject activities) {
      var lists = Json.createObjectBuilder();
      for (var entry : activities.entrySet()) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (var activity : (JsonArray) entry.getValue()) {
          list.add(object(activity.asJsonObject()));
        }
        lists.add(entry.getKey(), list);
      }
      result.add("contextActivities", lists);
    }
    return result.build();
  }

  private static JsonObject agent(JsonObject agent) {
    var result = Json.createObjectBuilder();
    for (var entry : agent.entrySet()) {
      if (AGENT_IDS.contains(entry.getKey())) {
        result.add(entry.getKey(), entry.getValue());
      }
    }
    if (agent.get("member") instanceof JsonArray members) {
      var ids = Json.createArrayBuilder();
      for (var member : members) {
        ids.add(agent(member.asJsonObject()));
      }
      result.add("member", ids);
    }
    return result.build();
  }
}
