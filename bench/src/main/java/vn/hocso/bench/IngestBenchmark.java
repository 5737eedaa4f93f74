package vn.hocso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Statement ingest of the LRS over HTTP (batches of 50 from several clients) against a baseline
 * measured in the same run on the same machine: raw JDBC batch inserts of equivalent rows into the
 * same tables. Then the latency of `GET /statements` with one filter and limit=100.
 *
 * <p>Arguments are key=value: lrs, key, secret, jdbc, user, password, clients (8), batches per
 * client (100), batchSize (50), queries (200).
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    var options = new LinkedHashMap<String, String>();
    for (var arg : args) {
      var pair = arg.split("=", 2);
      options.put(pair[0], pair[1]);
    }
    var lrs = URI.create(options.get("lrs").replaceAll("/?$", "/"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int batches = Integer.parseInt(options.getOrDefault("batches", "100"));
    int batchSize = Integer.parseInt(options.getOrDefault("batchSize", "50"));
    int queries = Integer.parseInt(options.getOrDefault("queries", "200"));
    var authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.get("key") + ":" + options.get("secret"))
                        .getBytes(StandardCharsets.UTF_8));

    System.out.printf(
        "clients=%d batches/client=%d batch=%d (%d statements per phase)%n",
        clients, batches, batchSize, clients * batches * batchSize);

    // Warm the LRS (JIT, pools) with a tenth of the work; not measured.
    httpIngest(lrs, authorization, clients, Math.max(1, batches / 10), batchSize);

    double jdbcRate =
        jdbcIngest(
            options.get("jdbc"),
            options.get("user"),
            options.get("password"),
            clients,
            batches,
            batchSize);
    double httpRate = httpIngest(lrs, authorization, clients, batches, batchSize);

    System.out.printf("baseline raw JDBC insert : %,10.0f statements/s%n", jdbcRate);
    System.out.printf("LRS over HTTP            : %,10.0f statements/s%n", httpRate);
    System.out.printf("ratio HTTP / JDBC        : %10.2f%n", httpRate / jdbcRate);

    for (var filter : filters()) {
      var latencies = new long[queries];
      var client = HttpClient.newHttpClient();
      for (int i = 0; i < queries; i++) {
        var request =
            HttpRequest.newBuilder(lrs.resolve("statements?limit=100&" + filter))
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", "2.0.0")
                .build();
        long start = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        latencies[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(filter + " answered " + response.statusCode());
        }
      }
      Arrays.sort(latencies);
      System.out.printf(
          "GET /statements %-44s p50 %6.1f ms  p95 %6.1f ms%n",
          filter,
          latencies[queries / 2] / 1e6,
          latencies[(int) Math.ceil(queries * 0.95) - 1] / 1e6);
    }
  }

  private static List<String> filters() {
    return List.of(
        "verb=" + encode("http://adlnet.gov/expapi/verbs/experienced"),
        "activity=" + encode(activity(7)),
        "agent=" + encode(agentJson(7)),
        "since=2020-01-01T00:00:00Z");
  }

  /** Statements/s through the LRS's HTTP API, each client posting its own batches. */
  static double httpIngest(URI lrs, String authorization, int clients, int batches, int batchSize)
      throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var failures = new AtomicLong();
    var work = new ArrayList<Callable<Void>>();
    for (int c = 0; c < clients; c++) {
      work.add(
          () -> {
            for (int b = 0; b < batches; b++) {
              var body = new StringBuilder("[");
              for (int s = 0; s < batchSize; s++) {
                body.append(s == 0 ? "" : ",").append(statementJson());
              }
              body.append(']');
              var request =
                  HttpRequest.newBuilder(lrs.resolve("statements"))
                      .header("Authorization", authorization)
                      .header("X-Experience-API-Version", "2.0.0")
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build();
              var response = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                failures.incrementAndGet();
                System.err.println("POST answered " + response.statusCode() + ": " + response.body());
              }
            }
            return null;
          });
    }
    double rate = timed(work, (long) clients * batches * batchSize);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " batches failed");
    }
    return rate;
  }

  /** Statements/s of plain JDBC batch inserts of equivalent rows into the LRS's own tables. */
  static double jdbcIngest(
      String url, String user, String password, int clients, int batches, int batchSize)
      throws Exception {
    var stored = new AtomicLong(System.currentTimeMillis() * 1000 + 10_000_000_000L);
    var work = new ArrayList<Callable<Void>>();
    for (int c = 0; c < clients; c++) {
      work.add(
          () -> {
            try (var connection = DriverManager.getConnection(url, user, password)) {
              connection.setAutoCommit(false);
              try (var statements =
                      connection.prepareStatement(
                          "insert into lrs_statement (statement_id, stored_micros, verb_hash,"
                              + " registration, voiding_target, voided, authority_key,"
                              + " statement_json) values (?, ?, ?, null, null, false, ?, ?)");
                  var agents =
                      connection.prepareStatement(
                          "insert into lrs_statement_agent (statement_id, agent_hash, direct)"
                              + " values (?, ?, true)");
                  var activities =
                      connection.prepareStatement(
                          "insert into lrs_statement_activity (statement_id, activity_hash,"
                              + " direct) values (?, ?, true)")) {
                for (int b = 0; b < batches; b++) {
                  for (int s = 0; s < batchSize; s++) {
                    var id = UUID.randomUUID().toString();
                    statements.setString(1, id);
                    statements.setLong(2, stored.incrementAndGet());
                    statements.setString(3, sha256("http://adlnet.gov/expapi/verbs/experienced"));
                    statements.setString(4, "baseline");
                    statements.setString(5, statementJson());
                    statements.addBatch();
                    agents.setString(1, id);
                    agents.setString(2, sha256(UUID.randomUUID().toString()));
                    agents.addBatch();
                    activities.setString(1, id);
                    activities.setString(2, sha256(UUID.randomUUID().toString()));
                    activities.addBatch();
                  }
                  statements.executeBatch();
                  agents.executeBatch();
                  activities.executeBatch();
                  connection.commit();
                }
              }
            }
            return null;
          });
    }
    return timed(work, (long) clients * batches * batchSize);
  }

  private static double timed(List<Callable<Void>> work, long statements) throws Exception {
    var pool = Executors.newFixedThreadPool(work.size());
    try {
      long start = System.nanoTime();
      for (var future : pool.invokeAll(work)) {
        future.get();
      }
      return statements / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A realistic lesson statement (about 700 bytes): one of 1,000 learners, 50 lessons. */
  static String statementJson() {
    var random = ThreadLocalRandom.current();
    int learner = random.nextInt(1000);
    int lesson = random.nextInt(50);
    return """
        {"id":"%s","actor":%s,\
        "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced","display":{"vi":"đã học"}},\
        "object":{"objectType":"Activity","id":"%s",\
        "definition":{"name":{"vi":"Bài %d"},"type":"http://adlnet.gov/expapi/activities/lesson"}},\
        "context":{"registration":"%s","contextActivities":{"parent":[{"id":"%s"}]},\
        "platform":"Học Số","language":"vi"},\
        "result":{"completion":true,"duration":"PT%dM"},"timestamp":"2026-03-08T08:00:00.123Z"}"""
        .formatted(
            UUID.randomUUID(),
            agentJson(learner),
            activity(lesson),
            lesson,
            UUID.randomUUID(),
            "https://hocso.vn/xapi/activities/course/bench",
            1 + random.nextInt(30));
  }

  static String agentJson(int learner) {
    return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\",\"name\":\"bench-"
        + learner
        + "\"}}";
  }

  static String activity(int lesson) {
    return "https://hocso.vn/xapi/activities/course/bench/lesson/bai-" + lesson;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String sha256(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  private IngestBenchmark() {}
}
