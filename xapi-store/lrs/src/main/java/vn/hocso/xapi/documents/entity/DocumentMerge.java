package vn.hocso.xapi.documents.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.platform.RequestBodies;

/**
 * The JSON merge of a POST to a document resource (xAPI 2.0 Part 3 §2.2, 1.0.3 §7.3 "JSON Procedure
 * with Requirements"): both documents must be JSON objects of type application/json; the posted
 * object's top-level properties replace the stored ones (one level deep: a nested object is
 * replaced whole, not merged); without a stored document the posted one is stored.
 */
public final class DocumentMerge {

  private static final String SECTION = "xAPI 2.0 Part 3 §2.2";

  private DocumentMerge() {}

  /** The merged content, as UTF-8 JSON bytes. */
  public static byte[] merge(Optional<Document> stored, byte[] posted, String postedType) {
    if (!Document.isJsonType(postedType)) {
      throw new InvalidRequestException(
          "Content-Type",
          "merge-json-only",
          "A POST to a document resource merges JSON: its Content-Type must be application/json ("
              + SECTION
              + ")");
    }
    var update = object(posted, "body", "the posted document");
    if (stored.isEmpty()) {
      return update.toString().getBytes(StandardCharsets.UTF_8);
    }
    if (!stored.get().isJson()) {
      throw new InvalidRequestException(
          "Content-Type",
          "merge-stored-json-only",
          "The stored document is not application/json, so a POST cannot merge into it; PUT"
              + " replaces it ("
              + SECTION
              + ")");
    }
    var existing = object(stored.get().content(), "document", "the stored document");
    var merged = Json.createObjectBuilder(existing);
    update.forEach(merged::add);
    return merged.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject object(byte[] content, String field, String what) {
    JsonValue value;
    try {
      value = RequestBodies.parseJson(new String(content, StandardCharsets.UTF_8));
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(
          field, "merge-json-object", what + " is not valid JSON (" + SECTION + ")");
    }
    if (!(value instanceof JsonObject object)) {
      throw new InvalidRequestException(
          field, "merge-json-object", what + " is not a JSON object (" + SECTION + ")");
    }
    return object;
  }
}
