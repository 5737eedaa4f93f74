package vn.hocso.platform;

import java.nio.file.Path;

/**
 * The one platform that the black-box tests share, started on first use and stopped when the test
 * JVM ends. It runs on the local MariaDB through Connector/J, as production runs on MySQL.
 */
public final class SharedPlatform {

  static final String DATABASE = "hocso_it";

  private static PlatformProcess platform;

  private SharedPlatform() {}

  public static synchronized PlatformProcess get() throws Exception {
    if (platform == null) {
      MariaDbDatabases.recreate(DATABASE);
      var data = Path.of(System.getProperty("hocso.platform.data", "target/it-data"), "shared");
      platform =
          PlatformProcess.start(data, MariaDbDatabases.platformEnvironment(DATABASE, DATABASE));
    }
    return platform;
  }
}
