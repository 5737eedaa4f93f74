package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LRS's document resources (State, Activity Profile, Agent Profile) and CORS on the running
 * platform (MariaDB), as a browser-side xAPI client sees them.
 */
class LrsDocumentsIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();
  final String activity = "https://hocso.vn/xapi/activities/" + UUID.randomUUID();
  final String agent =
      "{\"objectType\":\"Agent\",\"mbox\":\"mailto:" + UUID.randomUUID() + "@hocso.example\"}";

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  String state(String stateId) {
    return "activities/state?activityId="
        + encode(activity)
        + "&agent="
        + encode(agent)
        + (stateId == null ? "" : "&stateId=" + encode(stateId));
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(platform.uri("/xapi/" + pathAndQuery))
        .header("X-Experience-API-Version", "2.0.0")
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (SharedPlatform.LRS_KEY + ":" + SharedPlatform.LRS_SECRET)
                            .getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> write(String method, String pathAndQuery, String type, String body)
      throws Exception {
    return send(
        request(pathAndQuery)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void stateDocumentComesBackWithItsContentTypeEtagAndLastModified() throws Exception {
    var put = write("PUT", state("tien-do"), "text/plain; charset=utf-8", "Bài 3, trang 2");
    var get = send(request(state("tien-do")).GET());
    var head = send(request(state("tien-do")).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("Bài 3, trang 2");
    assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(get.headers().firstValue("ETag")).get().asString().matches("\"[0-9a-f]{40}\"");
    assertThat(get.headers().firstValue("Last-Modified")).isPresent();
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
  }

  @Test
  void putOverAnExistingDocumentNeedsItsEtag() throws Exception {
    write("PUT", state("s"), "application/json", "{\"a\":1}");
    var etag = send(request(state("s")).GET()).headers().firstValue("ETag").orElseThrow();

    var withoutHeader = write("PUT", state("s"), "application/json", "{\"a\":2}");
    var stale =
        send(
            request(state("s"))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + "0".repeat(40) + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":3}")));
    var current =
        send(
            request(state("s"))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":4}")));
    var createOnly =
        send(
            request(state("s"))
                .header("Content-Type", "application/json")
                .header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":5}")));

    assertThat(withoutHeader.statusCode()).isEqualTo(409);
    assertThat(withoutHeader.body()).contains("\"rule\":\"concurrency-header-required\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(current.statusCode()).isEqualTo(204);
    assertThat(createOnly.statusCode()).isEqualTo(412);
    assertThat(send(request(state("s")).GET()).body()).isEqualTo("{\"a\":4}");
  }

  @Test
  void postMergesJsonObjectsAndRefusesAnythingElse() throws Exception {
    write("POST", state("merge"), "application/json", "{\"a\":1,\"b\":{\"x\":1}}");
    var merged = write("POST", state("merge"), "application/json", "{\"b\":{\"y\":2},\"c\":3}");
    var notJson = write("POST", state("merge"), "text/plain", "hello");
    var notObject = write("POST", state("merge"), "application/json", "[1]");

    assertThat(merged.statusCode()).isEqualTo(204);
    assertThat(send(request(state("merge")).GET()).body())
        .isEqualTo("{\"a\":1,\"b\":{\"y\":2},\"c\":3}");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notObject.statusCode()).isEqualTo(400);
    assertThat(notObject.body()).contains("\"field\":\"body\"");
  }

  @Test
  void idsListAndDeleteAllCoverTheActivityAndAgent() throws Exception {
    write("PUT", state("one"), "application/json", "{}");
    write("PUT", state("two"), "application/json", "{}");

    var ids = send(request(state(null)).GET());
    var future = send(request(state(null) + "&since=2999-01-01T00:00:00Z").GET());
    var deleted = send(request(state(null)).DELETE());

    assertThat(ids.body()).isEqualTo("[\"one\",\"two\"]");
    assertThat(future.body()).isEqualTo("[]");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(send(request(state(null)).GET()).body()).isEqualTo("[]");
    assertThat(send(request(state("one")).GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void profilesAreKeptPerActivityAndPerAgent() throws Exception {
    var activityProfile = "activities/profile?activityId=" + encode(activity) + "&profileId=p";
    var agentProfile = "agents/profile?agent=" + encode(agent) + "&profileId=p";

    write("PUT", activityProfile, "application/json", "{\"of\":\"activity\"}");
    write("PUT", agentProfile, "application/json", "{\"of\":\"agent\"}");

    assertThat(send(request(activityProfile).GET()).body()).isEqualTo("{\"of\":\"activity\"}");
    assertThat(send(request(agentProfile).GET()).body()).isEqualTo("{\"of\":\"agent\"}");
    assertThat(send(request(activityProfile).DELETE()).statusCode()).isEqualTo(204);
    assertThat(send(request(activityProfile).GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void rejectsMissingAndMalformedParametersNamingTheField() throws Exception {
    var noAgent = send(request("activities/state?activityId=" + encode(activity)).GET());
    var badAgent =
        send(request("activities/state?activityId=" + encode(activity) + "&agent=lan").GET());
    var badRegistration = send(request(state("s") + "&registration=nope").GET());

    assertThat(noAgent.statusCode()).isEqualTo(400);
    assertThat(noAgent.body()).contains("\"field\":\"agent\"");
    assertThat(badAgent.statusCode()).isEqualTo(400);
    assertThat(badRegistration.statusCode()).isEqualTo(400);
    assertThat(badRegistration.body()).contains("\"field\":\"registration\"");
  }

  @Test
  void browserPreflightIsAnsweredWithoutCredentials() throws Exception {
    var preflight =
        http.send(
            HttpRequest.newBuilder(platform.uri("/xapi/activities/state"))
                .header("Origin", "https://noi-dung.hocso.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, if-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var answer =
        send(request(state("cors")).header("Origin", "https://noi-dung.hocso.example").GET());

    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://noi-dung.hocso.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .get()
        .asString()
        .contains("Authorization")
        .contains("X-Experience-API-Version")
        .contains("If-Match");
    assertThat(answer.headers().firstValue("Access-Control-Expose-Headers"))
        .get()
        .asString()
        .contains("ETag")
        .contains("X-Experience-API-Consistent-Through");
  }
}
