package vn.hocso.lms.people.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.lms.demo.DemoDataSeeder;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.control.UnitHeadcount;
import vn.hocso.lms.units.domain.OrgUnit;

/** Importing people from CSV into the real tree, on MariaDB. */
class PeopleImportTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  static TestDatabases.TestDatabase database;
  static EntityManagerFactory factory;
  static ManagedScope hanoi;

  @BeforeAll
  static void seed() throws Exception {
    database = TestDatabases.MARIADB.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    inTransaction(
        factory,
        em -> {
          new DemoDataSeeder(em).seed();
          return null;
        });
    hanoi = new ManagedScope(Set.of(unitId("01")));
  }

  @AfterAll
  static void drop() throws Exception {
    factory.close();
    database.close();
  }

  @Test
  void importsAGoodFileWithOldCodesBranchesAndExcelHabits() throws Exception {
    var csv =
        "\uFEFFHọ và tên;Năm sinh;Số điện thoại;Mã xã;Chi hội;Hội viên;Dân tộc\r\n"
            + "Nguyễn Thị An;1985;0912 000 001;00004;Chi hội Tổ dân phố 1;có;\r\n"
            + "Trần Thị Bình;1990;;13;;không;Tày\r\n"
            + "\"Lê Thị Cúc; \"\"Cúc\"\"\";1979;0912000003;00008;;x;\r\n";

    var preview = preview(csv, hanoi);

    assertThat(preview.problems()).isEmpty();
    assertThat(preview.rows()).hasSize(3);
    assertThat(preview.rows().get(1).unitId())
        .as("old code 00013 is now Ba Đình")
        .isEqualTo(unitId("00004"));
    long before = headcount(unitId("01"));
    int added =
        inTransaction(factory, em -> new PeopleImport(em, CLOCK).commit(preview, officer()));
    assertThat(added).isEqualTo(3);
    long audited =
        inTransaction(
            factory,
            em ->
                em.createQuery(
                        "select count(e) from AuditEntry e where e.action = :a and e.actor = :u",
                        Long.class)
                    .setParameter("a", vn.hocso.lms.privacy.domain.AuditAction.IMPORTED_PEOPLE)
                    .setParameter("u", "canbo.tinh")
                    .getSingleResult());
    assertThat(audited).as("the import is in the audit log").isEqualTo(1);
    assertThat(headcount(unitId("01"))).isEqualTo(before + 3);
    // The bulk writer reserved its ids from the same sequence: JPA carries on above them.
    inTransaction(
        factory,
        em -> {
          for (int i = 0; i < 150; i++) {
            em.persist(
                new Person(
                    "Sau Nhập " + i,
                    1990,
                    em.find(OrgUnit.class, unitId("00004")),
                    java.time.LocalDate.of(2026, 3, 8)));
          }
          return null;
        });
    assertThat(headcount(unitId("01"))).isEqualTo(before + 153);

    var again = preview(csv, hanoi);
    assertThat(again.canCommit()).isFalse();
    assertThat(again.problems())
        .extracting(ImportProblem::problem)
        .contains("Số điện thoại đã có người dùng trong hệ thống.");
  }

  @Test
  void reportsEveryBadRowAndAddsNothing() throws Exception {
    var csv =
        "Họ và tên,Năm sinh,Số điện thoại,Mã xã,Chi hội\n"
            + "Phạm Thị Dung,1988,0933000001,00025,\n" // good
            + ",1988,,00025,\n" // no name
            + "Võ Thị Én,198x,,00025,\n" // year not a number
            + "Đỗ Thị Giang,1987,12345,00025,\n" // bad phone
            + "Hồ Thị Hạnh,1986,,99999,\n" // no such commune
            + "Bùi Thị Khánh,1985,,00025,Chi hội Không Có\n" // no such branch
            + "Lý Thị Lan,1984,,19753,\n" // Huế: outside Hà Nội
            + "Mai Thị Mơ,1983,0933000001,00025,\n"; // phone repeats row 2

    var preview = preview(csv, hanoi);

    assertThat(preview.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "Họ và tên"),
            org.assertj.core.groups.Tuple.tuple(4, "Năm sinh"),
            org.assertj.core.groups.Tuple.tuple(5, "Số điện thoại"),
            org.assertj.core.groups.Tuple.tuple(6, "Mã xã"),
            org.assertj.core.groups.Tuple.tuple(7, "Chi hội"),
            org.assertj.core.groups.Tuple.tuple(8, "Mã xã"),
            org.assertj.core.groups.Tuple.tuple(9, "Số điện thoại"));
    assertThat(preview.canCommit()).isFalse();
    assertThat(preview.rows()).isEmpty();
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory, em -> new PeopleImport(em, CLOCK).commit(preview, officer())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anXlsxFileGoesThroughTheSameChecksAsCsv(@TempDir Path folder) throws Exception {
    var file = folder.resolve("people.xlsx");
    try (var workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet();
      var rows =
          new Object[][] {
            {"Họ và tên", "Năm sinh", "Số điện thoại", "Mã xã"},
            {"Phan Thị Xuân", 1988, 944000001, 25}, // numbers: Excel drops the leading zeros
            {"Phan Thị Yến", "198x", null, "00025"},
            {"Phan Thị Xuân", 1988, "0944000002", "00025"}, // same person as row 2
            {"Phan Thị Ánh", 1990, 944000001, "00025"} // same phone as row 2
          };
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Integer number) {
            row.createCell(c).setCellValue(number);
          } else if (rows[r][c] != null) {
            row.createCell(c).setCellValue((String) rows[r][c]);
          }
        }
      }
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }

    var em = factory.createEntityManager();
    ImportPreview preview;
    try {
      preview =
          new PeopleImport(em, CLOCK).preview(RowSource.open(file), hanoi, new ImportProgress());
    } finally {
      em.close();
    }

    assertThat(preview.rowCount()).isEqualTo(4);
    assertThat(preview.problems())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "Năm sinh"),
            org.assertj.core.groups.Tuple.tuple(4, "Họ và tên"),
            org.assertj.core.groups.Tuple.tuple(5, "Số điện thoại"));
    assertThat(preview.problems().get(1).problem()).contains("dòng 2");
  }

  @Test
  void refusesAFileWithoutTheRequiredColumns() throws Exception {
    var preview = preview("Tên,Tuổi\nAn,30\n", hanoi);

    assertThat(preview.problems())
        .extracting(ImportProblem::problem)
        .containsExactly("Thiếu cột \"Họ và tên\".", "Thiếu cột \"Mã xã\".");
  }

  @Test
  void anImportAtSixInTheMorningInHanoiStartsHerMembershipThatDayNotTheDayBefore()
      throws Exception {
    var dawn = Clock.fixed(Instant.parse("2026-03-08T23:00:00Z"), ZoneOffset.UTC); // 06:00, 9 March
    var csv = "Họ và tên;Năm sinh;Số điện thoại;Mã xã\r\nPhạm Thị Sớm;1988;;00004\r\n";
    var em = factory.createEntityManager();
    ImportPreview preview;
    try {
      preview = new PeopleImport(em, dawn).preview(new StringReader(csv), hanoi);
    } finally {
      em.close();
    }
    assertThat(preview.problems()).isEmpty();
    inTransaction(factory, e -> new PeopleImport(e, dawn).commit(preview, officer()));

    var since =
        inTransaction(
            factory,
            e ->
                e.createNativeQuery(
                        "select m.valid_from from person_membership m join person p on p.id ="
                            + " m.person_id where p.full_name = 'Phạm Thị Sớm'")
                    .getSingleResult());
    assertThat(since.toString()).isEqualTo("2026-03-09");
  }

  private static ImportPreview preview(String csv, ManagedScope scope) throws IOException {
    var em = factory.createEntityManager();
    try {
      return new PeopleImport(em, CLOCK).preview(new StringReader(csv), scope);
    } finally {
      em.close();
    }
  }

  private static long headcount(long unit) {
    var em = factory.createEntityManager();
    try {
      return new UnitHeadcount(em).peopleWithin(unit);
    } finally {
      em.close();
    }
  }

  private static long unitId(String code) {
    var em = factory.createEntityManager();
    try {
      return em.createQuery("select u from OrgUnit u where u.code = :c", OrgUnit.class)
          .setParameter("c", code)
          .getSingleResult()
          .id();
    } finally {
      em.close();
    }
  }

  private vn.hocso.lms.privacy.control.Requester officer() {
    return new vn.hocso.lms.privacy.control.Requester("canbo.tinh", null, hanoi);
  }
}
