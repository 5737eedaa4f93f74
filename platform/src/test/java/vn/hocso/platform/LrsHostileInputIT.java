package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the running LRS (issue 3, acceptance): malformed JSON, wrong types, invalid
 * IRIs and mboxes, huge bodies, broken multipart, wrong content types, and SQL or script injection
 * strings in every field. Each must get a 4xx (never a 2xx, never a 5xx) and leave the store as it
 * was; injection strings where free text is allowed are stored verbatim and harm nothing. Every
 * case is tried and all offenders are reported together.
 */
class LrsHostileInputIT {

  static final String SQL = "'; DROP TABLE lrs_statement; --";
  static final String SQL_OR = "' OR '1'='1";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";

  static PlatformProcess platform;
  // HTTP/1.1 as xAPI clients speak it; the JDK's default h2c upgrade breaks on an early 413.
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final String activity = "https://hocso.vn/xapi/activities/hostile/" + UUID.randomUUID();
  final Map<String, Integer> offenders = new LinkedHashMap<>();
  String newestBefore;

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  @BeforeEach
  void rememberTheStore() throws Exception {
    newestBefore = newestStatementId();
  }

  @AfterEach
  void nothingWasStoredAndNothingBroke() throws Exception {
    assertThat(offenders).as("requests not answered with a 4xx").isEmpty();
    assertThat(statementsAbout(activity)).as("statements stored from hostile requests").isZero();
    assertThat(newestStatementId()).as("newest statement").isEqualTo(newestBefore);
  }

  // ---- statements with one bad field each ----

  @Test
  void everyFieldWithAWrongTypeOrValueIsRefused() throws Exception {
    var cases = new ArrayList<Object[]>();
    bad(cases, "/id", "not-a-uuid", SQL, 42, true, JsonValue.NULL, List.of());
    bad(cases, "/actor", "lan", 1, List.of(), Map.of());
    bad(cases, "/actor/mbox", "lan@hocso.example", "mailto:" + SQL, "mailto:" + SCRIPT, 5, false);
    bad(cases, "/actor/objectType", "Robot", 1, SQL);
    bad(cases, "/actor/openid", "http://openid.example/lan"); // two identifiers
    bad(cases, "/actor/name", 7, List.of("Lan"));
    bad(cases, "/verb", "experienced", JsonValue.NULL, 3);
    bad(cases, "/verb/id", "experienced", SCRIPT, SQL_OR, 7, "");
    bad(cases, "/verb/display", "experienced", Map.of("not a tag!", "x"), Map.of("vi", 5));
    bad(cases, "/object/id", "not an iri", IMG, SQL, 9);
    bad(cases, "/object/objectType", "Thing", SQL);
    bad(cases, "/object/definition/type", "not an iri", SCRIPT);
    bad(cases, "/object/definition/name", "Bài 1", Map.of(SQL, "x"));
    bad(cases, "/object/definition/interactionType", "freeform", SQL);
    bad(cases, "/object/definition/extensions", Map.of(SQL, "x"), "x");
    bad(cases, "/result/score/scaled", 2, -1.5, "0.5", SQL);
    bad(cases, "/result/score/raw", "ten", 200); // raw above max
    bad(cases, "/result/success", "yes", 1);
    bad(cases, "/result/completion", "no");
    bad(cases, "/result/duration", "5 minutes", "PT", SQL, 300);
    bad(cases, "/result/response", 42, Map.of());
    bad(cases, "/context/registration", SQL, "123", 12);
    bad(cases, "/context/language", "not a tag!!", SCRIPT, 3);
    bad(cases, "/context/revision", 2);
    bad(cases, "/context/contextActivities/parent", "x", List.of(Map.of("id", SQL)));
    bad(cases, "/context/contextActivities/hacked", List.of(Map.of("id", activity)));
    bad(cases, "/context/extensions", Map.of("not an iri", 1));
    bad(cases, "/timestamp", "yesterday", "2026-13-45T99:99:99Z", SQL, 20260101);
    bad(cases, "/version", "9.9.9", SQL, 1);
    bad(cases, "/attachments", "x", List.of(Map.of("usageType", SQL)));
    bad(cases, "/hacked", "x", SQL);

    for (var badCase : cases) {
      var pointer = (String) badCase[0];
      var statement = with(base(), pointer, toJson(badCase[1]));
      var label = pointer + " = " + badCase[1];
      expect4xx("POST " + label, post("statements", "application/json", statement.toString()));
      var id = statement.get("id") instanceof jakarta.json.JsonString s ? s.getString() : null;
      if (id != null && id.matches("[0-9a-f-]{36}")) {
        expect4xx(
            "PUT " + label, put("statements?statementId=" + id, "application/json", statement));
      }
    }
  }

  // ---- bodies that are not JSON, or not a statement ----

