import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fresh the coverage dashboards are (issue 7: "a statement's effect visible on the dashboards
 * within 5 s (p95) of its acceptance by the LRS"), measured while bench/run-learners.sh's learners
 * run: every 100 ms it reads the statements the LRS has accepted since the last look ({@code
 * lrs_statement}, in the platform's database, with their {@code stored} time) and which of them the
 * coverage projector has applied ({@code cov_statement}: one row per statement, written in the
 * transaction that changes the counters, so a statement found there is on the dashboards, which
 * read the counters uncached). Its freshness is the time of the first look that finds it applied
 * minus its stored time: up to 100 ms late, never early. Same machine, same clock.
 *
 * <p>Runs until the file named by {@code stop=} appears, then waits up to 60 s for the statements
 * still pending and prints the distribution. {@code java -cp <Connector/J> Freshness.java jdbc=…
 * user=… password=… stop=…}
 */
public class Freshness {

  public static void main(String[] args) throws Exception {
    var options = new HashMap<String, String>();
    for (var arg : args) {
      var parts = arg.split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    var stop = Path.of(options.get("stop"));
    try (var connection =
        DriverManager.getConnection(
            options.get("jdbc"), options.get("user"), options.getOrDefault("password", ""))) {
      connection.setAutoCommit(true);
      long since = newest(connection);
      var pending = new LinkedHashMap<String, Long>(); // statement id → stored micros
      var lags = new ArrayList<Long>(); // milliseconds
      long drainUntil = Long.MAX_VALUE;
      while (System.currentTimeMillis() < drainUntil) {
        if (drainUntil == Long.MAX_VALUE && Files.exists(stop)) {
          drainUntil = System.currentTimeMillis() + 60_000;
        }
        since = accepted(connection, since, pending);
        long now = System.currentTimeMillis() * 1000;
        for (var applied : applied(connection, pending)) {
          lags.add((now - pending.remove(applied)) / 1000);
        }
        if (drainUntil != Long.MAX_VALUE && pending.isEmpty()) {
          break;
        }
        Thread.sleep(100);
      }
      report(lags, pending.size());
    }
  }

  static long newest(Connection connection) throws Exception {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select coalesce(max(stored_micros), 0) from lrs_statement")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Adds the statements stored after {@code since}; answers the newest stored time seen. */
  static long accepted(Connection connection, long since, Map<String, Long> pending)
      throws Exception {
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
    return since;
  }

  static List<String> applied(Connection connection, Map<String, Long> pending) throws Exception {
    var found = new ArrayList<String>();
    var ids = new ArrayList<>(pending.keySet());
    for (int from = 0; from < ids.size(); from += 500) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      var sql =
          "select statement_id from cov_statement where statement_id in ("
              + String.join(",", Collections.nCopies(chunk.size(), "?"))
              + ")";
      try (var select = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (var rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getString(1));
          }
        }
      }
    }
    return found;
  }

  static void report(List<Long> lags, int notApplied) {
    Collections.sort(lags);
    if (lags.isEmpty()) {
      System.out.printf("freshness: no statement applied; %d not applied within 60 s%n", notApplied);
      return;
    }
    System.out.printf(
        "freshness (LRS stored → on the dashboards): %d statements, p50 %d ms, p95 %d ms, p99 %d"
            + " ms, max %d ms; %d not applied within 60 s after the run%n",
        lags.size(),
        at(lags, 0.50),
        at(lags, 0.95),
        at(lags, 0.99),
        lags.get(lags.size() - 1),
        notApplied);
  }

  static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }
}
