package vn.hocso.lms.coverage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP, like {@code statement-stream}: the LMS serves learners while the projector waits for
 * the stream; its data say {@code DEGRADED} (with the problem) or {@code NOT_CONFIGURED}, and how
 * far behind the figures are.
 */
@Readiness
@ApplicationScoped
public class CoverageReadiness implements HealthCheck {

  @Inject CoverageProjectorService service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("coverage").up();
    service.report().forEach(response::withData);
    return response.build();
  }
}
