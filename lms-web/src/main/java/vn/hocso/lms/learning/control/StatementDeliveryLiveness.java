package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * In {@code /health/live}: DOWN only when the statement delivery worker has died, the one state of
 * the queue that a restart mends. An unreachable LRS never makes it DOWN: restarting the LMS would
 * not bring the LRS back and would end every learner's session.
 */
@Liveness
@ApplicationScoped
public class StatementDeliveryLiveness implements HealthCheck {

  @Inject StatementDelivery delivery;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("statement-delivery")
        .status(!delivery.workerDied())
        .withData("worker", delivery.workerDied() ? "stopped" : "running")
        .build();
  }
}
