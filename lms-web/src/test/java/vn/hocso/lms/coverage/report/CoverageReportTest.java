package vn.hocso.lms.coverage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.TestStatements;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.report.control.CoverageReports;
import vn.hocso.lms.coverage.report.control.ReportFormat;
import vn.hocso.lms.coverage.report.control.ReportPdf;
import vn.hocso.lms.coverage.report.control.ReportSummary;
import vn.hocso.lms.coverage.report.control.ReportXlsx;
import vn.hocso.lms.coverage.report.domain.Count;
import vn.hocso.lms.coverage.report.domain.CourseRow;
import vn.hocso.lms.coverage.report.domain.CoverageReport;
import vn.hocso.lms.coverage.report.domain.Indicator;
import vn.hocso.lms.coverage.report.domain.ReportPeriod;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException.Reason;
import vn.hocso.lms.coverage.report.domain.UnitRow;
import vn.hocso.lms.coverage.report.storage.FrozenReportReader;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * The 6-month report of a small province: Phường A (Lan and Hoa, members; Mai), Phường B (Thu,
 * member) and Hồng, staff homed in the province itself. Exact figures, the sum rule, figures that
 * stay frozen when late statements arrive, both files read back, refusals and scope.
 */
class CoverageReportTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final ReportPeriod H1 = ReportPeriod.parse("2026-H1");

  /** 10 July 2026, 10:00 in Vietnam: the first half of 2026 is closed. */
  static final Clock JULY = Clock.fixed(Instant.parse("2026-07-10T03:00:00Z"), ZoneOffset.UTC);

  TestDatabases.TestDatabase database;
  DataSource data;
  EntityManagerFactory factory;
  long central;
  long province;
  long a;
  long b;
  String lan;
  String hoa;
  String mai;
  String thu;
  String hong;

  @BeforeEach
  void aProvinceWithTwoCommunesAndAStaffMember() throws Exception {
    database = TestDatabases.H2.create();
    data = database.dataSource();
    LmsSchema.migrate(data);
    CoverageDatabase.insertCourse(data, 700, "thanh-toan", "ELECTRONIC_PAYMENT");
    CoverageDatabase.insertCourse(data, 701, "mua-ban", "E_COMMERCE");
    CoverageDatabase.insertCourse(data, 702, "thanh-toan-qr", "ELECTRONIC_PAYMENT");
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    var ids =
        inTransaction(
            factory,
            em -> {
              var c = OrgUnit.central("Trung ương", START);
              var p = c.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
              var ua = p.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
              var ub = p.addChild("00008", "Phường Bến Thành", UnitKind.COMMUNE, START);
              List.of(c, p, ua, ub).forEach(em::persist);
              var people =
                  List.of(
                      new Person("Lan", 1980, ua, START),
                      new Person("Hoa", 1985, ua, START),
                      new Person("Mai", 1990, ua, START),
                      new Person("Thu", 1975, ub, START),
                      new Person("Hồng", 1970, p, START));
              people.forEach(em::persist);
              people.get(0).markMember(true);
              people.get(1).markMember(true);
              people.get(3).markMember(true);
              // Counted in the headcounts, as every writer of people does in its transaction.
              people.forEach(person -> CoverageDatabase.settleHeadcount(em, person));
              em.flush();
              var list = new ArrayList<Object>(List.of(c.id(), p.id(), ua.id(), ub.id()));
              people.forEach(person -> list.add(person.xapiAccount()));
              return list;
            });
    central = (Long) ids.get(0);
    province = (Long) ids.get(1);
    a = (Long) ids.get(2);
    b = (Long) ids.get(3);
    lan = (String) ids.get(4);
    hoa = (String) ids.get(5);
    mai = (String) ids.get(6);
    thu = (String) ids.get(7);
    hong = (String) ids.get(8);
    project(
        statement(Kind.REGISTERED, lan, "thanh-toan", LocalDate.of(2026, 2, 3)),
        statement(Kind.COMPLETED, lan, "thanh-toan", LocalDate.of(2026, 3, 4)),
        statement(Kind.EARNED, lan, "thanh-toan", LocalDate.of(2026, 3, 4)),
        // A second course of the same track: Lan still counts once in the track.
        statement(Kind.REGISTERED, lan, "thanh-toan-qr", LocalDate.of(2026, 4, 1)),
        statement(Kind.REGISTERED, hoa, "thanh-toan", LocalDate.of(2026, 3, 9)),
        statement(Kind.REGISTERED, thu, "mua-ban", LocalDate.of(2026, 5, 2)),
        statement(Kind.COMPLETED, thu, "mua-ban", LocalDate.of(2026, 5, 20)),
        // Before the period: counts by its end, not in it.
        statement(Kind.REGISTERED, hong, "thanh-toan", LocalDate.of(2025, 11, 15)),
        // After the period: not in it.
        statement(Kind.REGISTERED, mai, "thanh-toan", LocalDate.of(2026, 7, 2)));
  }

  @AfterEach
  void close() throws Exception {
    factory.close();
    database.close();
  }

  @Test
  void theReportHasExactNumeratorsDenominatorsAndShares() throws Exception {
    generate(province, scope(province));
    var report = read(province);
    var payment = Track.ELECTRONIC_PAYMENT;

    assertThat(report.unitName()).isEqualTo("Hà Nội");
    assertThat(report.countedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(report.frozenAt()).isEqualTo(JULY.instant());
    assertThat(report.total().people()).isEqualTo(5);
    assertThat(report.total().members()).isEqualTo(3);
    assertThat(report.total().count(new Indicator(payment, Milestone.ENROLLED)))
        .isEqualTo(new Count(2, 3, 5));
    assertThat(report.total().count(new Indicator(payment, Milestone.COMPLETED)))
        .isEqualTo(new Count(1, 1, 5));
    assertThat(report.total().count(new Indicator(payment, Milestone.CERTIFIED)))
        .isEqualTo(new Count(1, 1, 5));
    assertThat(report.total().count(new Indicator(Track.E_COMMERCE, Milestone.COMPLETED)))
        .isEqualTo(new Count(1, 1, 5));
    assertThat(report.total().count(new Indicator(payment, Milestone.ENROLLED)).percent())
        .contains(60.0);

    assertThat(report.children())
        .extracting(UnitRow::name)
        .containsExactly("Phường A", "Phường Bến Thành");
    var phuongA = report.children().get(0);
    assertThat(phuongA.people()).isEqualTo(3);
    assertThat(phuongA.members()).isEqualTo(2);
    assertThat(phuongA.count(new Indicator(payment, Milestone.ENROLLED)))
        .isEqualTo(new Count(2, 2, 3));
    assertThat(phuongA.count(new Indicator(payment, Milestone.ENROLLED)).percent()).contains(66.7);
    assertThat(phuongA.count(new Indicator(payment, Milestone.CERTIFIED)).percent()).contains(33.3);
    var benThanh = report.children().get(1);
    assertThat(benThanh.count(new Indicator(Track.E_COMMERCE, Milestone.ENROLLED)))
        .isEqualTo(new Count(1, 1, 1));
    assertThat(benThanh.count(new Indicator(payment, Milestone.ENROLLED)))
        .isEqualTo(new Count(0, 0, 1));

    // Per course: Lan counts in both payment courses, once in their track.
    assertThat(report.courses())
        .extracting(CourseRow::title)
        .containsExactly("Khóa mua-ban", "Khóa thanh-toan", "Khóa thanh-toan-qr");
    var payment700 = report.courses().get(1);
    assertThat(payment700.track()).isEqualTo(payment);
    assertThat(payment700.count(Milestone.ENROLLED, 5)).isEqualTo(new Count(2, 3, 5));
    assertThat(payment700.count(Milestone.CERTIFIED, 5)).isEqualTo(new Count(1, 1, 5));
    assertThat(report.courses().get(2).count(Milestone.ENROLLED, 5)).isEqualTo(new Count(1, 1, 5));

    // Hồng is homed in the province itself: her row makes the children add up to the total.
    assertThat(report.direct()).isPresent();
    var direct = report.direct().get();
    assertThat(direct.name()).isEqualTo(CoverageReport.DIRECT_NAME);
    assertThat(direct.people()).isEqualTo(1);
    assertThat(direct.members()).isZero();
    assertThat(direct.count(new Indicator(payment, Milestone.ENROLLED)))
        .isEqualTo(new Count(0, 1, 1));
    for (var indicator : Indicator.ALL) {
      long inPeriod = 0;
      long byEnd = 0;
      for (var row : report.rows().subList(0, report.rows().size() - 1)) {
        inPeriod += row.count(indicator).inPeriod();
        byEnd += row.count(indicator).byEnd();
      }
      assertThat(inPeriod)
          .as("%s in period", indicator)
          .isEqualTo(report.total().count(indicator).inPeriod());
      assertThat(byEnd)
          .as("%s by end", indicator)
          .isEqualTo(report.total().count(indicator).byEnd());
    }
  }

  @Test
  void aCommuneWithoutPeopleOfItsOwnHasChildrenThatAddUpAndNoDirectRow() throws Exception {
    generate(a, scope(a));
    var report = read(a);
    assertThat(report.children()).isEmpty();
    assertThat(report.direct()).isEmpty(); // no children: the total is the commune's own people
    assertThat(report.total().people()).isEqualTo(3);
    // Central: only Hà Nội below it, and nobody homed at Central: the province row is the total.
    generate(central, scope(central));
    var national = read(central);
    assertThat(national.direct()).isEmpty();
    assertThat(national.children()).hasSize(1);
    assertThat(national.children().get(0).counts()).isEqualTo(national.total().counts());
    assertThat(national.children().get(0).people()).isEqualTo(national.total().people());
  }

  @Test
  void frozenFiguresDoNotChangeWhenLateStatementsArrive() throws Exception {
    var first = generate(province, scope(province));
    var before = read(province);
    var monthsBefore = CoverageDatabase.incremental(data);
    // Late: Mai's March enrolment and Thu's certificate reach the LMS after the period was frozen.
    project(
        statement(Kind.REGISTERED, mai, "thanh-toan", LocalDate.of(2026, 3, 20)),
        statement(Kind.EARNED, thu, "mua-ban", LocalDate.of(2026, 5, 21)));
    assertThat(CoverageDatabase.incremental(data))
        .as("the live counters moved")
        .isNotEqualTo(monthsBefore);
    var second = generate(province, scope(province));
    var after = read(province);
    assertThat(after.total().counts()).isEqualTo(before.total().counts());
    assertThat(after.rows()).usingRecursiveComparison().isEqualTo(before.rows());
    assertThat(second.frozenAt()).isEqualTo(first.frozenAt());
    assertThat(second.id()).isNotEqualTo(first.id());
    // The next period, frozen now, sees them.
    var later = Clock.fixed(Instant.parse("2027-01-05T03:00:00Z"), ZoneOffset.UTC);
    inTransaction(
        factory,
        em ->
            new CoverageReports(em, later)
                .generate(province, ReportPeriod.parse("2026-Y"), "canbo.tinh", scope(province)));
    var year = readAt(province, ReportPeriod.parse("2026-Y"));
    assertThat(year.total().count(new Indicator(Track.ELECTRONIC_PAYMENT, Milestone.ENROLLED)))
        .isEqualTo(new Count(3, 4, 5));
  }

  @Test
  void theXlsxHoldsTheExactFigures() throws Exception {
    var summary = generate(province, scope(province));
    var file =
        inTransaction(
            factory,
            em ->
                new CoverageReports(em, JULY)
                    .file(summary.id(), ReportFormat.XLSX, scope(province)));
    assertThat(file.format().contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(file.fileName()).isEqualTo("Báo cáo 6 tháng đầu năm 2026 - Hà Nội.xlsx");
    assertThat(file.asciiFileName()).isEqualTo("bao-cao-2026-H1-ha-noi.xlsx");
    var lines = xlsxLines(file.bytes());
    assertThat(lines)
        .contains(
            "BÁO CÁO KẾT QUẢ BỒI DƯỠNG KỸ NĂNG SỐ 6 THÁNG ĐẦU NĂM 2026",
            "Đơn vị: Hà Nội",
            "Kỳ báo cáo: 6 tháng đầu năm 2026 (01/01/2026 – 30/06/2026)",
            "Số liệu chốt ngày 30/06/2026; đóng băng (frozen) lúc 10/07/2026 10:00 giờ Việt Nam",
            "Thanh toán điện tử|Đăng ký học|2|3|5|60.0",
            "Thanh toán điện tử|Được cấp chứng nhận|1|1|5|20.0",
            "Thương mại điện tử|Hoàn thành|1|1|5|20.0",
            "Dịch vụ công trực tuyến|Đăng ký học|0|0|5|0.0");
    int payment = lines.indexOf("II.1. Thanh toán điện tử (lũy kế đến cuối kỳ)");
    assertThat(lines.subList(payment + 2, payment + 6))
        .containsExactly(
            "Phường A|3|2|2|66.7|1|33.3|1|33.3",
            "Phường Bến Thành|1|1|0|0.0|0|0.0|0|0.0",
            "Trực tiếp tại đơn vị|1|0|1|100.0|0|0.0|0|0.0",
            "Tổng cộng: Hà Nội|5|3|3|60.0|1|20.0|1|20.0");
    int courses = lines.indexOf("III. Theo khóa học (tổng của đơn vị, lũy kế đến cuối kỳ)");
    assertThat(lines.subList(courses + 2, courses + 5))
        .containsExactly(
            "Khóa mua-ban|Thương mại điện tử|1|20.0|1|20.0|0|0.0",
            "Khóa thanh-toan|Thanh toán điện tử|3|60.0|1|20.0|1|20.0",
            "Khóa thanh-toan-qr|Thanh toán điện tử|1|20.0|0|0.0|0|0.0");
    int commerce = lines.indexOf("II.2. Thương mại điện tử (lũy kế đến cuối kỳ)");
    assertThat(lines.get(commerce + 3)).isEqualTo("Phường Bến Thành|1|1|1|100.0|1|100.0|0|0.0");

    // Downloaded again: byte for byte the same, and the stored hash is the file's.
    var again =
        inTransaction(
            factory,
            em ->
                new CoverageReports(em, JULY)
                    .file(summary.id(), ReportFormat.XLSX, scope(central)));
    assertThat(again.bytes()).isEqualTo(file.bytes());
    assertThat(vn.hocso.lms.coverage.report.storage.StoredReport.sha256(file.bytes()))
        .isEqualTo(summary.xlsxSha256());
  }

  @Test
  void thePdfSaysTheSameInVietnamese() throws Exception {
    var summary = generate(province, scope(province));
    var file =
        inTransaction(
            factory,
            em ->
                new CoverageReports(em, JULY)
                    .file(summary.id(), ReportFormat.PDF, scope(province)));
    assertThat(file.fileName()).isEqualTo("Báo cáo 6 tháng đầu năm 2026 - Hà Nội.pdf");
    String text;
    try (var pdf = Loader.loadPDF(file.bytes())) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertThat(text)
        .contains("BÁO CÁO KẾT QUẢ BỒI DƯỠNG KỸ NĂNG SỐ 6 THÁNG ĐẦU NĂM 2026")
        .contains("Đơn vị: Hà Nội")
        .contains("đóng băng (frozen) lúc 10/07/2026 10:00")
        .contains("Thanh toán điện tử Đăng ký học 2 3 5 60,0")
        .contains("Phường A 3 2 2 66,7 1 33,3 1 33,3")
        .contains("Trực tiếp tại đơn vị 1 0 1 100,0 0 0,0 0 0,0")
        .contains("Tổng cộng: Hà Nội 5 3 3 60,0 1 20,0 1 20,0")
        .contains("Phường Bến Thành 1 1 1 100,0 1 100,0 0 0,0")
        .contains("Khóa thanh-toan Thanh toán điện tử 3 60,0 1 20,0 1 20,0")
        .contains("NGƯỜI LẬP BIỂU");
    assertThat(StoredSha.of(file.bytes())).isEqualTo(summary.pdfSha256());
  }

  @Test
  void theSameModelRendersTheSameFiguresInBothFiles() throws Exception {
    generate(province, scope(province));
    var report = read(province);
    var xlsx = xlsxLines(ReportXlsx.render(report));
    String pdf;
    try (var document = Loader.loadPDF(ReportPdf.render(report))) {
      pdf = new PDFTextStripper().getText(document);
    }
    for (var row : report.rows()) {
      var count = row.count(new Indicator(Track.E_COMMERCE, Milestone.ENROLLED));
      var label = row == report.total() ? "Tổng cộng: " + row.name() : row.name();
      var start = label + "|" + row.people() + "|" + row.members() + "|" + count.byEnd() + "|";
      assertThat(xlsx).anyMatch(line -> line.startsWith(start));
      assertThat(pdf)
          .contains(label + " " + row.people() + " " + row.members() + " " + count.byEnd() + " ");
    }
  }

  @Test
  void refusesWhatIsNotAClosedReportPeriodOrNotHers() throws Exception {
    assertThatThrownBy(() -> ReportPeriod.parse("2026-Q3"))
        .isInstanceOfSatisfying(
            ReportRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PERIOD));
    assertThatThrownBy(() -> ReportPeriod.parse("năm ngoái"))
        .isInstanceOfSatisfying(
            ReportRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PERIOD));
    assertRefused(province, "2026-H2", scope(province), Reason.OPEN_PERIOD);
    assertRefused(province, "2026-Y", scope(province), Reason.OPEN_PERIOD);
    assertRefused(province, "2027-H1", scope(province), Reason.FUTURE_PERIOD);
    assertRefused(987_654_321L, "2026-H1", scope(central), Reason.UNKNOWN_UNIT);
    // A commune officer cannot report on her province, nor download its report.
    assertThatThrownBy(() -> generate(province, scope(a)))
        .isInstanceOf(AccessDeniedException.class);
    var report = generate(province, scope(province));
    for (var format : ReportFormat.values()) {
      assertThatThrownBy(
              () ->
                  inTransaction(
                      factory,
                      em -> new CoverageReports(em, JULY).file(report.id(), format, scope(a))))
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory, em -> new CoverageReports(em, JULY).list(province, scope(b), 0, 10)))
        .isInstanceOf(AccessDeniedException.class);
    // Nothing was frozen for the refused periods.
    try (var connection = data.getConnection();
        var rows =
            connection.createStatement().executeQuery("select period from cov_frozen_period")) {
      var periods = new ArrayList<String>();
      while (rows.next()) {
        periods.add(rows.getString(1));
      }
      assertThat(periods).containsExactly("2026-H1");
    }
  }

  @Test
  void aReorganisationNotYetInTheCountersIsAppliedByTheFreezeItself() throws Exception {
    inTransaction(
        factory,
        em -> {
          CoverageDatabase.reorganisation(em)
              .merge(List.of(b), a, LocalDate.of(2026, 7, 5), scope(central));
          return null;
        });
    assertThat(pendingChanges()).isPositive();
    // No projector runs (none configured): the freeze applies the merge in its own transaction.
    generate(province, scope(province));
    assertThat(pendingChanges()).isZero();
    assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    project(); // a projector coming later finds nothing left to apply: nothing counted twice
    assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    var report = read(province);
    // Frozen after the merge: Phường Bến Thành is closed, its figures of the period stay its own.
    assertThat(report.children())
        .extracting(UnitRow::name)
        .containsExactly("Phường A", "Phường Bến Thành");
    assertThat(report.total().people()).isEqualTo(5);
    assertThat(report.children().get(1).count(new Indicator(Track.E_COMMERCE, Milestone.ENROLLED)))
        .isEqualTo(new Count(1, 1, 1));
  }

  @Test
  void listsAUnitsReportsNewestFirstWithPaging() throws Exception {
    var first = generate(province, scope(province));
    var second = generate(province, scope(province));
    generate(a, scope(a));
    var page =
        inTransaction(
            factory, em -> new CoverageReports(em, JULY).list(province, scope(central), 0, 1));
    assertThat(page).extracting(ReportSummary::id).containsExactly(second.id());
    var next =
        inTransaction(
            factory, em -> new CoverageReports(em, JULY).list(province, scope(central), 1, 1));
    assertThat(next).extracting(ReportSummary::id).containsExactly(first.id());
    long count =
        inTransaction(
            factory, em -> new CoverageReports(em, JULY).count(province, scope(province)));
    assertThat(count).isEqualTo(2);
    assertThat(page.get(0).periodName()).isEqualTo("6 tháng đầu năm 2026");
    assertThat(page.get(0).generatedBy()).isEqualTo("canbo.tinh");
  }

  private void assertRefused(long unit, String period, ManagedScope scope, Reason reason) {
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em ->
                        new CoverageReports(em, JULY)
                            .generate(unit, ReportPeriod.parse(period), "canbo.tinh", scope)))
        .isInstanceOfSatisfying(
            ReportRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private ReportSummary generate(long unit, ManagedScope scope) {
    return inTransaction(
        factory, em -> new CoverageReports(em, JULY).generate(unit, H1, "canbo.tinh", scope));
  }

  private CoverageReport read(long unit) throws Exception {
    return readAt(unit, H1);
  }

  private CoverageReport readAt(long unit, ReportPeriod period) throws Exception {
    try (var connection = data.getConnection()) {
      return new FrozenReportReader(connection)
          .read(period, unit, "canbo.tinh", Instant.parse("2026-07-10T03:00:00Z"));
    }
  }

  private long pendingChanges() throws Exception {
    try (var connection = data.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from cov_change")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static ManagedScope scope(long unit) {
    return new ManagedScope(Set.of(unit));
  }

  private void project(vn.hocso.xapi.stream.StreamedStatement... statements) throws Exception {
    CoverageDatabase.project(data, List.of(statements), true);
  }

  private static vn.hocso.xapi.stream.StreamedStatement statement(
      Kind kind, String account, String slug, LocalDate day) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.json(id, kind, account, slug, day));
  }

  /** Each row of the first sheet as its cells joined by "|": whole numbers bare, shares 0.0. */
  static List<String> xlsxLines(byte[] bytes) throws Exception {
    var lines = new ArrayList<String>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (var row : workbook.getSheetAt(0)) {
        var cells = new ArrayList<String>();
        for (var cell : row) {
          if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            cells.add(
                value == Math.rint(value)
                        && cell.getCellStyle().getDataFormatString().equals("General")
                    ? Long.toString((long) value)
                    : String.format(java.util.Locale.ROOT, "%.1f", value));
          } else {
            cells.add(cell.getStringCellValue());
          }
        }
        lines.add(String.join("|", cells));
      }
    }
    return lines;
  }

  /** The stored hash rule, computed here independently. */
  static final class StoredSha {
    static String of(byte[] bytes) throws Exception {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
  }
}
