import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import vn.hocso.lms.coverage.control.CoverageProjector;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.storage.JdbcQueryStreamPositionStore;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.stream.StatementStreamSubscriber;
import vn.hocso.xapi.stream.StreamedStatement;
import vn.hocso.xapi.stream.XapiQueryStatementSubscriber;

/**
 * The coverage projector's throughput against the LRS's ingest rate (issue 7: "the projector keeps
 * up with the LRS's ingest rate at steady state"), run by bench/run-projector.sh against a running
 * platform whose own projector is off (the LMS has no LRS credentials), so this JVM runs the
 * projector alone: the real {@link CoverageProjector} with the xAPI query transport (the LRS over
 * HTTP, the position in cov_stream_position), as CoverageProjectorService builds it, on a small
 * pool of Connector/J connections to the platform's database.
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code ingest}: posts learner journeys (the 21 statements of XAPI-PROFILE.md per learner
 *       and course: registered … terminated) for a range of the seeded learners and every course,
 *       from 8 clients in batches of 50 (each client its own learners, round robin, so a learner's
 *       statements stay in order), and writes the set's first stored time and size to a file;
 *   <li>{@code project}: empties the projector's tables, puts its position just before a set, and
 *       times the projector until it has handled every statement of it: its rate alone, JDBC round
 *       trips per statement (every execute, commit and rollback), CPU per 1,000 statements;
 *   <li>{@code steady}: with the projector running and caught up, posts a new set and measures the
 *       ingest rate under it, each statement's freshness (LRS stored → its row in cov_statement,
 *       looked up every 100 ms as bench/learners/Freshness.java does) and how long after the last
 *       post the projector has handled everything.
 * </ul>
 */
public class ProjectorBenchmark {

  static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  static final String READER = "hocso-coverage";
  static final AtomicLong ROUND_TRIPS = new AtomicLong();
  static Map<String, String> options = new HashMap<>();

