package vn.hocso.platform;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Plain HTTP calls to a started platform's LRS, as any xAPI client makes them. */
final class StatementRequests {

  private final PlatformProcess platform;
  private final String authorization;

  StatementRequests(PlatformProcess platform, String key, String secret) {
    this.platform = platform;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** A minimal valid statement about one activity, by an opaque account. */
  static String statement(String activitySlug) {
    return """
        {"actor": {"objectType": "Agent",
                   "account": {"homePage": "https://hocso.vn", "name": "%s"}},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
         "object": {"id": "https://hocso.vn/xapi/activities/course/%s"}}"""
        .formatted(UUID.randomUUID(), activitySlug);
  }

  HttpResponse<String> put(String statementId, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(platform.uri("/xapi/statements?statementId=" + statementId))
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String statementId) throws Exception {
    return send(
        HttpRequest.newBuilder(platform.uri("/xapi/statements?statementId=" + statementId)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            request
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "2.0.0")
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
