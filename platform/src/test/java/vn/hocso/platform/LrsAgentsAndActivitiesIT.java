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

/** The LRS's Agents and Activities resources on the running platform (MariaDB). */
class LrsAgentsAndActivitiesIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
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

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(
        request("statements")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String statement(String activity, String language, String name) {
    return "{\"actor\":{\"mbox\":\"mailto:lan@hocso.example\"},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
        + "\"object\":{\"id\":\""
        + activity
        + "\",\"definition\":{\"name\":{\""
        + language
        + "\":\""
        + name
        + "\"}}}}";
  }

  @Test
  void agentsAnswerThePersonObjectWithEachIdentifierAsAnArray() throws Exception {
    var person =
        get(
            "agents?agent="
                + encode("{\"name\":\"Nguyễn Thị Lan\",\"mbox\":\"mailto:lan@hocso.example\"}"));

    assertThat(person.statusCode()).isEqualTo(200);
    assertThat(person.body())
        .isEqualTo(
            "{\"objectType\":\"Person\",\"name\":[\"Nguyễn Thị Lan\"],"
                + "\"mbox\":[\"mailto:lan@hocso.example\"]}");
    assertThat(get("agents").statusCode()).isEqualTo(400);
  }

  @Test
  void activitiesMergeTheDefinitionsStatementsGave() throws Exception {
    var activity = "https://hocso.vn/xapi/activities/" + UUID.randomUUID();
    assertThat(post(statement(activity, "vi", "Thanh toán điện tử")).statusCode()).isEqualTo(200);
    assertThat(post(statement(activity, "en", "Electronic payment")).statusCode()).isEqualTo(200);

    var found = get("activities?activityId=" + encode(activity));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .isEqualTo(
            "{\"objectType\":\"Activity\",\"id\":\""
                + activity
                + "\",\"definition\":{\"name\":{\"vi\":\"Thanh toán điện tử\","
                + "\"en\":\"Electronic payment\"}}}");
  }

  @Test
  void anUnknownActivityIsStillAnActivityObject() throws Exception {
    var activity = "https://hocso.vn/xapi/activities/" + UUID.randomUUID();

    var found = get("activities?activityId=" + encode(activity));

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("{\"objectType\":\"Activity\",\"id\":\"" + activity + "\"}");
  }
}
