package vn.hocso.xapi.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the statement stream. An unreachable broker degrades the stream but does not make the LRS
 * unready: statements are still accepted and wait until the broker is back.
 */
@Readiness
@ApplicationScoped
public class StatementStreamReadiness implements HealthCheck {

  @Inject StatementStreamConnection connection;
  @Inject OutboxRelayService relay;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("statement-stream")
            .up()
            .withData("transport", connection.describe());
    var publisher = connection.publisher();
    if (publisher.isEmpty()) {
      return response.withData("stream", "UP").build();
    }
    response.withData(
        "stream",
        publisher.get().isReachable(Duration.ofSeconds(2))
            ? "UP"
            : "DEGRADED: the broker does not answer; statements wait until it is back");
    relay
        .status()
        .ifPresent(
            status -> {
              // The backlog: statements stored but not yet acknowledged by the broker.
              response.withData("backlog", status.backlog());
              response.withData("published", status.published());
              status.problem().ifPresent(problem -> response.withData("relayProblem", problem));
            });
    return response.build();
  }
}
