package vn.hocso.lms.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.lms.platform.LmsSchema;

/**
 * Seeds the demo data once the schema is ready, when {@code hocso.demo-data} (HOCSO_DEMO_DATA) is
 * true, and writes the demo logins to {@code HOCSO_DATA/demo-accounts.txt} for the run command to
 * print.
 */
@ApplicationScoped
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject DemoDataSeeder seeder;

  @Inject
  @ConfigProperty(name = "hocso.demo-data", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "hocso.data", defaultValue = "data")
  String dataFolder;

  void onSchemaReady(@Observes LmsSchema.SchemaReady ready) {
    if (!enabled) {
      return;
    }
    try {
      seeder.seed();
    } catch (RuntimeException e) {
      LOG.severe("Demo data could not be loaded: " + LmsSchema.rootMessage(e));
      return;
    }
    var text = new StringBuilder("Demo accounts (demo only), password: ");
    text.append(DemoAccount.PASSWORD).append('\n');
    for (var account : DemoAccount.ALL) {
      text.append(String.format("  %-11s %s%n", account.username(), account.roleLabel()));
    }
    LOG.info(text::toString);
    try {
      var file = Path.of(dataFolder, "demo-accounts.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warning("Could not write the demo accounts file: " + e.getMessage());
    }
  }
}