  public static void main(String[] args) throws Exception {
    for (var arg : args) {
      var parts = arg.split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    var mode = options.get("mode");
    var out = Path.of(options.getOrDefault("out", "bench/target/projector"));
    Files.createDirectories(out);
    var dataSource = pool(options.get("jdbc"), options.getOrDefault("user", "root"));
    switch (mode) {
      case "ingest" -> ingest(dataSource, out);
      case "project" -> project(dataSource, out);
      case "steady" -> steady(dataSource, out);
      default -> throw new IllegalArgumentException("mode=ingest|project|steady");
    }
    System.exit(0);
  }

  // --- statements ---

  record Learner(String account) {}

  static List<String> accounts(DataSource dataSource, int from, int to) throws SQLException {
    var accounts = new ArrayList<String>();
    try (var connection = dataSource.getConnection();
        var query =
            connection.prepareStatement(
                "select p.xapi_account from account a join person p on p.id = a.person_id where"
                    + " a.username like ? order by a.username")) {
      query.setString(1, options.getOrDefault("prefix", "hv-bench-") + "%");
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          accounts.add(rows.getString(1));
        }
      }
    }
    if (accounts.size() < to) {
      throw new IllegalStateException("Only " + accounts.size() + " seeded learners, need " + to);
    }
    return accounts.subList(from, to);
  }

  static List<String> courses(DataSource dataSource) throws SQLException {
    var courses = new ArrayList<String>();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select c.activity_iri from course c where exists (select 1 from course_version v"
                    + " where v.course_id = c.id and v.status = 'PUBLISHED') order by c.id")) {
      while (rows.next()) {
        courses.add(rows.getString(1));
      }
    }
    return courses;
  }

  /** One learner's journey through one course, as the LMS sends it (docs/XAPI-PROFILE.md). */
  static List<String> journey(String account, String course, Random random) {
    var statements = new ArrayList<String>();
    var registration = new UUID(random.nextLong(), random.nextLong()).toString();
    var now = Instant.now();
    var lesson = course + "/lesson/bai-";
    var quiz = course + "/quiz/kiem-tra";
    statements.add(statement(account, "registered", course, course, registration, now, null));
    statements.add(statement(account, "launched", course, course, registration, now, null));
    statements.add(statement(account, "initialized", course, course, registration, now, null));
    for (int i = 1; i <= 4; i++) {
      statements.add(statement(account, "experienced", lesson + i, course, registration, now, null));
    }
    for (int i = 1; i <= 8; i++) {
      statements.add(
          statement(
              account,
              "answered",
              quiz + "/question/cau-" + i,
              course,
              registration,
              now,
              "\"result\":{\"response\":\"a\",\"success\":true}"));
    }
    var score = "\"result\":{\"score\":{\"scaled\":1.0,\"raw\":8,\"max\":8},\"success\":true,"
        + "\"completion\":true}";
    statements.add(statement(account, "passed", quiz, course, registration, now, score));
    statements.add(
        statement(
            account, "passed", course, course, registration, now, "\"result\":{\"success\":true}"));
    statements.add(
        statement(
            account,
            "completed",
            course,
            course,
            registration,
            now,
            "\"result\":{\"completion\":true}"));
    statements.add(
        statement(
            account,
            "https://w3id.org/xapi/adl/verbs/satisfied",
            course,
            course,
            registration,
            now,
            null));
    statements.add(
        statement(
            account,
            "http://id.tincanapi.com/verb/earned",
            "https://hocso.vn/xapi/activities/certificate/" + registration,
            course,
            registration,
            now,
            null));
    statements.add(
        statement(
            account,
            "terminated",
            course,
            course,
            registration,
            now,
            "\"result\":{\"duration\":\"PT10M\"}"));
    return statements;
  }

  static String statement(
      String account,
      String verb,
      String object,
      String course,
      String registration,
      Instant at,
      String result) {
    var verbId = verb.contains(":") ? verb : VERBS + verb;
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\""
        + StatementReading.HOME_PAGE
        + "\",\"name\":\""
        + account
        + "\"}},\"verb\":{\"id\":\""
        + verbId
        + "\",\"display\":{\"vi\":\""
        + verbId.substring(verbId.lastIndexOf('/') + 1)
        + "\"}},\"object\":{\"objectType\":\"Activity\",\"id\":\""
        + object
        + "\"},"
        + (result == null ? "" : result + ",")
        + "\"context\":{\"registration\":\""
        + registration
        + "\",\"contextActivities\":{\"grouping\":[{\"id\":\""
        + course
        + "\"}]}},\"timestamp\":\""
        + at
        + "\"}";
  }

  /** Per client, its batches of 50: the client's learners' journeys interleaved round robin. */
  static List<List<String>> bodies(List<String> accounts, List<String> courses, long seed) {
    var random = new Random(seed);
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    var perClient = new ArrayList<List<String>>();
    for (int c = 0; c < clients; c++) {
      var queues = new ArrayList<ArrayDeque<String>>();
      for (int l = c; l < accounts.size(); l += clients) {
        var mine = new ArrayDeque<String>();
        for (var course : courses) {
          mine.addAll(journey(accounts.get(l), course, random));
        }
        queues.add(mine);
      }
      var ordered = new ArrayList<String>();
      boolean any = true;
      while (any) {
        any = false;
        for (var queue : queues) {
          if (!queue.isEmpty()) {
            ordered.add(queue.poll());
            any = true;
          }
        }
      }
      var batches = new ArrayList<String>();
      for (int from = 0; from < ordered.size(); from += 50) {
        batches.add(
            "[" + String.join(",", ordered.subList(from, Math.min(ordered.size(), from + 50))) + "]");
      }
      perClient.add(batches);
    }
    return perClient;
  }

  /** Posts every client's batches concurrently; answers statements per second. */
  static double post(List<List<String>> bodies, long statements) throws Exception {
    var lrs = URI.create(options.get("lrs"));
    var authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.get("key") + ":" + options.get("secret"))
                        .getBytes(StandardCharsets.UTF_8));
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var failures = new AtomicLong();
    var work = new ArrayList<Callable<Void>>();
    for (var mine : bodies) {
      work.add(
          () -> {
            for (var body : mine) {
              var request =
                  HttpRequest.newBuilder(lrs.resolve("statements"))
                      .header("Authorization", authorization)
                      .header("X-Experience-API-Version", "2.0.0")
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build();
              var response = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                if (failures.incrementAndGet() < 5) {
                  System.err.println("POST answered " + response.statusCode() + ": " + response.body());
                }
              }
            }
            return null;
          });
    }
    var executor = Executors.newFixedThreadPool(work.size());
    long started = System.nanoTime();
    for (var future : executor.invokeAll(work)) {
      future.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    executor.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " batches refused");
    }
    return statements / seconds;
  }

  static List<List<String>> set(DataSource dataSource) throws SQLException {
    var learners = options.get("learners").split("-");
    var accounts =
        accounts(dataSource, Integer.parseInt(learners[0]), Integer.parseInt(learners[1]));
    var courses = courses(dataSource);
    return bodies(accounts, courses, Long.parseLong(options.getOrDefault("seed", "20261128")));
  }

  static long count(List<List<String>> bodies) {
    long n = 0;
    for (var mine : bodies) {
      for (var body : mine) {
        n += body.split("\"actor\"", -1).length - 1;
      }
    }
    return n;
  }

  // --- modes ---

  static void ingest(DataSource dataSource, Path out) throws Exception {
    var bodies = set(dataSource);
    long statements = count(bodies);
    var before = Instant.now().minusMillis(1);
    var cpu = Cpu.now();
    double rate = post(bodies, statements);
    var used = Cpu.now().minus(cpu);
    var marker = new Properties();
    marker.setProperty("since", before.toString());
    marker.setProperty("statements", String.valueOf(statements));
    marker.setProperty("ingestRate", String.valueOf(rate));
    try (var writer = Files.newBufferedWriter(out.resolve(options.get("set") + ".properties"))) {
      marker.store(writer, "set " + options.get("set"));
    }
    System.out.printf(
        "ingest %s: %d statements (learners %s × %d courses × 21), %.0f statements/s; CPU s per"
            + " 1,000 statements: %s; load %s%n",
        options.get("set"),
        statements,
        options.get("learners"),
        courses(dataSource).size(),
        rate,
        used.per(statements),
        load());
  }

  static void project(DataSource dataSource, Path out) throws Exception {
    var marker = new Properties();
    try (var reader = Files.newBufferedReader(out.resolve(options.get("set") + ".properties"))) {
      marker.load(reader);
    }
    long statements = Long.parseLong(marker.getProperty("statements"));
    reset(dataSource, Instant.parse(marker.getProperty("since")));
    var projector = projector(dataSource);
    var cpu = Cpu.now();
    long trips = ROUND_TRIPS.get();
    long pollNanos = POLL_NANOS.get(), polls = POLLS.get(), polled = POLLED.get();
    long started = System.nanoTime();
    var thread = new Thread(projector, "projector");
    thread.start();
    waitFor(projector, statements, Duration.ofMinutes(20));
    double seconds = (System.nanoTime() - started) / 1e9;
    var used = Cpu.now().minus(cpu);
    trips = ROUND_TRIPS.get() - trips;
    projector.stop();
    thread.join(30_000);
    double rate = statements / seconds;
    double ingestRate = Double.parseDouble(marker.getProperty("ingestRate"));
    System.out.printf(
        "project %s (%s): %d statements in %.1f s, %.0f statements/s alone = %.2f × the LRS's"
            + " ingest (%.0f/s); %.1f JDBC round trips per statement; %s; CPU s per 1,000"
            + " statements: %s; %s; load %s%n",
        options.get("set"),
        options.getOrDefault("label", "?"),
        statements,
        seconds,
        rate,
        rate / ingestRate,
        ingestRate,
        (double) trips / statements,
        feed(POLL_NANOS.get() - pollNanos, POLLS.get() - polls, POLLED.get() - polled),
        used.per(statements),
        projector.status(),
        load());
  }

  static void steady(DataSource dataSource, Path out) throws Exception {
    var bodies = set(dataSource);
    long statements = count(bodies);
    // Caught up: the position is now (the earlier sets are already applied or not wanted).
    setPosition(dataSource, Instant.now().minusMillis(1));
    var projector = projector(dataSource);
    var thread = new Thread(projector, "projector");
    thread.start();
    Thread.sleep(2000);
    long handledBefore = handled(projector);
    var freshness = new FreshnessWatch(options.get("jdbc"), options.getOrDefault("user", "root"));
    var watcher = new Thread(freshness, "freshness");
    watcher.start();
    var cpu = Cpu.now();
    long pollNanos = POLL_NANOS.get(), polls = POLLS.get(), polled = POLLED.get();
    double rate = post(bodies, statements);
    long ended = System.nanoTime();
    waitFor(projector, handledBefore + statements, Duration.ofMinutes(20));
    double lagAfter = (System.nanoTime() - ended) / 1e9;
    var used = Cpu.now().minus(cpu);
    freshness.stop = true;
    watcher.join(90_000);
    projector.stop();
    thread.join(30_000);
    System.out.printf(
        "steady %s (%s): %d statements posted at %.0f statements/s with the projector running;"
            + " the projector had handled them all %.1f s after the last post; freshness %s;"
            + " %s; CPU s per 1,000 statements (ingest + projection): %s; load %s%n",
        options.get("set"),
        options.getOrDefault("label", "?"),
        statements,
        rate,
        lagAfter,
        freshness.report(),
        feed(POLL_NANOS.get() - pollNanos, POLLS.get() - polls, POLLED.get() - polled),
        used.per(statements),
        load());
  }

  static long handled(CoverageProjector projector) {
    var status = projector.status();
    return status.applied() + status.duplicates() + status.skipped();
  }

  static void waitFor(CoverageProjector projector, long handled, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (handled(projector) < handled) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Projector stuck: " + projector.status());
      }
      Thread.sleep(20);
    }
  }

  static final AtomicLong POLL_NANOS = new AtomicLong();
  static final AtomicLong POLLS = new AtomicLong();
  static final AtomicLong POLLED = new AtomicLong();

  static CoverageProjector projector(DataSource dataSource) {
    var client =
        XapiClient.builder(URI.create(options.get("lrs")))
            .basicAuth(options.get("key"), options.get("secret"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return new CoverageProjector(
        dataSource,
        connection -> {
          var subscriber =
              new XapiQueryStatementSubscriber(
                  client,
                  new JdbcQueryStreamPositionStore(dataSource, connection, READER),
                  XapiQueryStatementSubscriber.Settings.defaults());
          // Times the reading of the stream (the LRS's query, its pages, the client's parsing),
          // apart from applying: the rest of the projector's time.
          return new StatementStreamSubscriber() {
            @Override
            public List<StreamedStatement> poll(Duration timeout) {
              long started = System.nanoTime();
              var batch = subscriber.poll(timeout);
              if (!batch.isEmpty()) {
                POLL_NANOS.addAndGet(System.nanoTime() - started);
                POLLS.incrementAndGet();
                POLLED.addAndGet(batch.size());
              }
              return batch;
            }

            @Override
            public void commit() {
              subscriber.commit();
            }

            @Override
            public void close() {
              subscriber.close();
            }
          };
        },
        true,
        CoverageProjector.Settings.defaults());
  }

  static String feed(long pollNanos, long polls, long polled) {
    return String.format(
        "%d batches of %.0f statements on average; reading the stream %.1f s of it",
        polls, polls == 0 ? 0.0 : (double) polled / polls, pollNanos / 1e9);
  }

  /** Empties what the projector writes and puts its position just before {@code since}. */
  static void reset(DataSource dataSource, Instant since) throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      for (var table :
          List.of(
              "cov_statement",
              "cov_state",
              "cov_live",
              "cov_month",
              "cov_unit",
              "cov_skipped",
              "cov_course",
              "cov_trained",
              "cov_staff_trained",
              "cov_trained_person",
              "cov_change")) {
        statement.executeUpdate("delete from " + table);
      }
    }
    setPosition(dataSource, since);
  }

  static void setPosition(DataSource dataSource, Instant since) throws SQLException {
    try (var connection = dataSource.getConnection();
        var delete = connection.prepareStatement("delete from cov_stream_position where reader = ?");
        var insert =
            connection.prepareStatement(
                "insert into cov_stream_position (reader, since_at, seen) values (?, ?, '')")) {
      delete.setString(1, READER);
      delete.executeUpdate();
      insert.setString(1, READER);
      insert.setString(2, since.toString());
      insert.executeUpdate();
    }
  }

  static String load() {
    try {
      var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  // --- CPU of this JVM, the platform and MariaDB ---

  record Cpu(double bench, double platform, double mariadb) {
    static Cpu now() {
      return new Cpu(
          seconds("self"), seconds(options.getOrDefault("platformPid", "")), seconds(options.getOrDefault("mariadbPid", "")));
    }

    Cpu minus(Cpu other) {
      return new Cpu(bench - other.bench, platform - other.platform, mariadb - other.mariadb);
    }

    String per(long statements) {
      return String.format(
          "bench/projector %.3f, platform/LRS %.3f, MariaDB %.3f",
          1000 * bench / statements, 1000 * platform / statements, 1000 * mariadb / statements);
    }

    static double seconds(String pid) {
      if (pid.isEmpty()) {
        return 0;
      }
      try {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (Exception e) {
        return 0;
      }
    }
  }

  // --- freshness: LRS stored → the statement's row in cov_statement ---

  static final class FreshnessWatch implements Runnable {
    final String jdbc;
    final String user;
    volatile boolean stop;
    final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    volatile int notApplied;

    FreshnessWatch(String jdbc, String user) {
      this.jdbc = jdbc;
      this.user = user;
    }

    @Override
    public void run() {
      try (var connection = java.sql.DriverManager.getConnection(jdbc, user, "")) {
        connection.setAutoCommit(true);
        long since;
        try (var statement = connection.createStatement();
            var rows =
                statement.executeQuery("select coalesce(max(stored_micros), 0) from lrs_statement")) {
          rows.next();
          since = rows.getLong(1);
        }
        var pending = new LinkedHashMap<String, Long>();
        long drainUntil = Long.MAX_VALUE;
        while (System.currentTimeMillis() < drainUntil) {
          if (drainUntil == Long.MAX_VALUE && stop) {
            drainUntil = System.currentTimeMillis() + 60_000;
          }
          try (var select =
              connection.prepareStatement(
                  "select statement_id, stored_micros from lrs_statement where stored_micros > ?"
                      + " order by stored_micros")) {
            select.setLong(1, since);
            try (var rows = select.executeQuery()) {
              while (rows.next()) {
                pending.put(rows.getString(1), rows.getLong(2));
                since = Math.max(since, rows.getLong(2));
              }
            }
          }
          long now = System.currentTimeMillis() * 1000;
          var ids = new ArrayList<>(pending.keySet());
          for (int from = 0; from < ids.size(); from += 500) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (var select =
                connection.prepareStatement(
                    "select statement_id from cov_statement where statement_id in ("
                        + String.join(",", Collections.nCopies(chunk.size(), "?"))
                        + ")")) {
              for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 1, chunk.get(i));
              }
              try (var rows = select.executeQuery()) {
                while (rows.next()) {
                  lags.add((now - pending.remove(rows.getString(1))) / 1000);
                }
              }
            }
          }
          if (drainUntil != Long.MAX_VALUE && pending.isEmpty()) {
            break;
          }
          Thread.sleep(100);
        }
        notApplied = pending.size();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }

    String report() {
      var sorted = new ArrayList<>(lags);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return "none measured";
      }
      return String.format(
          "%d statements, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, %d not applied",
          sorted.size(),
          at(sorted, 0.5),
          at(sorted, 0.95),
          at(sorted, 0.99),
          sorted.get(sorted.size() - 1),
          notApplied);
    }

    static long at(List<Long> sorted, double q) {
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
  }

  // --- a small pool of connections that counts round trips ---

  static DataSource pool(String url, String user) {
    var source = new MysqlDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword("");
    var idle = new ArrayDeque<Connection>();
    return (DataSource)
        Proxy.newProxyInstance(
            ProjectorBenchmark.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                Connection physical;
                synchronized (idle) {
                  physical = idle.poll();
                }
                if (physical == null) {
                  physical = source.getConnection();
                }
                return pooled(physical, idle);
              }
              return invoke(method, source, args);
            });
  }

  static Connection pooled(Connection physical, ArrayDeque<Connection> idle) {
    var closed = new boolean[1];
    return (Connection)
        Proxy.newProxyInstance(
            ProjectorBenchmark.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close" -> {
                  if (!closed[0]) {
                    closed[0] = true;
                    if (!physical.getAutoCommit()) {
                      physical.rollback();
                      physical.setAutoCommit(true);
                    }
                    synchronized (idle) {
                      idle.push(physical);
                    }
                  }
                  return null;
                }
                case "commit", "rollback" -> ROUND_TRIPS.incrementAndGet();
                default -> {}
              }
              var result = invoke(method, physical, args);
              if (result instanceof PreparedStatement || result instanceof Statement) {
                return counting((Statement) result);
              }
              return result;
            });
  }

  static Object counting(Statement statement) {
    var interfaces =
        statement instanceof PreparedStatement
            ? new Class<?>[] {PreparedStatement.class}
            : new Class<?>[] {Statement.class};
    InvocationHandler handler =
        (proxy, method, args) -> {
          // Without rewriteBatchedStatements (the LMS's URL has none) each batched row is its own
          // round trip on Connector/J: count addBatch, not executeBatch.
          var name = method.getName();
          if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
            ROUND_TRIPS.incrementAndGet();
          }
          return invoke(method, statement, args);
        };
    return Proxy.newProxyInstance(ProjectorBenchmark.class.getClassLoader(), interfaces, handler);
  }

  static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
