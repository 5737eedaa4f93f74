package vn.hocso.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import vn.hocso.xapi.client.XapiClient;

/**
 * The one platform with Kafka configured (KAFKA_BOOTSTRAP_SERVERS) that the Kafka black-box tests
 * share, against a real KRaft broker in this JVM; started on first use, stopped when the test JVM
 * ends. The controller runs apart from the broker, so a test can stop the broker alone and start it
 * again on the same port. A test that stops it must start it again before it ends.
 */
final class KafkaPlatform {

  static final String TOPIC = "hocso.statements.it";
  static final String KEY = "kafka-it";
  static final String SECRET = "kafka-it-secret";
  static final String DATABASE = SharedPlatform.DATABASE + "_kafka";

  private static KafkaPlatform shared;

  final KafkaClusterTestKit cluster;
  final PlatformProcess platform;
  final XapiClient lrs;

  private KafkaPlatform(KafkaClusterTestKit cluster, PlatformProcess platform) {
    this.cluster = cluster;
    this.platform = platform;
    this.lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(KEY, SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
  }

  static synchronized KafkaPlatform get() throws Exception {
    if (shared == null) {
      var cluster = startBroker();
      try {
        MariaDbDatabases.recreate(DATABASE);
        var environment = new HashMap<>(MariaDbDatabases.platformEnvironment(DATABASE, DATABASE));
        environment.put("LRS_BOOTSTRAP_KEY", KEY);
        environment.put("LRS_BOOTSTRAP_SECRET", SECRET);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        environment.put("KAFKA_TOPIC", TOPIC);
        var platform =
            PlatformProcess.start(
                Path.of(System.getProperty("hocso.platform.data", "target/it-data"), DATABASE),
                environment);
        shared = new KafkaPlatform(cluster, platform);
      } catch (Exception | Error e) {
        cluster.close();
        throw e;
      }
      // The platform first (its producer and consumer would retry against a closing broker).
      var stopping = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopping.platform.close();
                    try {
                      stopping.cluster.close();
                    } catch (Exception e) {
                      e.printStackTrace();
                    }
                  }));
    }
    return shared;
  }

  private static KafkaClusterTestKit startBroker() throws Exception {
    var folder =
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka")), "it-");
    var cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(false) // the broker alone can be stopped, keeping its port
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(folder)
                    .build())
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("log.cleaner.dedupe.buffer.size", "2097152")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = cluster.admin()) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    }
    return cluster;
  }

  /** The broker process (there is one). */
  kafka.server.BrokerServer broker() {
    return cluster.brokers().values().iterator().next();
  }
}
