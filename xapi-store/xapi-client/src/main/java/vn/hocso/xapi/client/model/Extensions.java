package vn.hocso.xapi.client.model;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Extensions: any JSON value under an IRI key (xAPI 2.0 Part 2 §4.1). Values are kept as JSON-P
 * values, untouched, so extensions this code knows nothing of survive a round trip.
 */
public record Extensions(Map<String, JsonValue> values) {

  public static final Extensions EMPTY = new Extensions(Map.of());

  public Extensions {
    var copy = new LinkedHashMap<String, JsonValue>();
    for (var entry : values.entrySet()) {
      var key = entry.getKey();
      if (key == null || !isIri(key)) {
        throw Rules.fail(
            String.valueOf(key),
            "extension-key-is-iri",
            "extension keys must be IRIs",
            Rules.EXTENSIONS);
      }
      copy.put(key, Rules.required(entry.getValue(), key, Rules.EXTENSIONS));
    }
    values = Collections.unmodifiableMap(copy);
  }

  private static boolean isIri(String key) {
    try {
      Rules.iri(key, key, Rules.EXTENSIONS);
      return true;
    } catch (InvalidStatementException e) {
      return false;
    }
  }

  public static Extensions of(String iri, JsonValue value) {
    return new Extensions(Map.of(iri, value));
  }

  /** These extensions with one more (or a replaced) value. */
  public Extensions with(String iri, JsonValue value) {
    var map = new LinkedHashMap<>(values);
    map.put(iri, value);
    return new Extensions(map);
  }

  public Optional<JsonValue> get(String iri) {
    return Optional.ofNullable(values.get(iri));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
