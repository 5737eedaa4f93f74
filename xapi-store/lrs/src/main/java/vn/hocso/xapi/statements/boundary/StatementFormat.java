package vn.hocso.xapi.statements.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.hocso.xapi.platform.Json;

/**
 * The {@code format} of statements in a GET (xAPI 2.0 Part 3 §2.1.3): {@code exact} answers the
 * statement as stored; {@code canonical} keeps one language of every language map, the best match
 * of the request's Accept-Language (else the first language given), from the statement's own
 * definitions; {@code ids} keeps only the identifiers of agents, groups, activities and verbs.
 */
final class StatementFormat {

  private static final Set<String> AGENT_IDS =
      Set.of("objectType", "mbox", "mbox_sha1sum", "openid", "account");

  private StatementFormat() {}

  static String apply(String format, String storedJson, List<Locale.LanguageRange> languages) {
    if (format.equals("exact")) {
      return storedJson;
    }
    try (var reader = Json.createReader(new StringReader(storedJson))) {
      var statement = reader.readObject();
      return format.equals("ids")
          ? ids(statement).toString()
          : new Canonical(languages).statement(statement).toString();
    }
  }

  /** The language ranges of an Accept-Language header, best first; none if absent or malformed. */
  static List<Locale.LanguageRange> languages(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException malformed) {
      return List.of(); // a header we cannot read only loses the preference
    }
  }

  /** Language maps reduced to one language (xAPI 2.0 Part 3 §2.1.3, format=canonical). */
  private record Canonical(List<Locale.LanguageRange> languages) {

    private static final Set<String> DEFINITION_MAPS = Set.of("name", "description");
    private static final Set<String> COMPONENT_LISTS =
        Set.of("choices", "scale", "source", "target", "steps");

    JsonObject statement(JsonObject statement) {
      var result = Json.createObjectBuilder(statement);
      if (statement.get("verb") instanceof JsonObject verb) {
        result.add("verb", mapsIn(verb, Set.of("display")));
      }
      if (statement.get("object") instanceof JsonObject object) {
        result.add(
            "object",
            "SubStatement".equals(object.getString("objectType", ""))
                ? statement(object)
                : activity(object));
      }
      if (statement.get("context") instanceof JsonObject context
          && context.get("contextActivities") instanceof JsonObject activities) {
        var lists = Json.createObjectBuilder();
        for (var entry : activities.entrySet()) {
          var list = Json.createArrayBuilder();
          for (var activity : (JsonArray) entry.getValue()) {
            list.add(activity(activity.asJsonObject()));
          }
          lists.add(entry.getKey(), list);
        }
        result.add("context", Json.createObjectBuilder(context).add("contextActivities", lists));
      }
      if (statement.get("attachments") instanceof JsonArray attachments) {
        var list = Json.createArrayBuilder();
        for (var attachment : attachments) {
          list.add(mapsIn(attachment.asJsonObject(), Set.of("display", "description")));
        }
        result.add("attachments", list);
      }
      return result.build();
    }

    private JsonObject activity(JsonObject activity) {
      if (!(activity.get("definition") instanceof JsonObject definition)) {
        return activity;
      }
      var result = Json.createObjectBuilder(mapsIn(definition, DEFINITION_MAPS));
      for (var name : COMPONENT_LISTS) {
        if (definition.get(name) instanceof JsonArray components) {
          var list = Json.createArrayBuilder();
          for (var component : components) {
            list.add(mapsIn(component.asJsonObject(), Set.of("description")));
          }
          result.add(name, list);
        }
      }
      return Json.createObjectBuilder(activity).add("definition", result).build();
    }

    private JsonObject mapsIn(JsonObject object, Set<String> names) {
      var result = Json.createObjectBuilder(object);
      for (var name : names) {
        if (object.get(name) instanceof JsonObject map && map.size() > 1) {
          var chosen = choose(map);
          result.add(name, Json.createObjectBuilder().add(chosen, map.get(chosen)));
        }
      }
      return result.build();
    }

    /**
     * The language of a map for the most preferred range that any of its tags fits: the tag itself,
     * a more specific tag (vi → vi-VN, RFC 4647 filtering) or a less specific one (en-GB → en,
     * lookup); the map's first language when none fits.
     */
    private String choose(JsonObject map) {
      var tags = new java.util.ArrayList<>(map.keySet());
      for (var range : languages) {
        if (range.getWeight() == 0) {
          continue;
        }
        var wanted = range.getRange();
        if (wanted.equals("*")) {
          return tags.get(0);
        }
        var fitting = Locale.filterTags(List.of(range), tags);
        if (fitting.isEmpty()) {
          var looked = Locale.lookupTag(List.of(range), tags);
          fitting = looked == null ? List.of() : List.of(looked);
        }
        for (var fit : fitting) {
          for (var tag : tags) {
            if (tag.equalsIgnoreCase(fit)) {
              return tag;
            }
          }
        }
      }
      return tags.get(0);
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
