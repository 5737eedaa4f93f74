package vn.hocso.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a user runs it: Payara Micro with both WARs, from platform/target/platform,
 * on a free port, with its data in a folder of its own. Stopped with SIGTERM, as Ctrl-C would.
 */
public final class PlatformProcess implements AutoCloseable {

  /** -Dhocso.platform.ready-timeout=PT10M gives a loaded machine (shared CI cores) more time. */
  private static final Duration READY_TIMEOUT =
      Duration.parse(System.getProperty("hocso.platform.ready-timeout", "PT4M"));

  private final Process process;
  private final int port;
  private final Path log;

  private PlatformProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the platform and returns once /health/ready says UP. */
  public static PlatformProcess start(Path dataFolder, Map<String, String> environment)
      throws IOException, InterruptedException {
    var started = launch(dataFolder, environment);
    started.awaitHealth(response -> response.statusCode() == 200 && isUp(response.body()));
    return started;
  }

  /**
   * Starts the platform and returns once /health/ready answers for both applications, UP or DOWN:
   * for tests of what a broken configuration reports.
   */
  public static PlatformProcess startAnswering(Path dataFolder, Map<String, String> environment)
      throws IOException, InterruptedException {
    var started = launch(dataFolder, environment);
    started.awaitHealth(
        response ->
            response.body().contains("\"name\":\"platform\"")
                && response.body().contains("\"name\":\"lrs-database\""));
    return started;
  }

  private static boolean isUp(String healthBody) {
    return healthBody.startsWith("{\"status\":\"UP\"");
  }

  private static PlatformProcess launch(Path dataFolder, Map<String, String> environment)
      throws IOException {
    var platform = Path.of(System.getProperty("hocso.platform.dir", "target/platform"));
    Files.createDirectories(dataFolder);
    int port = freePort();
    var log = dataFolder.resolve("payara.log");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Djava.io.tmpdir=" + dataFolder.toAbsolutePath());
    command.add("-jar");
    command.add(platform.resolve("payara-micro.jar").toString());
    command.addAll(
        java.util.List.of(
            "--nohazelcast",
            "--port",
            Integer.toString(port),
            "--rootdir",
            freshRuntimeFolder(dataFolder).toString(),
            "--deploy",
            platform.resolve("ROOT.war").toString(),
            "--deploy",
            platform.resolve("xapi.war").toString(),
            "--deploy",
            platform.resolve("platform-readiness.war").toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("HOCSO_DATA", dataFolder.toAbsolutePath().toString());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("HOCSO_LRS_URL", "http://localhost:" + port + "/xapi/");
    builder.environment().putAll(environment);
    var started = new PlatformProcess(builder.start(), port, log);
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    return started;
  }

  private void awaitHealth(java.util.function.Predicate<HttpResponse<String>> answered)
      throws IOException, InterruptedException {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var deadline = Instant.now().plus(READY_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited while starting; see " + log);
      }
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(uri("/health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (answered.test(response)) {
          return;
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(1000);
    }
    close();
    throw new IllegalStateException("Platform not ready after " + READY_TIMEOUT + ": " + last);
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** GETs a path of the platform. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  public Path log() {
    return log;
  }

  /** Stops Payara Micro the way Ctrl-C does, and waits until it is gone. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * Payara Micro redeploys what an old runtime folder remembers, so each start gets a new one; the
   * data (the database) lives beside it and is kept.
   */
  private static Path freshRuntimeFolder(Path dataFolder) throws IOException {
    var runtime = dataFolder.resolve("payara-runtime");
    if (Files.exists(runtime)) {
      try (var paths = Files.walk(runtime)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return runtime;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
