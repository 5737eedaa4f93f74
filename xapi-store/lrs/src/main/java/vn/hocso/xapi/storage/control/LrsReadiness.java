package vn.hocso.xapi.storage.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the LRS database is migrated and answers a query now. */
@Readiness
@ApplicationScoped
public class LrsReadiness implements HealthCheck {

  @Inject LrsSchema schema;

  @Resource(lookup = LrsDataSource.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("lrs-database");
    var problem = schema.migrateIfNeeded();
    if (problem.isPresent()) {
      return response.down().withData("problem", problem.get()).build();
    }
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select 1")) {
      rows.next();
      return response.up().build();
    } catch (SQLException e) {
      return response
          .down()
          .withData("problem", "LRS database unavailable: " + LrsSchema.rootMessage(e))
          .build();
    }
  }
}
