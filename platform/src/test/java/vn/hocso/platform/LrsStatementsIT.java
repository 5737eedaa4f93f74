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
 * The LRS's Statement resource on the running platform (MariaDB), as any xAPI client sees it, with
 * the client bootstrapped from LRS_BOOTSTRAP_KEY / LRS_BOOTSTRAP_SECRET.
 */
class LrsStatementsIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  static String statement(String id, String activity) {
    return "{\"id\":\""
        + id
        + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Nguyễn Thị Lan\","
        + "\"mbox\":\"mailto:lan@hocso.example\"},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"vi\":\"hoàn"
        + " thành\"}},\"object\":{\"id\":\""
        + activity
        + "\"}}";
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

  HttpResponse<String> post(String body) throws Exception {
    return http.send(
        request("statements")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void postedStatementComesBackByIdAsStoredWithWhatTheLrsSets() throws Exception {
    var id = UUID.randomUUID().toString();

    var posted = post(statement(id, "https://hocso.vn/xapi/activities/thanh-toan-dien-tu"));
    var fetched = get("statements?statementId=" + id);

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("[\"" + id + "\"]");
    assertThat(posted.headers().firstValue("X-Experience-API-Version")).hasValue("2.0.0");
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body())
        .contains("\"id\":\"" + id + "\"")
        .contains("Nguyễn Thị Lan")
        .contains("\"version\":\"2.0.0\"")
        .contains("\"authority\":{")
        .contains("\"name\":\"" + SharedPlatform.LRS_KEY + "\"")
        .containsPattern("\"stored\":\"[0-9T:.\\-]+\\.\\d{6}Z\"");
    assertThat(fetched.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();
    assertThat(fetched.headers().firstValue("Last-Modified")).isPresent();
  }

  @Test
  void queryFindsTheStatementByActivityAndPagesWithMore() throws Exception {
    var activity = "https://hocso.vn/xapi/activities/" + UUID.randomUUID();
    var first = UUID.randomUUID().toString();
    var second = UUID.randomUUID().toString();
    assertThat(
            post("[" + statement(first, activity) + "," + statement(second, activity) + "]")
                .statusCode())
        .isEqualTo(200);

    var page1 =
        get(
            "statements?limit=1&ascending=true&activity="
                + URLEncoder.encode(activity, StandardCharsets.UTF_8));
    var more = page1.body().replaceFirst(".*\"more\":\"([^\"]*)\".*", "$1");
    var page2 =
        http.send(
            request(more.substring("/xapi/".length())).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page1.statusCode()).isEqualTo(200);
    assertThat(page1.body()).contains(first).doesNotContain(second);
    assertThat(more).startsWith("/xapi/statements?more=");
    assertThat(page2.body()).contains(second).doesNotContain(first).contains("\"more\":\"\"");
  }

  @Test
  void identicalRepostIsAcceptedButADifferentStatementWithTheSameIdIsAConflict() throws Exception {
    var id = UUID.randomUUID().toString();
    post(statement(id, "https://hocso.vn/xapi/activities/a"));

    var again = post(statement(id, "https://hocso.vn/xapi/activities/a"));
    var different = post(statement(id, "https://hocso.vn/xapi/activities/b"));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(different.statusCode()).isEqualTo(409);
    assertThat(different.body())
        .contains("\"field\":\"id\"")
        .contains("\"rule\":\"statement-id-unique\"");
  }

  @Test
  void invalidStatementIsA400NamingTheFieldAndRule() throws Exception {
    var response =
        post(statement(UUID.randomUUID().toString(), "https://hocso.vn/a").replace("mailto:", ""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .contains("\"field\":\"actor.mbox\"")
        .contains("\"rule\":\"mbox-is-mailto-iri\"")
        .contains("xAPI 2.0 Part 2");
  }

  @Test
  void malformedJsonIsA400NotA500() throws Exception {
    var response = post("{\"actor\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"rule\":\"json-syntax\"");
  }

  @Test
  void requestWithoutCredentialsIs401() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(platform.uri("/xapi/statements"))
                .header("X-Experience-API-Version", "2.0.0")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.body()).contains("\"field\":\"Authorization\"");
  }

  @Test
  void requestWithAnUnsupportedVersionIs400() throws Exception {
    var response =
        http.send(
            request("statements").setHeader("X-Experience-API-Version", "0.95").GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"X-Experience-API-Version\"");
  }

  @Test
  void hugeBodyIs413() throws Exception {
    var response = post("[" + "1,".repeat(3_000_000) + "1]");

    assertThat(response.statusCode()).isEqualTo(413);
  }
}
