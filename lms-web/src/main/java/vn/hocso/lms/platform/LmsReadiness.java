package vn.hocso.lms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the LMS database is migrated and answers. The LRS is not part of it: while the LRS is
 * away the LMS serves learners and queues their statements, and {@code lrs-connection}
 * (learning.control.LrsConnectionReadiness) says so. Whether the platform's own LRS deployed is the
 * {@code platform} check's business.
 */
@Readiness
@ApplicationScoped
public class LmsReadiness implements HealthCheck {

  @Inject LmsSchema schema;

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
    return response.status(up).build();
  }
}
