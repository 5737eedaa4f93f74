import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.control.CoverageProjection;
import vn.hocso.lms.coverage.control.CoverageRecompute;
import vn.hocso.lms.coverage.dashboard.control.ActiveTrainers;
import vn.hocso.lms.coverage.dashboard.control.CoverageDashboard;
import vn.hocso.lms.coverage.dashboard.control.StaffTraining;
import vn.hocso.lms.coverage.dashboard.control.UntrainedPeople;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.scale.CountryLoad;
import vn.hocso.lms.scale.SyntheticCountry;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * National-scale coverage benchmark (issue 7): loads a SyntheticCountry into MariaDB with the bulk
 * loader (CountryEquivalenceTest shows it gives the real paths' roll-ups), then times
 *
 * <ol>
 *   <li>the full recompute of the whole country (CoverageRecompute, the headcounts included);
 *   <li>the dashboard's server work for Central, a province (Hà Nội) and its most populous commune,
 *       as an officer of that unit: overview, child units, staff training, active trainers and the
 *       untrained count — the calls CoverageDashboardView.load makes, on the real services and
 *       persistence unit (no JSF rendering, no HTTP);
 *   <li>the projector applying fresh statements in batches of 100 (CoverageProjection, one
 *       transaction per batch as CoverageProjector runs it): its rate and per-batch time;
 * </ol>
 * and prints EXPLAIN for each dashboard query. Run through bench/run-country.sh.
 */
public class CountryBenchmark {

  public static void main(String[] args) throws Exception {
    var options = new HashMap<String, String>();
    for (var arg : args) {
      var parts = arg.split("=", 2);
      options.put(parts[0], parts[1]);
    }
    double scale = Double.parseDouble(options.getOrDefault("scale", "0.01"));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261128"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "40"));
    boolean load = !"false".equals(options.get("load"));
    var jdbc = options.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/hocso_bench_scale");

    var dataSource = new MysqlDataSource();
    dataSource.setURL(jdbc + (jdbc.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true");
    dataSource.setUser("root");
    dataSource.setPassword("");
    LmsSchema.migrate(dataSource);
    var properties = new HashMap<String, Object>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", null);
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    properties.put("eclipselink.logging.level", "SEVERE");
    var factory = Persistence.createEntityManagerFactory("hocso", properties);
    var country = new SyntheticCountry(seed, scale);
    System.out.printf(
        "Country scale %s seed %d: %d provinces, %d communes, %d branches, %d people%n",
        scale, seed, country.provinces().size(), country.communes().size(),
        country.branches().size(), country.people());
    System.out.println("load before: " + load());

    if (load) {
      long started = System.nanoTime();
      long cpu = cpu();
      long statements =
          CountryLoad.bulk(
              factory,
              dataSource,
              country,
              n -> {
                if (n % 20000 == 0) {
                  System.out.printf("  %d people loaded, %.0f s%n", n, (System.nanoTime() - started) / 1e9);
                }
              });
      System.out.printf(
          "Bulk load (incl. one recompute): %d statements in the ledger, %.1f s, %.1f CPU s (loader)%n",
          statements, (System.nanoTime() - started) / 1e9, (cpu() - cpu) / 1e9);
    }
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      for (var table : List.of("cov_headcount", "cov_month", "cov_live", "cov_state", "person",
          "person_membership", "org_unit", "cov_statement")) {
        statement.execute("analyze table " + table);
      }
      try (var rows = statement.executeQuery(
          "select (select count(*) from person), (select count(*) from cov_statement),"
              + " (select count(*) from cov_state), (select count(*) from cov_month),"
              + " (select count(*) from cov_headcount)")) {
        rows.next();
        System.out.printf("Rows: person %d, cov_statement %d, cov_state %d, cov_month %d, cov_headcount %d%n",
            rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
      }
    }

    // 1. Full recompute of the whole country: recompute=swap (default: fresh tables renamed in, as
    // an operator runs it), inplace (in one transaction, as the tests run it) or false (skipped).
    // The figures are summed before and after: a recompute must leave them as the projector did.
    var mode = options.getOrDefault("recompute", "swap");
    if (!"false".equals(mode)) {
      var before = checksums(dataSource);
      long started = System.nanoTime();
      long cpu = cpu();
      CoverageRecompute recompute;
      try (var connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        recompute =
            "inplace".equals(mode)
                ? new CoverageRecompute(connection)
                : new CoverageRecompute(connection, dataSource);
        recompute.run();
        connection.commit();
      }
      System.out.printf("Full recompute (%s): %.1f s wall, %.1f CPU s in this JVM; load %s%n",
          mode, (System.nanoTime() - started) / 1e9, (cpu() - cpu) / 1e9, load());
      System.out.println("  steps: " + String.join(", ", recompute.steps()));
      var after = checksums(dataSource);
      System.out.println("  figures before: " + before);
      System.out.println("  figures after:  " + after);
      System.out.println("  " + (before.equals(after) ? "SAME figures" : "DIFFERENT figures"));
    }

    // 2. Dashboards.
    long central;
    long hanoi;
    long commune;
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      central = single(statement, "select id from org_unit where kind = 'CENTRAL'");
      hanoi = single(statement, "select id from org_unit where code = '01'");
      commune = single(statement,
          "select m.unit_id from person_membership m join org_unit u on u.id = m.unit_id"
              + " where u.kind = 'COMMUNE' and u.parent_id = " + hanoi
              + " group by m.unit_id order by count(*) desc limit 1");
    }
    var today = LocalDate.now(StatementReading.VIETNAM);
    var period = Period.of(Period.Kind.LAST_SIX_MONTHS, null, null, today);
    System.out.println("load before dashboards: " + load());
    var results = new ArrayList<String>();
    for (var unit : List.of(Map.entry("Central", central), Map.entry("Hà Nội", hanoi),
        Map.entry("commune " + commune, commune))) {
      var scope = new ManagedScope(Set.of(unit.getValue()));
      var requester = new Requester("bench.officer", null, scope);
      var times = new double[iterations];
      var parts = new double[6][iterations];
      long cpu = cpu();
      for (int i = -5; i < iterations; i++) { // 5 to warm up
        var em = factory.createEntityManager();
        try {
          em.getTransaction().begin();
          var dashboard = new CoverageDashboard(em);
          long t0 = System.nanoTime();
          var overview = dashboard.overview(unit.getValue(), period, scope);
          long t1 = System.nanoTime();
          dashboard.children(unit.getValue(), period, Track.ELECTRONIC_PAYMENT, scope);
          long t2 = System.nanoTime();
          new StaffTraining(em, Clock.systemUTC()).figures(unit.getValue(), today.getYear(), scope);
          long t3 = System.nanoTime();
          new ActiveTrainers(em).active(unit.getValue(), period, scope);
          long t4 = System.nanoTime();
          var untrained = new UntrainedPeople(em, Clock.systemUTC());
          var filter = new UntrainedPeople.Filter(unit.getValue(), Subject.track("ELECTRONIC_PAYMENT"),
              UntrainedPeople.Who.MEMBERS_AND_STAFF, "");
          untrained.count(filter, requester);
          long t5 = System.nanoTime();
          // The list's first page (25, by name), which the page loads with the count.
          untrained.list(filter, 0, 25, requester);
          long t6 = System.nanoTime();
          em.getTransaction().rollback();
          if (i >= 0) {
            times[i] = (t6 - t0) / 1e6;
            parts[0][i] = (t1 - t0) / 1e6;
            parts[1][i] = (t2 - t1) / 1e6;
            parts[2][i] = (t3 - t2) / 1e6;
            parts[3][i] = (t4 - t3) / 1e6;
            parts[4][i] = (t5 - t4) / 1e6;
            parts[5][i] = (t6 - t5) / 1e6;
          }
          if (i == 0) {
            System.out.printf("  %s: %d people, %d members%n", unit.getKey(), overview.people(), overview.members());
          }
        } finally {
          em.close();
        }
      }
      var line = String.format(
          "| %s | %.0f | %.0f | overview %.0f, children %.0f, staff %.0f, trainers %.0f, untrained count %.0f, list page %.0f | %.1f |",
          unit.getKey(), percentile(times, 50), percentile(times, 95), percentile(parts[0], 95),
          percentile(parts[1], 95), percentile(parts[2], 95), percentile(parts[3], 95),
          percentile(parts[4], 95), percentile(parts[5], 95), (cpu() - cpu) / 1e6 / (iterations + 5));
      results.add(line);
      System.out.println(line);
    }
    System.out.println("| Unit | p50 ms | p95 ms | p95 per part (ms) | CPU ms per page (this JVM) |");
    results.forEach(System.out::println);
    System.out.println("load after dashboards: " + load());

    // 3. The projector applying fresh statements (people loaded by the bulk loader).
    {
      var accounts = new ArrayList<String>();
      try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
          var rows = statement.executeQuery("select xapi_account from person order by id limit 2000")) {
        while (rows.next()) {
          accounts.add(rows.getString(1));
        }
      }
      int batches = Integer.parseInt(options.getOrDefault("projectorBatches", "40"));
      var batchTimes = new double[batches];
      long started = System.nanoTime();
      var random = new java.util.Random(seed);
      for (int b = 0; b < batches; b++) {
        var batch = new ArrayList<StreamedStatement>();
        for (int s = 0; s < 100; s++) {
          var course = SyntheticCountry.COURSES.get(random.nextInt(SyntheticCountry.COURSES.size()));
          var id = UUID.randomUUID();
          var verb = random.nextInt(5) == 0 ? "completed" : "experienced";
          var object = verb.equals("completed") ? course.iri() : course.iri() + "/lesson/bai-1";
          var json = "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{"
              + "\"homePage\":\"" + StatementReading.HOME_PAGE + "\",\"name\":\""
              + accounts.get(random.nextInt(accounts.size())) + "\"}},\"verb\":{\"id\":\""
              + StatementReading.VERBS + verb + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
              + object + "\"},\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\""
              + course.iri() + "\"}]}},\"timestamp\":\"" + Instant.now() + "\"}";
          batch.add(new StreamedStatement(id, "bench", Instant.now(), json));
        }
        long t0 = System.nanoTime();
        try (var connection = dataSource.getConnection()) {
          connection.setAutoCommit(false);
          try (var tables = new CoverageTables(connection)) {
            var projection = new CoverageProjection(tables);
            projection.applyChanges();
            projection.applyAll(batch);
          }
          connection.commit();
        }
        batchTimes[b] = (System.nanoTime() - t0) / 1e6;
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "Projector: %d statements in batches of 100, %.0f statements/s; batch p50 %.0f ms, p95 %.0f ms; load %s%n",
          batches * 100, batches * 100 / seconds, percentile(batchTimes, 50), percentile(batchTimes, 95), load());
    }

    // 4. EXPLAIN of the dashboard's queries at Central and at the commune.
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      var month = period.to().getYear() * 100 + period.to().getMonthValue();
      var day = "'" + today + "'";
      var queries = new java.util.LinkedHashMap<String, String>();
      queries.put("headcount (CoverageQuery.figures)",
          "select sum(people), sum(members) from cov_headcount where unit_id = %d and changed_on <= " + day);
      queries.put("figures cov_month",
          "select subject, milestone, sum(case when month_key >= 202606 then people else 0 end), sum(people)"
              + " from cov_month where unit_id = %d and month_key <= " + month + " group by subject, milestone");
      queries.put("figures cov_live", "select subject, milestone, people from cov_live where unit_id = %d");
      queries.put("trend", "select subject, month_key, sum(people) from cov_month where unit_id = %d and"
          + " milestone = 'COMPLETED' and subject like 'T%%' and month_key <= " + month + " group by subject, month_key");
      queries.put("children (open child units)", "select id from org_unit where parent_id = %d and valid_to is null order by name");
      queries.put("child headcounts", "select unit_id, sum(people) from cov_headcount where unit_id in"
          + " (select id from org_unit where parent_id = %d) and changed_on <= " + day + " group by unit_id");
      queries.put("untrained count", "select count(*) from person p join org_unit u on u.id = p.home_unit_id"
          + " left join org_unit a1 on a1.id = u.parent_id left join org_unit a2 on a2.id = a1.parent_id"
          + " left join org_unit a3 on a3.id = a2.parent_id left join org_unit a4 on a4.id = a3.parent_id"
          + " where %d in (u.id, a1.id, a2.id, a3.id, a4.id) and p.erased_on is null and not exists (select 1"
          + " from cov_state s where s.person_id = p.id and s.subject = 'TELECTRONIC_PAYMENT' and"
          + " s.milestone = 'COMPLETED') and (p.is_member = true or p.staff_employment is not null)");
      // The counters the staff section and the untrained count read (migration V24).
      queries.put("staff (cov_people)", "select staff_level, staff_position, sum(people) from cov_people"
          + " where unit_id = %d and is_staff = true group by staff_level, staff_position");
      queries.put("staff trained (cov_staff_trained)", "select staff_level, staff_position, trained_year,"
          + " people from cov_staff_trained where unit_id = %d");
      queries.put("untrained count: people (cov_people)",
          "select sum(people) from cov_people where unit_id = %d and is_erased = false");
      queries.put("untrained count: trained (cov_trained)", "select sum(people) from cov_trained"
          + " where unit_id = %d and subject = 'TELECTRONIC_PAYMENT'");
      queries.put("untrained list, first page", "select p.id, p.full_name from person p"
          + " join org_unit u on u.id = p.home_unit_id"
          + " left join org_unit p1 on p1.id = u.parent_id left join org_unit p2 on p2.id = p1.parent_id"
          + " left join org_unit p3 on p3.id = p2.parent_id left join org_unit p4 on p4.id = p3.parent_id"
          + " where (u.id = %1$d or p1.id = %1$d or p2.id = %1$d or p3.id = %1$d or p4.id = %1$d)"
          + " and p.erased_on is null and not exists (select 1 from cov_state s where s.person_id = p.id"
          + " and s.subject = 'TELECTRONIC_PAYMENT' and s.milestone = 'COMPLETED')"
          + " and (p.is_member = true or p.staff_employment is not null)"
          + " order by p.search_name, p.id limit 25 offset 0");
      // What UntrainedPeople reads for a subtree of at least 1 % of the country (Central, a
      // province): the name index walked in order, stopping at the page.
      queries.put("untrained list, first page, in name order (large subtree)",
          queries.get("untrained list, first page")
              .replace("select p.id", "select straight_join p.id")
              .replace(" from person p ", " from person p force index (person_search_name) "));
      for (var unit : List.of(central, commune)) {
        for (var query : queries.entrySet()) {
          System.out.println("EXPLAIN " + query.getKey() + " @" + unit + ":");
          try (var rows = statement.executeQuery("explain " + String.format(query.getValue(), unit))) {
            while (rows.next()) {
              System.out.printf("    table=%s type=%s key=%s rows=%s extra=%s%n", rows.getString("table"),
                  rows.getString("type"), rows.getString("key"), rows.getString("rows"), rows.getString("Extra"));
            }
          } catch (java.sql.SQLException e) {
            System.out.println("    (not on this schema: " + e.getMessage() + ")");
          }
        }
      }
    }
    factory.close();
  }

  /** Row count and a sum of row hashes of each recomputed table (order-free; zero counters left out). */
  static Map<String, String> checksums(javax.sql.DataSource dataSource) throws Exception {
    var sums = new java.util.LinkedHashMap<String, String>();
    var tables = new java.util.LinkedHashMap<String, String>();
    tables.put("cov_state", "person_id, subject, milestone, reached_on, month_unit_id, live_unit_id");
    tables.put("cov_live where people <> 0", "unit_id, subject, milestone, people");
    tables.put("cov_month where people <> 0", "unit_id, subject, milestone, month_key, people");
    tables.put("cov_headcount where people <> 0 or members <> 0", "unit_id, changed_on, people, members");
    tables.put("cov_headcount_stretch", "membership_id, person_id, unit_id, valid_from, valid_to, member");
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      for (var table : tables.entrySet()) {
        try (var rows = statement.executeQuery("select count(*), sum(crc32(concat_ws('|', "
            + table.getValue() + "))) from " + table.getKey())) {
          rows.next();
          sums.put(table.getKey().split(" ")[0], rows.getLong(1) + "/" + rows.getLong(2));
        }
      }
    }
    return sums;
  }

  static long single(java.sql.Statement statement, String sql) throws Exception {
    try (var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static double percentile(double[] values, int p) {
    var sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String load() {
    return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
