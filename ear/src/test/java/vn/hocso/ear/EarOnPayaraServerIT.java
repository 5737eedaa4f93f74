package vn.hocso.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys target/hocso.ear on a fresh domain of the full Payara Server 6 (unpacked into target/ by
 * maven-dependency-plugin) and checks over HTTP that both applications answer: the LRS at /xapi,
 * the LMS at / and their MicroProfile Health readiness at /health/ready.
 *
 * <p>The domain lives under target/domains with ports from {@code hocso.payara.portbase} (admin
 * base+48, HTTP base+80), so it never meets a server on 4848/8080. It is always stopped at the end,
 * also when a step fails.
 */
class EarOnPayaraServerIT {

  private static final String DOMAIN = "hocso-it";
  private static final Duration ASADMIN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private static final Path PAYARA_HOME = Path.of(required("hocso.payara.home"));
  private static final Path DOMAINS = Path.of(required("hocso.payara.domains"));
  private static final Path EAR = Path.of(required("hocso.ear.file"));
  private static final Path DATA = Path.of(required("hocso.it.data"));
  private static final int PORTBASE = Integer.parseInt(required("hocso.payara.portbase"));
  private static final int ADMIN_PORT = PORTBASE + 48;
  private static final int HTTP_PORT = PORTBASE + 80;
  private static final URI BASE = URI.create("http://localhost:" + HTTP_PORT + "/");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static int asadminRuns;

  @BeforeAll
  static void deployOnFreshDomain() throws Exception {
    assertThat(EAR).as("the EAR built by this module").isRegularFile();
    assertThat(PAYARA_HOME.resolve("bin/asadmin")).as("the unpacked Payara Server").isRegularFile();
    removeLeftoverDomain();
    deleteRecursively(DATA);

    asadmin(
        ASADMIN_TIMEOUT,
        Map.of(),
        "create-domain",
        "--domaindir",
        DOMAINS.toString(),
        "--nopassword",
        "--portbase",
        String.valueOf(PORTBASE),
        DOMAIN);
    // The applications read MicroProfile Config. Environment variables given to start-domain
    // reach the server JVM and need no restart (system properties set with asadmin do).
    asadmin(
        ASADMIN_TIMEOUT,
        serverEnvironment(),
        "start-domain",
        "--domaindir",
        DOMAINS.toString(),
        DOMAIN);
    asadmin(
        DEPLOY_TIMEOUT,
        Map.of(),
        "--port",
        String.valueOf(ADMIN_PORT),
        "deploy",
        "--name",
        "hocso",
        EAR.toString());
  }

  /**
   * What a Payara Server administrator sets for this EAR. On Payara Server (unlike Micro) the
   * {@code @DataSourceDefinition} placeholders of an EAR are resolved before the application is
   * registered, so only server-level sources (system properties, environment) count there, and the
   * WARs' own META-INF/microprofile-config.properties are not read in an EAR at all.
   */
  private static Map<String, String> serverEnvironment() {
    var env = new LinkedHashMap<String, String>();
    env.put("HOCSO_DATA", DATA.toString());
    env.put("HOCSO_LRS_URL", BASE.resolve("xapi/").toString());
    env.put("HOCSO_DEMO_DATA", "true");
    // One database for both applications, as in the WARs' own defaults.
    var database = "jdbc:h2:file:" + DATA.resolve("db/hocso") + ";DB_CLOSE_ON_EXIT=FALSE";
    for (var prefix : List.of("HOCSO_DB_", "LRS_DB_")) {
      env.put(prefix + "DATASOURCE_CLASS", "org.h2.jdbcx.JdbcDataSource");
      env.put(prefix + "URL", database);
      env.put(prefix + "USER", "hocso");
      env.put(prefix + "PASSWORD", "hocso");
    }
    return env;
  }

  @AfterAll
  static void stopDomain() throws Exception {
    if (Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
      try {
        asadmin(
            ASADMIN_TIMEOUT, Map.of(), "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
      } finally {
        killServerIfAlive();
      }
    }
    assertThat(payaraProcesses())
        .as("Payara processes of domain %s left running", DOMAIN)
        .isEmpty();
  }

  @Test
  void lrsAnswersAboutAtXapi() throws Exception {
    var response = get("xapi/about");

    assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).containsPattern("\"version\"\\s*:\\s*\\[[^\\]]*\"2\\.0\\.0\"");
  }

