package vn.hocso.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Statement ingest of the LRS over HTTP (batches of 50 from several clients) against a baseline
 * measured in the same run on the same machine: raw JDBC batch inserts of the rows the LRS writes
 * for the same statements into the same tables. Then the latency of `GET /statements` with one
 * filter and limit=100, for each filter, optionally after loading the store up to `load` statements
 * through the LRS itself.
 *
 * <p>Arguments are key=value: lrs, key, secret, jdbc, user, password, clients (8), batches per
 * client (100), batchSize (50), queries (200), load (0: no loading), lrsPid (for its CPU time),
 * skipIngest (false), warmup (batches per client sent before the timed phases; batches / 10).
 *
 * <p>Request bodies are generated before each timed phase, so the generator's own work is not
 * measured; the CPU time of this process, of the LRS and of MariaDB during each phase is reported,
 * since all three share the machine's cores.
 */
public final class IngestBenchmark {

  /** Statements of the first 20 (of 1,000,000) belong to this learner only: a rare agent. */
  public static final int RARE_LEARNER = 100_000;

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
    long load = Long.parseLong(options.getOrDefault("load", "0"));
    var lrsPid = Optional.ofNullable(options.get("lrsPid")).map(Long::parseLong);
    var authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.get("key") + ":" + options.get("secret"))
                        .getBytes(StandardCharsets.UTF_8));
    var cpu = new Cpu(lrsPid);

    if (!Boolean.parseBoolean(options.getOrDefault("skipIngest", "false"))) {
      System.out.printf(
          "clients=%d batches/client=%d batch=%d (%d statements per phase)%n",
          clients, batches, batchSize, clients * batches * batchSize);
      // Warm the LRS (JIT, pools), by default with a tenth of the work; not measured. A longer
      // warm-up leaves less JIT compilation in the timed phase's CPU figure.
      int warmup = Integer.parseInt(options.getOrDefault("warmup", "" + Math.max(1, batches / 10)));
      httpIngest(lrs, authorization, clients, warmup, batchSize);

      var jdbcBodies = bodies(clients, batches, batchSize);
      var before = cpu.sample();
      double jdbcRate =
          jdbcIngest(options.get("jdbc"), options.get("user"), options.get("password"), jdbcBodies);
      var jdbcCpu = cpu.since(before);
      jdbcBodies = null;
      var httpBodies = bodies(clients, batches, batchSize);
      before = cpu.sample();
      double httpRate = httpIngest(lrs, authorization, httpBodies);
      var httpCpu = cpu.since(before);
      long statements = (long) clients * batches * batchSize;

      System.out.printf(
          "baseline raw JDBC insert : %,10.0f statements/s   %s%n",
          jdbcRate, jdbcCpu.perThousand(statements));
      System.out.printf(
          "LRS over HTTP            : %,10.0f statements/s   %s%n",
          httpRate, httpCpu.perThousand(statements));
      System.out.printf("ratio HTTP / JDBC        : %10.2f%n", httpRate / jdbcRate);
    }

    if (load > 0) {
      long stored = count(options.get("jdbc"), options.get("user"), options.get("password"));
      System.out.printf("stored before loading: %,d%n", stored);
      if (stored < load) {
        long start = System.nanoTime();
        loadThrough(lrs, authorization, clients, batchSize, load - stored, stored == 0);
        System.out.printf(
            "loaded %,d statements through the LRS in %.0f s%n",
            load - stored, (System.nanoTime() - start) / 1e9);
      }
      System.out.printf(
          "stored now: %,d%n",
          count(options.get("jdbc"), options.get("user"), options.get("password")));
    }

    var client = HttpClient.newHttpClient();
    // A warm-up round through every filter before any is timed: the first queries after the LRS
    // starts compile its query path (JIT), and timing the filters one after the other charged
    // that to whichever came first (session 8: "none", "verb" or "since", by the order run).
    for (var filter : filters().values()) {
      for (int i = 0; i < Math.max(1, queries / 10); i++) {
        var response =
            client.send(
                statementsQuery(lrs, authorization, filter), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(filter + " answered " + response.statusCode());
        }
      }
    }
    for (var entry : filters().entrySet()) {
      var filter = entry.getValue();
      var latencies = new long[queries];
      int returned = 0;
      for (int i = -queries / 10; i < queries; i++) { // a tenth to warm up, not counted
        var request = statementsQuery(lrs, authorization, filter);
        long start = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(filter + " answered " + response.statusCode());
        }
        if (i >= 0) {
          latencies[i] = took;
          returned = countStatements(response.body());
        }
      }
      Arrays.sort(latencies);
      System.out.printf(
          "GET /statements %-45s %3d returned  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          entry.getKey(),
          returned,
          latencies[queries / 2] / 1e6,
          latencies[(int) Math.ceil(queries * 0.95) - 1] / 1e6,
          latencies[queries - 1] / 1e6);
    }
  }

  /** {@code GET /statements?limit=100&<filter>}, as every timed and warm-up query sends it. */
  private static HttpRequest statementsQuery(URI lrs, String authorization, String filter) {
    return HttpRequest.newBuilder(lrs.resolve("statements?limit=100&" + filter))
        .header("Authorization", authorization)
        .header("X-Experience-API-Version", "2.0.0")
        .build();
  }

  private static int countStatements(String body) {
    int count = 0;
    for (int at = body.indexOf("\"stored\""); at >= 0; at = body.indexOf("\"stored\"", at + 1)) {
      count++;
    }
    return count;
  }

  /**
   * One filter at a time (xAPI 2.0 Part 3 §2.1.3), on data spread as statementJson spreads it, by a
   * label for the report; "none" is the newest page of the whole store.
   */
  private static java.util.Map<String, String> filters() {
    var filters = new LinkedHashMap<String, String>();
    filters.put("none", "");
    filters.put("verb", "verb=" + encode("http://adlnet.gov/expapi/verbs/experienced"));
    filters.put("activity (lesson 7)", "activity=" + encode(activity(7)));
    filters.put(
        "activity = course, related_activities",
        "activity=" + encode(COURSE) + "&related_activities=true");
    filters.put("agent (learner 7)", "agent=" + encode(agentJson(7)));
    filters.put(
        "agent (learner 7), related_agents",
        "agent=" + encode(agentJson(7)) + "&related_agents=true");
    filters.put("rare agent (20 statements)", "agent=" + encode(agentJson(RARE_LEARNER)));
    filters.put(
        "rare agent, related_agents",
        "agent=" + encode(agentJson(RARE_LEARNER)) + "&related_agents=true");
    filters.put(
        "authority, related_agents (every statement)",
        "agent=" + encode(AUTHORITY) + "&related_agents=true");
    filters.put("registration", "registration=" + registration(7));
    filters.put("since", "since=2020-01-01T00:00:00Z");
    filters.put("until", "until=2099-01-01T00:00:00Z");
    filters.put(
        "verb, ascending",
        "verb=" + encode("http://adlnet.gov/expapi/verbs/experienced") + "&ascending=true");
    return filters;
  }

  static final String COURSE = "https://hocso.vn/xapi/activities/course/bench";
  static final String AUTHORITY =
      "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn/xapi/clients\",\"name\":\"bench\"}}";

  private static List<List<String>> bodies(int clients, int batches, int batchSize) {
    var all = new ArrayList<List<String>>();
    for (int c = 0; c < clients; c++) {
      var mine = new ArrayList<String>();
      for (int b = 0; b < batches; b++) {
        mine.add(batch(batchSize, -1));
      }
      all.add(mine);
    }
    return all;
  }

  private static String batch(int batchSize, int learner) {
    var body = new StringBuilder("[");
    for (int s = 0; s < batchSize; s++) {
      body.append(s == 0 ? "" : ",").append(statementJson(learner));
    }
    return body.append(']').toString();
  }

  static double httpIngest(URI lrs, String authorization, int clients, int batches, int batchSize)
      throws Exception {
    return httpIngest(lrs, authorization, bodies(clients, batches, batchSize));
  }

  /** Statements/s through the LRS's HTTP API, each client posting its own batches. */
  static double httpIngest(URI lrs, String authorization, List<List<String>> bodies)
      throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var failures = new AtomicLong();
    var work = new ArrayList<Callable<Void>>();
    long statements = 0;
    for (var mine : bodies) {
      for (var body : mine) {
        statements += body.split("\"actor\"", -1).length - 1;
      }
      work.add(
          () -> {
            for (var body : mine) {
              post(http, lrs, authorization, body, failures);
            }
            return null;
          });
    }
    double rate = timed(work, statements);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " batches failed");
    }
    return rate;
  }

  private static void post(
      HttpClient http, URI lrs, String authorization, String body, AtomicLong failures)
      throws Exception {
    var request =
        HttpRequest.newBuilder(lrs.resolve("statements"))
            .header("Authorization", authorization)
            .header("X-Experience-API-Version", "2.0.0")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      failures.incrementAndGet();
      System.err.println("POST answered " + response.statusCode() + ": " + response.body());
    }
  }

  /**
   * Fills the store through the LRS: {@code count} statements, generated as they are sent; when the
   * store is empty the first 20 are the rare learner's, so they are the oldest.
   */
  static void loadThrough(
      URI lrs, String authorization, int clients, int batchSize, long count, boolean fresh)
      throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var failures = new AtomicLong();
    if (fresh) {
      post(http, lrs, authorization, batch(20, RARE_LEARNER), failures);
      count -= 20;
    }
    var remaining = new AtomicLong(count);
    var done = new AtomicLong();
    var work = new ArrayList<Callable<Void>>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      work.add(
          () -> {
            long take;
            while ((take = Math.min(batchSize, remaining.getAndAdd(-batchSize))) > 0) {
              post(http, lrs, authorization, batch((int) take, -1), failures);
              long now = done.addAndGet(take);
              if (now / 100_000 != (now - take) / 100_000) {
                System.out.printf(
                    "  %,d loaded, %.0f statements/s%n",
                    now, now / ((System.nanoTime() - start) / 1e9));
              }
            }
            return null;
          });
    }
    timed(work, count);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " batches failed while loading");
    }
  }

  private static long count(String url, String user, String password) throws Exception {
    try (var connection = DriverManager.getConnection(url, user, password);
        var rows =
            connection.createStatement().executeQuery("select count(*) from lrs_statement")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Statements/s of plain JDBC batch inserts, one transaction per batch, of the rows the LRS writes
   * for these statements: the statement row, an agent row for the actor (direct) and for the
   * authority (related), an activity row for the object (direct) and for the parent (related).
   */
  static double jdbcIngest(String url, String user, String password, List<List<String>> bodies)
      throws Exception {
    var stored = new AtomicLong(System.currentTimeMillis() * 1000 + 10_000_000_000L);
    var verb = sha256("iri\nhttp://adlnet.gov/expapi/verbs/experienced");
    var authority = sha256("account\nhttps://hocso.vn/xapi/clients\nbench");
    var course = sha256("iri\n" + COURSE);
    var work = new ArrayList<Callable<Void>>();
    long count = 0;
    for (var mine : bodies) {
      var prepared = new ArrayList<List<String[]>>();
      for (var body : mine) {
        var rows = new ArrayList<String[]>();
        for (var statement : body.substring(1, body.length() - 1).split(",(?=\\{\"id\")")) {
          rows.add(
              new String[] {
                statement.substring(7, 43),
                statement,
                sha256("account\nhttps://hocso.vn\n" + between(statement, "\"name\":\"", "\"")),
                sha256(
                    "iri\n"
                        + between(
                            statement, "\"object\":{\"objectType\":\"Activity\",\"id\":\"", "\"")),
                between(statement, "\"registration\":\"", "\"")
              });
          count++;
        }
        prepared.add(rows);
      }
      work.add(
          () -> {
            try (var connection = DriverManager.getConnection(url, user, password)) {
              connection.setAutoCommit(false);
              try (var statements =
                      connection.prepareStatement(
                          "insert into lrs_statement (statement_id, stored_micros, verb_hash,"
                              + " registration, voiding_target, voided, authority_key,"
                              + " statement_json, statement_ref) values (?, ?, ?, ?, null, false,"
                              + " ?, ?, null)");
                  var agents =
                      connection.prepareStatement(
                          "insert into lrs_statement_agent (agent_hash, stored_micros,"
                              + " statement_id, direct) values (?, ?, ?, ?)");
                  var activities =
                      connection.prepareStatement(
                          "insert into lrs_statement_activity (activity_hash, stored_micros,"
                              + " statement_id, direct) values (?, ?, ?, ?)")) {
                for (var batch : prepared) {
                  for (var row : batch) {
                    var id = UUID.randomUUID().toString(); // the LRS run stores the same ids
                    long micros = stored.incrementAndGet();
                    statements.setString(1, id);
                    statements.setLong(2, micros);
                    statements.setString(3, verb);
                    statements.setString(4, row[4]);
                    statements.setString(5, "bench");
                    statements.setString(6, row[1]);
                    statements.addBatch();
                    relation(agents, row[2], micros, id, true);
                    relation(agents, authority, micros, id, false);
                    relation(activities, row[3], micros, id, true);
                    relation(activities, course, micros, id, false);
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
    return timed(work, count);
  }

  private static void relation(
      java.sql.PreparedStatement insert, String key, long micros, String id, boolean direct)
      throws Exception {
    insert.setString(1, key);
    insert.setLong(2, micros);
    insert.setString(3, id);
    insert.setBoolean(4, direct);
    insert.addBatch();
  }

  private static String between(String text, String before, String after) {
    int from = text.indexOf(before) + before.length();
    return text.substring(from, text.indexOf(after, from));
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
  public static String statementJson(int fixedLearner) {
    var random = ThreadLocalRandom.current();
    int learner = fixedLearner >= 0 ? fixedLearner : random.nextInt(1000);
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
            registration(learner),
            COURSE,
            1 + random.nextInt(30));
  }

  /** One registration per learner in the bench course. */
  static UUID registration(int learner) {
    return UUID.nameUUIDFromBytes(
        ("bench-registration-" + learner).getBytes(StandardCharsets.UTF_8));
  }

  static String agentJson(int learner) {
    return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\",\"name\":\"bench-"
        + learner
        + "\"}}";
  }

  static String activity(int lesson) {
    return COURSE + "/lesson/bai-" + lesson;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String sha256(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** CPU seconds used by this process, the LRS and MariaDB: they share the machine's cores. */
  record Cpu(Optional<Long> lrsPid) {
    record Sample(double bench, double lrs, double database, long nanos) {
      String perThousand(long statements) {
        double seconds = nanos / 1e9;
        return String.format(
            "CPU s per 1,000 statements: bench %.2f, LRS %.2f, MariaDB %.2f (cores busy: %.2f)",
            bench * 1000 / statements,
            lrs * 1000 / statements,
            database * 1000 / statements,
            (bench + lrs + database) / seconds);
      }
    }

    Sample sample() {
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      return new Sample(
          os.getProcessCpuTime() / 1e9,
          lrsPid.map(Cpu::procSeconds).orElse(0.0),
          mariadbPid().map(Cpu::procSeconds).orElse(0.0),
          System.nanoTime());
    }

    Sample since(Sample before) {
      var now = sample();
      return new Sample(
          now.bench - before.bench,
          now.lrs - before.lrs,
          now.database - before.database,
          now.nanos - before.nanos);
    }

    private static Optional<Long> mariadbPid() {
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
          .map(ProcessHandle::pid)
          .findFirst();
    }

    /** utime + stime of a process, from /proc (Linux), in seconds (clock ticks of 1/100 s). */
    private static double procSeconds(long pid) {
      try {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (Exception e) {
        return 0;
      }
    }
  }

  private IngestBenchmark() {}
}
