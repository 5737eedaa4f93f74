package vn.hocso.xapi.statements.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.statements.entity.IndexKeys;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.validation.InvalidStatementException;
import vn.hocso.xapi.validation.StatementValidator;
import vn.hocso.xapi.version.XapiVersion;

/**
 * The query parameters of GET /statements (xAPI 2.0 Part 3 §2.1.3), checked one by one, and the
 * {@code more} token that carries a query, its fixed upper bound and the position reached, so the
 * next page is the same query continued whatever arrived since.
 */
public final class StatementQueryParameters {

  static final int MAX_LIMIT = 500;
  private static final String SECTION = "xAPI 2.0 Part 3 §2.1.3";
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final Set<String> QUERY =
      Set.of(
          "agent",
          "verb",
          "activity",
          "registration",
          "related_activities",
          "related_agents",
          "since",
          "until",
          "limit",
          "format",
          "attachments",
          "ascending");

  private final Map<String, String> values;
  private final StatementQuery query;
  private final String format;

  private StatementQueryParameters(
      Map<String, String> values, StatementQuery query, String format) {
    this.values = values;
    this.query = query;
    this.format = format;
  }

  /**
   * Parses a query's parameters (single-valued: a repeated one is a 400).
   *
   * @param boundMicros the consistent-through time: nothing stored later is returned
   * @param onlyAuthority the client key when it may read only its own statements
   */
  public static StatementQueryParameters parse(
      Map<String, List<String>> parameters,
      XapiVersion version,
      long boundMicros,
      Optional<String> onlyAuthority) {
    var values = new LinkedHashMap<String, String>();
    for (var entry : parameters.entrySet()) {
      if (!QUERY.contains(entry.getKey())) {
        throw bad(entry.getKey(), "parameter-known", "is not a parameter of a statements query");
      }
      if (entry.getValue().size() != 1) {
        throw bad(entry.getKey(), "parameter-single", "must be given once");
      }
      values.put(entry.getKey(), entry.getValue().get(0));
    }
    return of(values, version, boundMicros, Optional.empty(), onlyAuthority);
  }

  private static StatementQueryParameters of(
      Map<String, String> values,
      XapiVersion version,
      long boundMicros,
      Optional<StatementQuery.Position> after,
      Optional<String> onlyAuthority) {
    Optional<String> agentKey = Optional.empty();
    if (values.containsKey("agent")) {
      var agent = json(values.get("agent"), "agent");
      try {
        new StatementValidator(version).validateIdentifiedActor(agent, "agent");
      } catch (InvalidStatementException e) {
        throw new InvalidRequestException(e.field(), e.rule(), e.getMessage());
      }
      agentKey = IndexKeys.ofAgent(agent.asJsonObject());
    }
    var verb = Optional.ofNullable(values.get("verb")).map(v -> iri(v, "verb"));
    var activity = Optional.ofNullable(values.get("activity")).map(v -> iri(v, "activity"));
    var registration = Optional.ofNullable(values.get("registration"));
    if (registration.isPresent() && !UUID.matcher(registration.get()).matches()) {
      throw bad("registration", "is-uuid", "must be a UUID");
    }
    var format = values.getOrDefault("format", "exact");
    if (!Set.of("exact", "ids", "canonical").contains(format)) {
      throw bad("format", "format-known", "must be ids, exact or canonical");
    }
    bool(values, "attachments");
    int limit = limit(values.get("limit"));
    var query =
        new StatementQuery(
            agentKey,
            bool(values, "related_agents"),
            verb.map(IndexKeys::ofIri),
            activity.map(IndexKeys::ofIri),
            bool(values, "related_activities"),
            registration.map(String::toLowerCase),
            time(values.get("since"), "since"),
            time(values.get("until"), "until"),
            limit,
            bool(values, "ascending"),
            onlyAuthority,
            boundMicros,
            after);
    return new StatementQueryParameters(values, query, format);
  }

  /** Continues the query a {@code more} token carries (its bound and client restriction kept). */
  public static StatementQueryParameters continuing(
      String token, XapiVersion version, Optional<String> onlyAuthority) {
    JsonObject state;
    try {
      var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      try (var reader = Json.createReader(new StringReader(text))) {
        state = reader.readObject();
      }
    } catch (RuntimeException e) {
      throw bad("more", "more-token-valid", "is not a token this LRS gave");
    }
    try {
      var values = new LinkedHashMap<String, String>();
      for (var entry : state.getJsonObject("q").entrySet()) {
        values.put(entry.getKey(), ((JsonString) entry.getValue()).getString());
      }
      var after =
          new StatementQuery.Position(state.getJsonNumber("s").longValue(), state.getString("i"));
      return of(
          values, version, state.getJsonNumber("b").longValue(), Optional.of(after), onlyAuthority);
    } catch (ClassCastException | NullPointerException e) {
      throw bad("more", "more-token-valid", "is not a token this LRS gave");
    }
  }

  /** The token of the page after the one that ended at {@code last}. */
  public String moreToken(StatementQuery.Position last) {
    var q = Json.createObjectBuilder();
    values.forEach(q::add);
    var state =
        Json.createObjectBuilder()
            .add("q", q)
            .add("b", query.boundMicros())
            .add("s", last.storedMicros())
            .add("i", last.id())
            .build();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(state.toString().getBytes(StandardCharsets.UTF_8));
  }

  public StatementQuery query() {
    return query;
  }

  public String format() {
    return format;
  }

  /** Whether the answer carries the attachments' data (multipart/mixed). */
  public boolean attachments() {
    return bool(values, "attachments");
  }

  static int limit(String text) {
    if (text == null) {
      return MAX_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit < 0) {
        throw bad("limit", "limit-non-negative", "must be 0 or more");
      }
      return limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT); // 0: the server's maximum
    } catch (NumberFormatException e) {
      throw bad("limit", "limit-is-integer", "must be a whole number");
    }
  }

  static boolean bool(Map<String, String> values, String name) {
    var text = values.get(name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw bad(name, "is-boolean", "must be true or false");
  }

  static OptionalLong time(String text, String name) {
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Timestamps.parseMicros(text));
    } catch (RuntimeException e) {
      throw bad(name, "timestamp-is-iso-8601", "must be an ISO 8601 timestamp");
    }
  }

  private static String iri(String text, String name) {
    try {
      StatementValidator.validateIri(Json.createValue(text), name, SECTION);
    } catch (InvalidStatementException e) {
      throw bad(name, "is-iri", "must be an absolute IRI");
    }
    return text;
  }

  private static JsonValue json(String text, String name) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw bad(name, "is-json", "must be a JSON object");
    }
  }

  static InvalidRequestException bad(String name, String rule, String message) {
    return new InvalidRequestException(name, rule, name + ": " + message + " (" + SECTION + ")");
  }
}
