package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A wrong setting is reported plainly, and what does not depend on it goes on working. */
class MisconfigurationIT {

  static final String DATABASE = SharedPlatform.DATABASE + "_misconfigured";

  @Test
  void reportsAWrongDatabasePasswordAndAnUnreachableBroker() throws Exception {
    MariaDbDatabases.recreate(DATABASE);
    var environment =
        new HashMap<>(MariaDbDatabases.platformEnvironment(DATABASE, "not-the-password"));
    // The LRS has its own, correct credentials; Kafka is configured but nothing listens there.
    environment.put("LRS_DB_PASSWORD", DATABASE);
    environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
    environment.put("LRS_BOOTSTRAP_KEY", "misconfigured");
    environment.put("LRS_BOOTSTRAP_SECRET", "misconfigured-secret");

    try (var platform =
        PlatformProcess.startAnswering(
            EmbeddedDefaultIT.emptyFolder("misconfigured"), environment)) {
      var health = platform.get("/health/ready");

      assertThat(health.statusCode()).isEqualTo(503);
      // The LMS cannot deploy without its database (Payara's JPA deployer connects at deploy);
      // the platform check says so instead of letting Payara Micro report UP without it.
      assertThat(health.body())
          .contains("\"status\":\"DOWN\"")
          .contains("\"name\":\"platform\",\"status\":\"DOWN\"")
          .contains("\"/\":\"404\"")
          .contains("\"name\":\"statement-stream\",\"status\":\"UP\"")
          .contains("DEGRADED");
      assertThat(platform.get("/xapi/about").statusCode()).isEqualTo(200);
      // Statement intake goes on without the broker.
      var lrs = new StatementRequests(platform, "misconfigured", "misconfigured-secret");
      var id = UUID.randomUUID().toString();
      assertThat(lrs.put(id, StatementRequests.statement("kafka-vang-mat")).statusCode())
          .isEqualTo(204);
      assertThat(lrs.get(id).statusCode()).isEqualTo(200);
      assertThat(Files.readString(platform.log()))
          .contains("Access denied for user '" + DATABASE + "'");
    }
  }
}
