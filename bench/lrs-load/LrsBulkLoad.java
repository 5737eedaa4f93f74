import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import vn.hocso.bench.IngestBenchmark;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.statements.control.StoredClock;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.validation.StatementValidator;

/**
 * Fills an LRS database with benchmark statements faster than HTTP can on a shared 2-core machine:
 * the LRS's own classes (validator, Statement.accept, JdbcStatementStore) on a plain data source,
 * so the rows are those the LRS writes. `check` first proves it: the same statements POSTed to the
 * running LRS and loaded here into a scratch database must give identical rows.
 *
 * <p>Arguments: database, count, [threads=2], [batch=500], [check=URL of the running LRS].
 */
public class LrsBulkLoad {

  static final String KEY = "bench";

  public static void main(String[] args) throws Exception {
    var options = new java.util.HashMap<String, String>();
    for (var arg : args) {
      var pair = arg.split("=", 2);
      options.put(pair[0], pair[1]);
    }
    var database = options.get("database");
    long count = Long.parseLong(options.getOrDefault("count", "0"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "500"));
    var source = dataSource(database);
    migrate(source);
    var store = new JdbcStatementStore(source);
    var clock = new StoredClock();
    if (stored(source) == 0) { // the rare learner's statements are the oldest
      store.storeAll(accept(statements(20, IngestBenchmark.RARE_LEARNER), clock));
    }
    if (options.containsKey("check")) {
      check(URI.create(options.get("check").replaceAll("/?$", "/")), database);
    }
    if (count <= 0) {
      return;
    }
    long stored = stored(source);
    var remaining = new AtomicLong(count - stored);
    var done = new AtomicLong();
    long start = System.nanoTime();
    var pool = Executors.newFixedThreadPool(threads);
    var work = new ArrayList<java.util.concurrent.Callable<Void>>();
    for (int t = 0; t < threads; t++) {
      work.add(
          () -> {
            long take;
            while ((take = Math.min(batch, remaining.getAndAdd(-batch))) > 0) {
              store.storeAll(accept(statements((int) take, -1), clock));
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
    for (var future : pool.invokeAll(work)) {
      future.get();
    }
    pool.shutdown();
    System.out.printf(
        "bulk-loaded %,d statements in %.0f s%n", done.get(), (System.nanoTime() - start) / 1e9);
  }

  static long stored(javax.sql.DataSource source) throws Exception {
    try (var connection = source.getConnection();
        var rows = connection.createStatement().executeQuery("select count(*) from lrs_statement")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static List<JsonObject> statements(int count, int learner) {
    var list = new ArrayList<JsonObject>();
    for (int i = 0; i < count; i++) {
      try (var reader = Json.createReader(new StringReader(IngestBenchmark.statementJson(learner)))) {
        list.add(reader.readObject());
      }
    }
    return list;
  }

  /** What StatementService does to a batch before storing it: validate, then accept. */
  static List<Statement> accept(List<JsonObject> submitted, StoredClock clock) {
    var validator = new StatementValidator(vn.hocso.xapi.version.XapiVersion.V2_0_0);
    long first = clock.reserve(submitted.size());
    try {
      var accepted = new ArrayList<Statement>();
      for (int i = 0; i < submitted.size(); i++) {
        validator.validate(submitted.get(i));
        accepted.add(
            Statement.accept(
                submitted.get(i), first + i, LrsClient.defaultAuthority(KEY), "2.0.0", KEY));
      }
      return accepted;
    } finally {
      clock.release(first);
    }
  }

  static MysqlDataSource dataSource(String database) throws Exception {
    var source = new MysqlDataSource();
    source.setURL("jdbc:mysql://127.0.0.1:3306/" + database + "?rewriteBatchedStatements=true");
    source.setUser(database);
    source.setPassword(database);
    return source;
  }

  static void migrate(javax.sql.DataSource source) {
    Flyway.configure(LrsBulkLoad.class.getClassLoader())
        .dataSource(source)
        .locations("classpath:db/migration/lrs")
        .table("lrs_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /**
   * POSTs 50 statements to the running LRS (which writes to {@code database}), loads the same 50
   * into a fresh scratch database here, and compares every row they produced, but for the stored
   * time the LRS chose. Fails the run if they differ.
   */
  static void check(URI lrs, String database) throws Exception {
    var raw = new ArrayList<String>();
    var sample = new ArrayList<JsonObject>();
    for (int i = 0; i < 50; i++) {
      raw.add(IngestBenchmark.statementJson(-1));
      try (var reader = Json.createReader(new StringReader(raw.get(i)))) {
        sample.add(reader.readObject());
      }
    }
    var body = new StringBuilder("[").append(String.join(",", raw)).append(']');
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(lrs.resolve("statements"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (KEY + ":bench-secret").getBytes(StandardCharsets.UTF_8)))
                    .header("X-Experience-API-Version", "2.0.0")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The LRS answered " + response.statusCode() + ": " + response.body());
    }
    var scratch = database + "_check";
    try (var root =
        java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
      var sql = root.createStatement();
      sql.execute("drop database if exists " + scratch);
      sql.execute("create database " + scratch + " character set utf8mb4 collate utf8mb4_unicode_ci");
      sql.execute("create or replace user '" + scratch + "'@'127.0.0.1' identified by '" + scratch + "'");
      sql.execute("grant all on " + scratch + ".* to '" + scratch + "'@'127.0.0.1'");
    }
    var loaded = dataSource(scratch);
    migrate(loaded);
    new JdbcStatementStore(loaded).storeAll(accept(sample, new StoredClock()));
    var ids = sample.stream().map(s -> s.getString("id")).toList();
    try (var viaLrs = dataSource(database).getConnection();
        var viaLoader = loaded.getConnection()) {
      var expected = rows(viaLrs, ids);
      var actual = rows(viaLoader, ids);
      if (!expected.equals(actual) || expected.size() < 50) {
        throw new IllegalStateException(
            "The bulk loader's rows differ from the LRS's:\nLRS:    " + expected + "\nloader: " + actual);
      }
      System.out.printf(
          "check: the bulk loader wrote the same %d rows as the LRS over HTTP for 50 statements%n",
          expected.size());
    }
    try (var root =
        java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
      root.createStatement().execute("drop database " + scratch);
    }
  }

  /** Every row these statements produced, stored times left out, in a comparable order. */
  static TreeMap<String, String> rows(Connection connection, List<String> ids) throws Exception {
    var in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    var queries =
        List.of(
            "select statement_id, concat_ws('|', verb_hash, registration, voiding_target, voided,"
                + " authority_key, statement_ref), statement_json from lrs_statement where"
                + " statement_id in (" + in + ")",
            "select concat('agent ', statement_id, ' ', agent_hash), direct, '' from"
                + " lrs_statement_agent where statement_id in (" + in + ")",
            "select concat('activity ', statement_id, ' ', activity_hash), direct, '' from"
                + " lrs_statement_activity where statement_id in (" + in + ")");
    var rows = new TreeMap<String, String>();
    for (var query : queries) {
      try (var select = connection.prepareStatement(query)) {
        for (int i = 0; i < ids.size(); i++) {
          select.setString(i + 1, ids.get(i));
        }
        try (var result = select.executeQuery()) {
          while (result.next()) {
            var json = result.getString(3);
            if (!json.isEmpty()) { // the stored time is the LRS's choice: leave it out
              try (var reader = Json.createReader(new StringReader(json))) {
                json = Json.createObjectBuilder(reader.readObject()).remove("stored").build().toString();
              }
            }
            rows.put(result.getString(1), result.getString(2) + " " + json);
          }
        }
      }
    }
    return rows;
  }
}