  @Test
  void malformedBodiesAreRefused() throws Exception {
    var good = base().toString();
    var bodies = new LinkedHashMap<String, byte[]>();
    for (var text :
        List.of(
            "",
            "{",
            "{}{",
            good + "x",
            "[",
            "null",
            "\"statement\"",
            "[1, 2]",
            "{\"actor\":",
            "{'actor': 1}",
            "{\"id\": NaN}",
            good.replace("\"verb\"", "\"verb\":{},\"verb\""), // duplicate key
            "[" + good + ",]",
            "{\"a\":1,}")) {
      bodies.put(text.length() > 40 ? text.substring(0, 40) + "…" : text, utf8(text));
    }
    bodies.put("deeply nested arrays", utf8("[".repeat(100_000) + "]".repeat(100_000)));
    bodies.put("deeply nested objects", utf8("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)));
    var invalidUtf8 = utf8(good);
    invalidUtf8[invalidUtf8.length / 2] = (byte) 0xC3; // a lead byte without its continuation
    invalidUtf8[invalidUtf8.length / 2 + 1] = (byte) 0x28;
    bodies.put("invalid UTF-8", invalidUtf8);
    var goodThenBad = Json.createArrayBuilder().add(base()).add(with(base(), "/verb/id", "x"));
    bodies.put("a batch whose second statement is bad", utf8(goodThenBad.build().toString()));

    for (var body : bodies.entrySet()) {
      expect4xx("POST " + body.getKey(), post("statements", "application/json", body.getValue()));
    }
  }

  @Test
  void wrongContentTypesAndBrokenMultipartAreRefused() throws Exception {
    var good = base().toString();
    for (var type :
        List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "image/png",
            "application/json-patch+json; charset=x")) {
      expect4xx("POST as " + type, post("statements", type, utf8(good)));
    }
    var noType =
        http.send(
            authorised(platform.uri("/xapi/statements"))
                .POST(HttpRequest.BodyPublishers.ofString(good))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect4xx("POST without a content type", noType);

    var brokenMultipart =
        Map.of(
            "multipart/mixed without a boundary", new String[] {"multipart/mixed", good},
            "multipart/mixed with no parts",
                new String[] {"multipart/mixed; boundary=abc", "--abc--\r\n"},
            "multipart/mixed cut in the middle",
                new String[] {
                  "multipart/mixed; boundary=abc",
                  "--abc\r\nContent-Type: application/json\r\n\r\n" + good.substring(0, 30)
                },
            "multipart/mixed whose first part is not JSON",
                new String[] {
                  "multipart/mixed; boundary=abc",
                  "--abc\r\nContent-Type: text/plain\r\n\r\nhello\r\n--abc--\r\n"
                });
    for (var broken : brokenMultipart.entrySet()) {
      expect4xx(
          "POST " + broken.getKey(),
          post("statements", broken.getValue()[0], utf8(broken.getValue()[1])));
    }
  }

  @Test
  void hugeBodiesAre413() throws Exception {
    var huge = new byte[5 * 1024 * 1024]; // over the 4 MiB default of LRS_REQUEST_MAX_BYTES
    java.util.Arrays.fill(huge, (byte) ' ');
    var announced = post("statements", "application/json", huge);
    assertThat(announced.statusCode()).as("with Content-Length").isEqualTo(413);
    var chunked =
        http.send(
            authorised(platform.uri("/xapi/statements"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("chunked, no Content-Length").isEqualTo(413);
    var document =
        http.send(
            authorised(
                    platform.uri(
                        "/xapi/activities/state?activityId="
                            + encode(activity)
                            + "&agent="
                            + encode("{\"mbox\":\"mailto:lan@hocso.example\"}")
                            + "&stateId=huge"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(document.statusCode()).as("state document").isEqualTo(413);
  }

  // ---- queries and headers ----

  @Test
  void hostileQueryParametersAndHeadersAreRefused() throws Exception {
    for (var query :
        List.of(
            "agent=" + encode(SQL),
            "agent=" + encode("{\"mbox\":\"" + SQL + "\"}"),
            "verb=" + encode(SQL_OR),
            "activity=" + encode(SCRIPT),
            "registration=" + encode(SQL),
            "since=yesterday",
            "until=" + encode(SQL),
            "limit=-1",
            "limit=abc",
            "format=xml",
            "ascending=maybe",
            "statementId=" + encode(SQL_OR),
            "statementId=" + UUID.randomUUID() + "&voidedStatementId=" + UUID.randomUUID(),
            "hacked=" + encode(SQL))) {
      expect4xx("GET statements?" + query, get("statements?" + query));
    }
    for (var query :
        List.of(
            "activities?activityId=" + encode(SQL),
            "activities/state?activityId=" + encode(activity) + "&agent=" + encode(SQL),
            "activities/state?activityId=" + encode(SQL) + "&agent=" + encode("{}"),
            "activities/profile?activityId=" + encode(SCRIPT) + "&profileId=x",
            "agents?agent=" + encode(SQL_OR),
            "agents/profile?agent=" + encode("{\"mbox\":1}") + "&profileId=x")) {
      expect4xx("GET " + query, get(query));
    }
    var badVersion =
        http.send(
            HttpRequest.newBuilder(platform.uri("/xapi/statements?limit=1"))
                .header("Authorization", authorization())
                .header("X-Experience-API-Version", "2.0.0'; DROP TABLE lrs_statement; --")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect4xx("version header with SQL", badVersion);
    for (var authorization :
        List.of("Basic " + SQL, "Basic " + base64(SQL_OR + ":" + SQL), "Bearer " + SCRIPT)) {
      var response =
          http.send(
              HttpRequest.newBuilder(platform.uri("/xapi/statements?limit=1"))
                  .header("Authorization", authorization)
                  .header("X-Experience-API-Version", "2.0.0")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      expect4xx("Authorization " + authorization, response);
    }
  }

  // ---- free text may hold anything, and is kept exactly ----

  @Test
  void injectionStringsInFreeTextAreStoredVerbatim() throws Exception {
    var elsewhere = "https://hocso.vn/xapi/activities/free-text/" + UUID.randomUUID();
    var statement =
        with(
            with(
                with(
                    with(with(base(), "/object/id", elsewhere), "/actor/name", SQL),
                    "/verb/display",
                    Json.createObjectBuilder().add("vi", SCRIPT).build()),
                "/object/definition/description",
                Json.createObjectBuilder().add("vi", IMG).add("en-US", SQL_OR).build()),
            "/result/response",
            SQL + SCRIPT);
    var id = statement.getString("id");
    var stored = put("statements?statementId=" + id, "application/json", statement);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);

    var back = json(get("statements?statementId=" + id + "&format=exact").body());
    assertThat(back.getJsonObject("actor").getString("name")).isEqualTo(SQL);
    assertThat(back.getJsonObject("verb").getJsonObject("display").getString("vi"))
        .isEqualTo(SCRIPT);
    assertThat(back.getJsonObject("result").getString("response")).isEqualTo(SQL + SCRIPT);
    assertThat(
            back.getJsonObject("object")
                .getJsonObject("definition")
                .getJsonObject("description")
                .getString("en-US"))
        .isEqualTo(SQL_OR);
    // The tables are all still there and this is the one statement written.
    assertThat(statementsAbout(elsewhere)).isEqualTo(1);
    assertThat(newestStatementId()).isEqualTo(id);
    newestBefore = id;
  }

  // ---- helpers ----

  /** A valid statement with every part a mutation may replace. */
  JsonObject base() {
    return json(
        """
        {"id": "%s",
         "actor": {"objectType": "Agent", "name": "Lan", "mbox": "mailto:lan@hocso.example"},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"vi": "đã trả lời"}},
         "object": {"objectType": "Activity", "id": "%s",
                    "definition": {"type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                                   "name": {"vi": "Câu 1"},
                                   "interactionType": "true-false",
                                   "correctResponsesPattern": ["true"],
                                   "extensions": {"https://hocso.vn/xapi/ext/level": 1}}},
         "result": {"score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10},
                    "success": true, "completion": true, "duration": "PT5M", "response": "true"},
         "context": {"registration": "%s", "language": "vi",
                     "contextActivities": {"parent": [{"id": "https://hocso.vn/xapi/activities/c"}]},
                     "extensions": {"https://hocso.vn/xapi/ext/unit": "00004"}},
         "timestamp": "2026-11-28T03:00:00Z",
         "version": "2.0.0"}"""
            .formatted(UUID.randomUUID(), activity, UUID.randomUUID()));
  }

  static void bad(List<Object[]> cases, String pointer, Object... values) {
    for (var value : values) {
      cases.add(new Object[] {pointer, value});
    }
  }

  static JsonObject with(JsonObject statement, String pointer, Object value) {
    var json = toJson(value);
    var target = Json.createPointer(pointer);
    return target.containsValue(statement)
        ? target.replace(statement, json)
        : target.add(statement, json);
  }

  static JsonValue toJson(Object value) {
    if (value instanceof JsonValue json) {
      return json;
    }
    return Json.createArrayBuilder(List.of(value)).build().get(0);
  }

  void expect4xx(String label, HttpResponse<String> response) {
    var status = response.statusCode();
    if (status < 400 || status > 499) {
      offenders.put(label + " → " + response.body(), status);
    }
  }

  String newestStatementId() throws Exception {
    var page = json(get("statements?limit=1").body());
    var statements = page.getJsonArray("statements");
    return statements.isEmpty() ? "" : statements.getJsonObject(0).getString("id");
  }

  int statementsAbout(String activityId) throws Exception {
    var page =
        json(
            get("statements?limit=100&related_activities=true&activity=" + encode(activityId))
                .body());
    return page.getJsonArray("statements").size();
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        authorised(platform.uri("/xapi/" + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return post(path, contentType, utf8(body));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(
        authorised(platform.uri("/xapi/" + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String contentType, JsonObject body) throws Exception {
    return http.send(
        authorised(platform.uri("/xapi/" + path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder authorised(java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", authorization())
        .header("X-Experience-API-Version", "2.0.0");
  }

  static String authorization() {
    return "Basic " + base64(SharedPlatform.LRS_KEY + ":" + SharedPlatform.LRS_SECRET);
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(utf8(text));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
