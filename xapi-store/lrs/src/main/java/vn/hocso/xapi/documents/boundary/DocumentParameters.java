package vn.hocso.xapi.documents.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.platform.RequestBodies;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.validation.StatementValidator;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The query parameters of the document, Agents and Activities resources, read strictly: each known
 * and given once, the required ones present, each in its format (xAPI 2.0 Part 3 §2.3–2.7 tables;
 * 400 otherwise).
 */
public final class DocumentParameters {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final XapiVersion version;
  private final String section;

  private DocumentParameters(XapiVersion version, String section) {
    this.version = version;
    this.section = section;
  }

  /** Reads the request's parameters, all among {@code allowed}. */
  public static DocumentParameters read(
      MultivaluedMap<String, String> query,
      Set<String> allowed,
      XapiVersion version,
      String section) {
    var parameters = new DocumentParameters(version, section);
    for (var entry : query.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw parameters.bad(
            entry.getKey(), "parameter-known", "is not a parameter of this resource");
      }
      if (entry.getValue().size() != 1) {
        throw parameters.bad(entry.getKey(), "parameter-single", "must be given once");
      }
      parameters.values.put(entry.getKey(), entry.getValue().get(0));
    }
    return parameters;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String required(String name) {
    var value = values.get(name);
    if (value == null) {
      throw bad(name, "parameter-required", "is required");
    }
    return value;
  }

  /** A required Activity id: an absolute IRI. */
  public String activityId() {
    var text = required("activityId");
    StatementValidator.validateIri(Json.createValue(text), "activityId", section);
    return text;
  }

  /** A required Agent, given as JSON, carrying an inverse functional identifier. */
  public JsonObject agent() {
    var text = required("agent");
    jakarta.json.JsonValue value;
    try {
      value = RequestBodies.parseJson(text);
    } catch (InvalidRequestException e) {
      throw bad("agent", "agent-json", "must be an Agent as JSON");
    }
    new StatementValidator(version).validateIdentifiedActor(value, "agent");
    return value.asJsonObject();
  }

  /** An optional registration: a UUID. */
  public Optional<String> registration() {
    var registration = optional("registration");
    registration.ifPresent(
        text -> {
          if (!UUID.matcher(text).matches()) {
            throw bad("registration", "is-uuid", "must be a UUID");
          }
        });
    return registration;
  }

  /** An optional {@code since}: a timestamp, as epoch microseconds. */
  public OptionalLong since() {
    var since = optional("since");
    if (since.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Timestamps.parseMicros(since.get()));
    } catch (RuntimeException e) {
      throw bad("since", "is-timestamp", "must be an ISO 8601 timestamp");
    }
  }

  InvalidRequestException bad(String name, String rule, String message) {
    return new InvalidRequestException(name, rule, name + ": " + message + " (" + section + ")");
  }
}