  @Test
  void lmsAnswersHomePageAtRoot() throws Exception {
    var response = get("");

    assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("Học Số").doesNotContain("Payara Server - Server Running");
  }

  @Test
  void bothApplicationsAreReady() throws Exception {
    var deadline = Instant.now().plus(READY_TIMEOUT);
    HttpResponse<String> response;
    do {
      response = get("health/ready");
      if (response.statusCode() == 200 || response.statusCode() == 500) {
        break; // UP, or a health check that cannot run at all: waiting does not help
      }
      Thread.sleep(2_000);
    } while (Instant.now().isBefore(deadline));

    assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
    assertThat(response.body())
        .containsPattern("^\\{\\s*\"status\"\\s*:\\s*\"UP\"")
        .contains("\"lms\"", "\"lrs-database\"");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String describe(HttpResponse<String> response) {
    var body = response.body();
    return "GET "
        + response.uri()
        + " answered "
        + response.statusCode()
        + ": "
        + body.substring(0, Math.min(body.length(), 1_500))
        + severeLogLines();
  }

  /**
   * Runs asadmin with the JDK that runs this test; fails with its output if it does not succeed.
   */
  private static void asadmin(Duration timeout, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("/bin/sh"); // works even if the unpacked script lost its executable bit
    command.add(PAYARA_HOME.resolve("bin/asadmin").toString());
    command.addAll(List.of(args));
    var subcommand = args[0].equals("--port") ? args[2] : args[0];
    var output = DOMAINS.resolveSibling("asadmin-" + (++asadminRuns) + "-" + subcommand + ".log");
    Files.createDirectories(DOMAINS);
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile()) // a file, not a pipe: the server inherits it
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    builder.environment().putAll(env);
    var process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("asadmin %s took over %s%n%s%s", command, timeout, read(output), severeLogLines());
    }
    if (process.exitValue() != 0) {
      fail(
          "asadmin %s exited with %d%n%s%s",
          command, process.exitValue(), read(output), severeLogLines());
    }
  }

  /** A domain left by an interrupted run: stop it, then start from scratch. */
  private static void removeLeftoverDomain() throws IOException, InterruptedException {
    if (Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
      try {
        asadmin(
            ASADMIN_TIMEOUT, Map.of(), "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
      } catch (AssertionError notRunning) {
        // nothing was running
      }
      killServerIfAlive();
    }
    deleteRecursively(DOMAINS);
  }

  /** The server JVM of our domain, by the id it wrote to config/pid, if stop-domain left it. */
  private static void killServerIfAlive() throws IOException {
    var pidFile = DOMAINS.resolve(DOMAIN).resolve("config/pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    var pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle.of(pid)
        .filter(p -> p.info().commandLine().orElse("").contains(DOMAIN))
        .ifPresent(
            p -> {
              p.destroyForcibly();
              p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
  }

  /** {@code pgrep -f} for processes whose command line names our domain. */
  private static List<String> payaraProcesses() throws IOException, InterruptedException {
    var pgrep =
        new ProcessBuilder("pgrep", "-a", "-f", DOMAINS.resolve(DOMAIN).toString())
            .redirectErrorStream(true)
            .start();
    var lines = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    pgrep.waitFor(10, TimeUnit.SECONDS);
    return lines.lines().filter(line -> !line.isBlank()).toList();
  }

  /** The SEVERE entries of server.log (first line of each), to explain a failure. */
  private static String severeLogLines() {
    var log = DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try {
      var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      var severe = new StringBuilder();
      for (int i = 0; i < lines.size() - 1; i++) {
        if (lines.get(i).contains("[SEVERE]")) {
          severe.append("\n  ").append(lines.get(i + 1).strip());
        }
      }
      return severe.isEmpty() ? "" : "\nSEVERE in " + log + ":" + severe;
    } catch (IOException e) {
      return "\n(" + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String required(String property) {
    var value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set (see pom.xml)");
    }
    return value;
  }
}
