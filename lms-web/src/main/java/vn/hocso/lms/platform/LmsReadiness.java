package vn.hocso.lms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.XapiException;

/**
 * Ready when the LMS database is migrated and answers, and the LRS it writes to answers its About
 * resource. Checking the LRS through its own API also catches an LRS that failed to deploy, which
 * Payara Micro would otherwise not report.
 */
@Readiness
@ApplicationScoped
public class LmsReadiness implements HealthCheck {

  @Inject LmsSchema schema;

  @Inject
  @ConfigProperty(name = "hocso.lrs.url", defaultValue = "http://localhost:8080/xapi/")
  String lrsUrl;

  /** One client for every probe: each XapiClient owns an HttpClient and its threads. */
  private XapiClient lrs;

  @PostConstruct
  void connect() {
    lrs = new XapiClient(URI.create(lrsUrl), Duration.ofSeconds(2));
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("lms");
    boolean up = true;
    var problem = schema.migrateIfNeeded();
    if (problem.isPresent()) {
      up = false;
      response.withData("database", problem.get());
    } else {
      try {
        schema.ping();
        response.withData("database", "UP");
      } catch (SQLException e) {
        up = false;
        response.withData("database", "LMS database unavailable: " + LmsSchema.rootMessage(e));
      }
    }
    try {
      lrs.about();
      response.withData("lrs", "UP");
    } catch (XapiException e) {
      up = false;
      response.withData("lrs", "LRS at " + lrsUrl + " unavailable: " + e.getMessage());
    }
    return response.status(up).build();
  }
}
