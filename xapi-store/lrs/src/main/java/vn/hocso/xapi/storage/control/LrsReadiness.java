package vn.hocso.xapi.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the LRS database is migrated and answers a query now. */
@Readiness
@ApplicationScoped
public class LrsReadiness implements HealthCheck {

  @Inject LrsSchema schema;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("lrs-database");
    var problem = schema.migrateIfNeeded();
    if (problem.isPresent()) {
      return response.down().withData("problem", problem.get()).build();
    }
    try {
      schema.ping();
      return response.up().build();
    } catch (SQLException e) {
      return response
          .down()
          .withData("problem", "LRS database unavailable: " + LrsSchema.rootMessage(e))
          .build();
    }
  }
}
