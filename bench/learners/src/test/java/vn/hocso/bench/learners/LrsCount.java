package vn.hocso.bench.learners;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * After the run: reads the statements stored since it started through the LRS's own statements
 * query (xAPI 2.0 Part 3 §2.1.3, following {@code more}), until the expected number are there or
 * nothing has changed for a minute, and reports the count per verb, the distinct registrations and
 * the LMS queue's backlog from readiness. Written to target/learners-lrs.json for run-learners.sh.
 */
final class LrsCount {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WAITING =
      Pattern.compile("\"name\":\"lrs-connection\"[^}]*\"waitingStatements\":\"?(\\d+)");

  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  LrsCount(Settings settings) {
    this.settings = settings;
  }

  void awaitAndReport(Instant since, long expected) {
    try {
      var begun = Instant.now();
      var lastChange = begun;
      Counted counted = count(since);
      while (counted.total() < expected
          && Duration.between(lastChange, Instant.now()).toSeconds() < 60) {
        Thread.sleep(2_000);
        var again = count(since);
        if (again.total() != counted.total()) {
          lastChange = Instant.now();
        }
        counted = again;
      }
      var waited = Duration.between(begun, Instant.now()).toMillis() / 1000.0;
      var waiting = waitingInLms();
      System.out.printf(
          "Statements in the LRS since the start: %d (expected %d = %d learners × %d); %d"
              + " registrations; per verb %s; still queued in the LMS: %s; waited %.1f s after the"
              + " last request%n",
          counted.total(),
          expected,
          settings.learners(),
          LearnersSimulation.STATEMENTS_PER_LEARNER,
          counted.registrations(),
          counted.perVerb(),
          waiting,
          waited);
      var out = Path.of("target", "learners-lrs.json");
      Files.createDirectories(out.getParent());
      Files.writeString(
          out,
          JSON.writeValueAsString(
              Map.of(
                  "statements",
                  counted.total(),
                  "expected",
                  expected,
                  "registrations",
                  counted.registrations(),
                  "perVerb",
                  counted.perVerb(),
                  "waitingInLms",
                  waiting,
                  "secondsAfterLastRequest",
                  waited)));
    } catch (IOException e) {
      throw new IllegalStateException("Counting the LRS's statements failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  record Counted(long total, long registrations, Map<String, Long> perVerb) {}

  private Counted count(Instant since) throws IOException, InterruptedException {
    var perVerb = new TreeMap<String, Long>();
    var registrations = new HashSet<String>();
    long total = 0;
    var next = "/xapi/statements?limit=500&since=" + since;
    while (next != null && !next.isEmpty()) {
      var response = get(next, true);
      if (response.statusCode() != 200) {
        throw new IOException("LRS answered " + response.statusCode() + ": " + response.body());
      }
      var result = JSON.readTree(response.body());
      for (var statement : result.path("statements")) {
        total++;
        var verb = statement.path("verb").path("id").asText();
        perVerb.merge(verb.substring(verb.lastIndexOf('/') + 1), 1L, Long::sum);
        var registration = statement.path("context").path("registration").asText("");
        if (!registration.isEmpty()) {
          registrations.add(registration);
        }
      }
      next = result.path("more").asText("");
    }
    return new Counted(total, registrations.size(), perVerb);
  }

  private String waitingInLms() throws IOException, InterruptedException {
    var matcher = WAITING.matcher(get("/health/ready", false).body());
    return matcher.find() ? matcher.group(1) : "unknown";
  }

  private HttpResponse<String> get(String path, boolean xapi)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(settings.baseUrl()).resolve(path));
    if (xapi) {
      var credential = settings.lrsKey() + ":" + settings.lrsSecret();
      request
          .header("X-Experience-API-Version", "2.0.0")
          .header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
