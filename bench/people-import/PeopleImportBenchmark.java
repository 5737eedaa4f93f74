import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.demo.DemoDataSeeder;
import vn.hocso.lms.people.control.ImportPreview;
import vn.hocso.lms.people.control.ImportProblem;
import vn.hocso.lms.people.control.ImportProgress;
import vn.hocso.lms.people.control.PeopleImport;
import vn.hocso.lms.people.control.RowSource;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.FormerCommune;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Bulk import of people (issue 4): 50,000 rows with 1% bad rows, as CSV and as XLSX. Shows that
 * every bad row is reported and nothing is stored, then times preview + commit of the fixed file,
 * and a raw JDBC batch insert of the same rows into the same tables as the baseline. Run through
 * bench/run-import.sh (single-file source program on lms-web's test class path).
 */
public class PeopleImportBenchmark {

  static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
    "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  static final String[] MIDDLE = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Thanh", "Thị Minh", "Ngọc"};
  static final String[] GIVEN = {"An", "Bình", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa",
    "Hương", "Lan", "Liên", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo",
    "Trang", "Tuyết", "Vân", "Xuân", "Yến"};
  static final String HEADER = "Họ và tên,Năm sinh,Số điện thoại,Mã xã,Hội viên,Dân tộc";

  public static void main(String[] args) throws Exception {
    var options = new HashMap<String, String>();
    for (var arg : args) {
      var parts = arg.split("=", 2);
      options.put(parts[0], parts[1]);
    }
    int rows = Integer.parseInt(options.getOrDefault("rows", "50000"));
    var jdbc = options.getOrDefault("jdbc", "jdbc:mysql://127.0.0.1:3306/hocso_bench_import");
    var folder = Files.createDirectories(Path.of(options.getOrDefault("out", "bench/target/import")));

    var dataSource = new MysqlDataSource();
    dataSource.setURL(jdbc);
    dataSource.setUser(options.getOrDefault("user", "root"));
    dataSource.setPassword(options.getOrDefault("password", ""));
    LmsSchema.migrate(dataSource);
    var properties = new HashMap<String, Object>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", null);
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    properties.put("eclipselink.logging.level", "SEVERE");
    var factory = Persistence.createEntityManagerFactory("hocso", properties);
    inTransaction(factory, em -> { new DemoDataSeeder(em).seed(); return null; });

    // Communes of the whole country; one row in ten names a pre-2025 commune code.
    var em0 = factory.createEntityManager();
    var communes = em0.createQuery("select u.code from OrgUnit u where u.kind = :k and u.validTo is null", String.class)
        .setParameter("k", UnitKind.COMMUNE).getResultList();
    var oldCodes = em0.createQuery("select f.oldCode from FormerCommune f", String.class).getResultList();
    long root = em0.createQuery("select u.id from OrgUnit u where u.parent is null", Long.class).getSingleResult();
    em0.close();
    var scope = new ManagedScope(Set.of(root));

    var random = new Random(2026);
    var good = new ArrayList<String[]>();
    for (int i = 0; i < rows; i++) {
      var name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)]
          + " " + GIVEN[random.nextInt(GIVEN.length)] + " " + (i + 1);
      var code = random.nextInt(10) == 0 ? oldCodes.get(random.nextInt(oldCodes.size()))
          : communes.get(random.nextInt(communes.size()));
      good.add(new String[] {name, String.valueOf(1950 + random.nextInt(55)),
          String.format("09%08d", i), code, random.nextInt(4) == 0 ? "không" : "có",
          random.nextInt(20) == 0 ? "Tày" : ""});
    }
    // 1% bad rows, five kinds of mistake; the set of their row numbers is what must be reported.
    var bad = new ArrayList<String[]>();
    good.forEach(row -> bad.add(row.clone()));
    var badRows = new TreeSet<Integer>();
    for (int i = 0; badRows.size() < rows / 100; i++) {
      int index = 1 + random.nextInt(rows - 2);
      // File row = index + 2 (the header is row 1). Bad rows never touch, so that "the phone of
      // the row above" always repeats a good row.
      if (badRows.contains(index + 1) || badRows.contains(index + 3) || !badRows.add(index + 2)) {
        continue;
      }
      var row = bad.get(index);
      switch (badRows.size() % 5) {
        case 0 -> row[1] = "19x5";
        case 1 -> row[2] = "12345";
        case 2 -> row[3] = "99999";
        case 3 -> row[0] = "";
        default -> row[2] = good.get(index - 1)[2]; // the phone of the row above
      }
    }
    var csvBad = writeCsv(folder.resolve("people-bad.csv"), bad);
    var csvGood = writeCsv(folder.resolve("people-fixed.csv"), good);
    var xlsxBad = writeXlsx(folder.resolve("people-bad.xlsx"), bad);
    var xlsxGood = writeXlsx(folder.resolve("people-fixed.xlsx"), good);

    System.out.printf("Files: %s (%,d bytes), %s (%,d bytes)%n", csvGood.getFileName(), Files.size(csvGood),
        xlsxGood.getFileName(), Files.size(xlsxGood));
    var results = new ArrayList<String>();
    for (var format : List.of("CSV", "XLSX")) {
      var badFile = format.equals("CSV") ? csvBad : xlsxBad;
      var goodFile = format.equals("CSV") ? csvGood : xlsxGood;
      truncate(dataSource);
      long t0 = System.nanoTime();
      var refused = preview(factory, badFile, scope);
      long badMillis = (System.nanoTime() - t0) / 1_000_000;
      var reported = new TreeSet<Integer>();
      refused.problems().forEach(p -> reported.add(p.row()));
      if (!reported.equals(badRows) || refused.canCommit() || count(dataSource) != 0) {
        throw new AssertionError(format + ": reported " + reported.size() + " rows, expected "
            + badRows.size() + "; first problems " + refused.problems().subList(0, Math.min(5, refused.problems().size())));
      }
      System.out.printf("%s with %d bad rows: all %d reported, nothing stored, in %,d ms%n", format,
          badRows.size(), reported.size(), badMillis);
      t0 = System.nanoTime();
      var preview = preview(factory, goodFile, scope);
      long previewMillis = (System.nanoTime() - t0) / 1_000_000;
      if (!preview.canCommit()) {
        throw new AssertionError(format + " fixed file still has problems: " + preview.problems().subList(0, 5));
      }
      t0 = System.nanoTime();
      int added = inTransaction(factory, em -> new PeopleImport(em, Clock.systemUTC()).commit(preview, new vn.hocso.lms.privacy.control.Requester("bench", null, scope), new ImportProgress()));
      long commitMillis = (System.nanoTime() - t0) / 1_000_000;
      if (added != rows || count(dataSource) != rows) {
        throw new AssertionError(format + ": added " + added + ", stored " + count(dataSource));
      }
      System.out.printf("%s fixed: preview %,d ms + commit %,d ms = %,d ms for %,d rows%n", format,
          previewMillis, commitMillis, previewMillis + commitMillis, rows);
      results.add(String.format("| %s | %,d ms (%d bad rows, all reported) | %,d ms | %,d ms | **%,d ms** |",
          format, badMillis, badRows.size(), previewMillis, commitMillis, previewMillis + commitMillis));
    }

    // Baseline: the same rows straight into person and person_membership with JDBC batches.
    truncate(dataSource);
    var fixed = preview(factory, csvGood, scope);
    long t0 = System.nanoTime();
    rawInsert(dataSource, fixed.rows());
    long rawMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("Baseline raw JDBC batch insert: %,d ms for %,d rows%n", rawMillis, count(dataSource));
    results.add(String.format("| Baseline: raw JDBC batch insert of the checked rows | — | — | %,d ms | %,d ms |", rawMillis, rawMillis));
    var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.println();
    System.out.println("| File | Bad file: preview | Fixed file: preview | Commit | Preview + commit |");
    System.out.println("|---|---|---|---|---|");
    results.forEach(System.out::println);
    System.out.printf("%nHeap: max %,d MB, committed %,d MB at the end%n", memory.getMax() >> 20, memory.getCommitted() >> 20);
    factory.close();
  }

  static ImportPreview preview(EntityManagerFactory factory, Path file, ManagedScope scope) throws Exception {
    var em = factory.createEntityManager();
    try {
      return new PeopleImport(em, Clock.systemUTC()).preview(RowSource.open(file), scope, new ImportProgress());
    } finally {
      em.close();
    }
  }

  static Path writeCsv(Path file, List<String[]> rows) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write("\r\n");
      for (var row : rows) {
        out.write(String.join(",", row));
        out.write("\r\n");
      }
    }
    return file;
  }

  static Path writeXlsx(Path file, List<String[]> rows) throws Exception {
    try (var workbook = new SXSSFWorkbook(200)) {
      var sheet = workbook.createSheet("Danh sách");
      var header = sheet.createRow(0);
      var titles = HEADER.split(",");
      for (int c = 0; c < titles.length; c++) {
        header.createCell(c).setCellValue(titles[c]);
      }
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r + 1);
        var cells = rows.get(r);
        for (int c = 0; c < cells.length; c++) {
          if (c == 1 && cells[c].matches("\\d{4}")) {
            row.createCell(c).setCellValue(Integer.parseInt(cells[c])); // years as numbers, like Excel
          } else if (!cells[c].isEmpty()) {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      workbook.dispose();
    }
    return file;
  }

  static void rawInsert(javax.sql.DataSource dataSource, List<ImportPreview.ImportRow> rows) throws Exception {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var person = connection.prepareStatement(
              "insert into person (id, full_name, search_name, birth_year, phone, ethnicity, is_member,"
                  + " is_trainer, xapi_account, home_unit_id, revision) values (?,?,?,?,?,?,?,?,?,?,?)");
          var membership = connection.prepareStatement(
              "insert into person_membership (id, person_id, unit_id, valid_from) values (?,?,?,?)")) {
        long id = 50_000_000;
        var today = Date.valueOf(LocalDate.now());
        int pending = 0;
        for (var row : rows) {
          id++;
          person.setLong(1, id);
          person.setString(2, row.fullName());
          person.setString(3, FoldedText.fold(row.fullName()));
          person.setObject(4, row.birthYear());
          person.setString(5, row.phone());
          person.setString(6, row.ethnicity());
          person.setBoolean(7, row.member());
          person.setBoolean(8, false);
          person.setString(9, UUID.randomUUID().toString());
          person.setLong(10, row.unitId());
          person.setLong(11, 1);
          person.addBatch();
          membership.setLong(1, id);
          membership.setLong(2, id);
          membership.setLong(3, row.unitId());
          membership.setDate(4, today);
          membership.addBatch();
          if (++pending == 1000) {
            person.executeBatch();
            membership.executeBatch();
            pending = 0;
          }
        }
        person.executeBatch();
        membership.executeBatch();
      }
      connection.commit();
    }
  }

  static void truncate(javax.sql.DataSource dataSource) throws Exception {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.execute("delete from person_membership");
      statement.execute("delete from person");
    }
  }

  static long count(javax.sql.DataSource dataSource) throws Exception {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
        var result = statement.executeQuery("select count(*) from person")) {
      result.next();
      return result.getLong(1);
    }
  }

  static <T> T inTransaction(EntityManagerFactory factory, Function<jakarta.persistence.EntityManager, T> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      var result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
