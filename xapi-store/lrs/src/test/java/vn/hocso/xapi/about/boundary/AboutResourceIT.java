package vn.hocso.xapi.about.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.platform.XapiApplication;

/** The About resource in a real Payara Micro, with only what it needs deployed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AboutResourceIT {

  @ArquillianResource URL deployment;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "about.war")
        .addClasses(XapiApplication.class, AboutResource.class, vn.hocso.xapi.platform.Json.class);
  }

  @Test
  void answersWithTheVersionsItSpeaks() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(deployment.toURI().resolve("about")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"version\":[\"2.0.0\",\"1.0.3\"]");
  }

  @Test
  void isReadableByOurOwnClient() throws Exception {
    var about = new XapiClient(URI.create(deployment.toString()), Duration.ofSeconds(5)).about();

    assertThat(about.versions()).containsExactly("2.0.0", "1.0.3");
  }
}
