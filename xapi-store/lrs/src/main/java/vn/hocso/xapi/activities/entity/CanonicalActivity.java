package vn.hocso.xapi.activities.entity;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import vn.hocso.xapi.platform.Json;

/**
 * The Activity Object the LRS answers for an id (xAPI 2.0 Part 3 §2.5): "all available information
 * about an activity from any statements who target the same activityId". A later definition
 * replaces each property it gives; language maps (name, description) and extensions are merged
 * entry by entry, so descriptions in several languages from several statements are all kept.
 */
public final class CanonicalActivity {

  private static final Set<String> MERGED_MAPS = Set.of("name", "description", "extensions");

  private CanonicalActivity() {}

  /** What the LRS answers for an activity it has no definition of: still an Activity Object. */
  public static JsonObject unknown(String activityId) {
    return Json.createObjectBuilder().add("objectType", "Activity").add("id", activityId).build();
  }

  /**
   * The canonical activity after a statement showed {@code seen}.
   *
   * @param previous the canonical activity so far, if any
   * @param seen an Activity Object from a statement
   */
  public static JsonObject merge(Optional<JsonObject> previous, JsonObject seen) {
    var id = seen.getString("id");
    var definition =
        Json.createObjectBuilder(
            previous.map(p -> p.getJsonObject("definition")).orElse(JsonObject.EMPTY_JSON_OBJECT));
    var before =
        previous.map(p -> p.getJsonObject("definition")).orElse(JsonObject.EMPTY_JSON_OBJECT);
    if (seen.get("definition") instanceof JsonObject given) {
      for (var entry : given.entrySet()) {
        if (MERGED_MAPS.contains(entry.getKey())
            && entry.getValue() instanceof JsonObject map
            && before.get(entry.getKey()) instanceof JsonObject old) {
          var merged = Json.createObjectBuilder(old);
          map.forEach(merged::add);
          definition.add(entry.getKey(), merged);
        } else {
          definition.add(entry.getKey(), entry.getValue());
        }
      }
    }
    var result = Json.createObjectBuilder().add("objectType", "Activity").add("id", id);
    var built = definition.build();
    if (!built.isEmpty()) {
      result.add("definition", built);
    }
    return result.build();
  }
}
