package vn.hocso.platform;

import java.nio.file.Path;
import java.util.HashMap;

/**
 * The one platform that the black-box tests share, started on first use and stopped when the test
 * JVM ends. It runs on the local MariaDB through Connector/J, as production runs on MySQL.
 */
public final class SharedPlatform {

  /**
   * Its own database on the local MariaDB; a parallel run names another with -Dhocso.it.database.
   */
  static final String DATABASE = System.getProperty("hocso.it.database", "hocso_it");

  /** The LRS client the platform creates at start (LRS_BOOTSTRAP_KEY / _SECRET). */
  public static final String LRS_KEY = "hocso-it";

  public static final String LRS_SECRET = "hocso-it-secret";

  private static PlatformProcess platform;

  private SharedPlatform() {}

  public static synchronized PlatformProcess get() throws Exception {
    if (platform == null) {
      MariaDbDatabases.recreate(DATABASE);
      var data = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), DATABASE);
      var environment = new HashMap<>(MariaDbDatabases.platformEnvironment(DATABASE, DATABASE));
      environment.put("LRS_BOOTSTRAP_KEY", LRS_KEY);
      environment.put("LRS_BOOTSTRAP_SECRET", LRS_SECRET);
      platform = PlatformProcess.start(data, environment);
    }
    return platform;
  }
}
