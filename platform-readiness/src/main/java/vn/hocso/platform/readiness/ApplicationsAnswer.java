package vn.hocso.platform.readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the LMS home page and the LRS About resource answer 200 on this server. An
 * application that failed to deploy registers no health check of its own, so without this one
 * Payara Micro would report UP without it.
 */
@Readiness
@ApplicationScoped
public class ApplicationsAnswer implements HealthCheck {

  static final String[] PATHS = {"/", "/xapi/about"};

  @Inject
  @ConfigProperty(name = "port", defaultValue = "8080")
  int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("platform");
    boolean up = true;
    for (var path : PATHS) {
      var status = statusOf(path);
      response.withData(path, status);
      up &= status.equals("200");
    }
    return response.status(up).build();
  }

  private String statusOf(String path) {
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
      return Integer.toString(
          http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return "no answer: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
