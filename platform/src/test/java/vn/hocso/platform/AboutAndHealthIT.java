package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.XapiClient;

/** The running platform answers as xAPI and MicroProfile Health say it must. */
class AboutAndHealthIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  @Test
  void lrsAboutListsTheVersionsItSpeaks() throws Exception {
    var response = get("/xapi/about");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"version\":[\"2.0.0\",\"1.0.3\"]");
  }

  @Test
  void ourXapiClientReadsTheAbout() {
    var about = new XapiClient(platform.uri("/xapi/"), Duration.ofSeconds(5)).about();

    assertThat(about.speaks("2.0.0")).isTrue();
    assertThat(about.speaks("1.0.3")).isTrue();
  }

  @Test
  void isReadyWithBothApplicationsAndTheDatabaseUp() throws Exception {
    var response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"name\":\"lms\"")
        .contains("\"name\":\"platform\"")
        .contains("\"name\":\"lrs-database\"")
        .doesNotContain("DOWN");
  }

  @Test
  void homePageIsVietnameseFirst() throws Exception {
    var response = get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("lang=\"vi\"").contains("Đăng nhập");
  }

  @Test
  void signedInPagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
    var response = get("/app/courses.xhtml");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml"));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(platform.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
