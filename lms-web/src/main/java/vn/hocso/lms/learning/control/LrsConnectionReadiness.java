package vn.hocso.lms.learning.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.XapiException;

/**
 * The LMS's connection to its LRS, in {@code /health/ready} as {@code lrs-connection}. Always UP:
 * while the LRS is away learners go on learning and their statements wait in the queue, so taking
 * the LMS out of a load balancer (what a DOWN readiness does to every instance at once, since they
 * share the LRS) would stop exactly what the queue keeps going. The data say it honestly instead:
 * {@code lrsConnection} UP or DEGRADED, the LRS's address, {@code lrsProblem} while it cannot be
 * reached or refuses the LMS's credentials, and the queue ({@code waitingStatements}, {@code
 * refusedStatements} set aside, {@code oldestWaitingSeconds}, {@code deliveredSinceStart}).
 */
@Readiness
@ApplicationScoped
public class LrsConnectionReadiness implements HealthCheck {

  @Inject StatementDelivery delivery;

  @Inject
  @ConfigProperty(name = "hocso.lrs.url", defaultValue = "http://localhost:8080/xapi/")
  String lrsUrl;

  /** One client for every probe (each owns an HttpClient); short timeout, no credentials. */
  private XapiClient probe;

  @PostConstruct
  void connect() {
    probe = new XapiClient(URI.create(lrsUrl), Duration.ofSeconds(2));
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("lrs-connection").up().withData("lrs", lrsUrl);
    var backlog = delivery.backlog();
    String problem = null;
    try {
      probe.about();
      // It answers, but deliveries may still fail (wrong credentials): that matters while rows
      // wait.
      if (backlog.map(b -> b.waiting() > 0).orElse(false)) {
        problem = delivery.problem().orElse(null);
      }
    } catch (XapiException e) {
      problem = "LRS at " + lrsUrl + " unavailable: " + e.getMessage();
    }
    response.withData("lrsConnection", problem == null ? "UP" : "DEGRADED");
    if (problem != null) {
      response.withData("lrsProblem", problem);
    }
    if (backlog.isPresent()) {
      var counted = backlog.get();
      response.withData("waitingStatements", counted.waiting());
      response.withData("refusedStatements", counted.refused());
      if (counted.oldestWaitingSince() != null) {
        response.withData(
            "oldestWaitingSeconds",
            Math.max(0, Duration.between(counted.oldestWaitingSince(), Instant.now()).toSeconds()));
      }
    } else {
      response.withData("waitingStatements", "not counted yet");
    }
    response.withData("deliveredSinceStart", delivery.deliveredCount());
    return response.build();
  }
}
