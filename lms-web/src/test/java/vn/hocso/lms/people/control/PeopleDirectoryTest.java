package vn.hocso.lms.people.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.demo.DemoDataSeeder;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.people.domain.StaffEmployment;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;

/** Lists of people within an officer's scope, on MariaDB with the real tree. */
class PeopleDirectoryTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  static TestDatabases.TestDatabase database;
  static EntityManagerFactory factory;
  static Requester hanoiOfficer;
  static Requester hueOfficer;
  static long baDinh;
  static long hue;

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
    baDinh = unitId("00004");
    hue = unitId("46");
    hanoiOfficer = new Requester("canbo.tinh", null, new ManagedScope(Set.of(unitId("01"))));
    hueOfficer = new Requester("canbo.hue", null, new ManagedScope(Set.of(hue)));
    inTransaction(
        factory,
        em -> {
          var baDinhUnit = em.find(OrgUnit.class, baDinh);
          var hoanKiem = em.find(OrgUnit.class, unitId("00070"));
          var hueCommune = em.find(OrgUnit.class, unitId("19753"));
          var since = LocalDate.of(2026, 1, 1);
          for (int i = 0; i < 30; i++) {
            var person =
                new Person(
                    "Nguyễn Thị Hà " + String.format("%02d", i), 1960 + i, baDinhUnit, since);
            person.markMember(i % 3 != 0);
            em.persist(person);
          }
          var trainer = new Person("Đặng Thu Thảo", 1980, hoanKiem, since);
          trainer.markTrainer(true);
          trainer.employAsStaff(StaffEmployment.FULL_TIME, "Chủ tịch Hội");
          trainer.setPhone("0912345678");
          em.persist(trainer);
          em.persist(new Person("Hoàng Thị Huế", 1975, hueCommune, since));
          var erased = new Person("Đã Xóa", 1970, baDinhUnit, since);
          erased.erase(since);
          em.persist(erased);
          return null;
        });
  }

  @AfterAll
  static void drop() throws Exception {
    factory.close();
    database.close();
  }

  @Test
  void aProvinceOfficerListsOnlyHerProvince() {
    var all = new PeopleFilter(null, "", null);

    // 30 + the trainer in Hà Nội, + the demo learner (hocvien, a member of a Ba Đình branch)
    assertThat(count(all, hanoiOfficer)).isEqualTo(32);
    assertThat(list(all, PeopleFilter.Sort.NAME, true, 0, 100, hanoiOfficer))
        .extracting(PersonRow::fullName)
        .doesNotContain("Hoàng Thị Huế", Person.ERASED_NAME);
    assertThat(list(all, PeopleFilter.Sort.NAME, true, 0, 100, hueOfficer))
        .extracting(PersonRow::fullName)
        .containsExactly("Hoàng Thị Huế");
  }

  @Test
  void aProvinceOfficerCannotListOrExportAUnitOfAnotherProvince() {
    var huePeople = new PeopleFilter(hue, "", null);
    var baDinhPeople = new PeopleFilter(baDinh, "", null);

    assertThatThrownBy(() -> list(huePeople, PeopleFilter.Sort.NAME, true, 0, 10, hanoiOfficer))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> count(huePeople, hanoiOfficer))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> export(huePeople, hanoiOfficer))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> export(baDinhPeople, hueOfficer))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                list(
                    new PeopleFilter(null, "", null),
                    PeopleFilter.Sort.NAME,
                    true,
                    0,
                    10,
                    new Requester("hocvien", null, new ManagedScope(Set.of()))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void filtersByNameWithoutDiacriticsByKindAndBySubUnit() {
    assertThat(list(new PeopleFilter(null, "dang THU thao", null), hanoiOfficer))
        .extracting(PersonRow::fullName, PersonRow::phone, PersonRow::unitCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Đặng Thu Thảo", "0912345678", "00070"));
    assertThat(count(new PeopleFilter(null, "", PersonKind.TRAINER), hanoiOfficer)).isEqualTo(1);
    assertThat(count(new PeopleFilter(null, "", PersonKind.STAFF), hanoiOfficer)).isEqualTo(1);
    assertThat(count(new PeopleFilter(null, "", PersonKind.MEMBER), hanoiOfficer)).isEqualTo(21);
    assertThat(count(new PeopleFilter(null, "", PersonKind.NON_MEMBER_LEARNER), hanoiOfficer))
        .isEqualTo(11);
    assertThat(count(new PeopleFilter(baDinh, "", null), hanoiOfficer)).isEqualTo(31);
    assertThat(count(new PeopleFilter(baDinh, "50%_", null), hanoiOfficer))
        .as("LIKE wildcards typed are literal")
        .isZero();
  }

  @Test
  void pagesAndSortsOnTheServer() {
    var baDinhPeople = new PeopleFilter(baDinh, "", null);

    var firstPage = list(baDinhPeople, PeopleFilter.Sort.BIRTH_YEAR, false, 0, 10, hanoiOfficer);
    var secondPage = list(baDinhPeople, PeopleFilter.Sort.BIRTH_YEAR, false, 10, 10, hanoiOfficer);

    assertThat(firstPage).hasSize(10);
    assertThat(firstPage.get(0).birthYear()).isEqualTo(1989);
    assertThat(secondPage.get(0).birthYear()).isEqualTo(1980); // the demo learner is born 1985
    assertThat(list(baDinhPeople, PeopleFilter.Sort.NAME, true, 0, 2, hanoiOfficer))
        .extracting(PersonRow::fullName)
        .containsExactly("Nguyễn Thị Hà 00", "Nguyễn Thị Hà 01");
  }

  @Test
  void exportsTheFilteredListAsXlsxAndAuditsIt() throws Exception {
    long auditsBefore = audits(AuditAction.EXPORTED_PEOPLE);

    var bytes = export(new PeopleFilter(null, "nguyen thi ha", PersonKind.MEMBER), hanoiOfficer);

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
      assertThat(sheet.getLastRowNum()).isEqualTo(20);
      var names = new ArrayList<String>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        names.add(sheet.getRow(r).getCell(0).getStringCellValue());
        assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("có");
      }
      assertThat(names).allMatch(name -> name.startsWith("Nguyễn Thị Hà"));
    }
    assertThat(audits(AuditAction.EXPORTED_PEOPLE)).isEqualTo(auditsBefore + 1);
  }

  @Test
  void everyPageShownIsAudited() {
    long before = audits(AuditAction.LISTED_PEOPLE);

    list(new PeopleFilter(baDinh, "", null), hanoiOfficer);

    assertThat(audits(AuditAction.LISTED_PEOPLE)).isEqualTo(before + 1);
    var em = factory.createEntityManager();
    try {
      var entry =
          em.createQuery(
                  "select e from AuditEntry e where e.action = :a order by e.id desc",
                  AuditEntry.class)
              .setParameter("a", AuditAction.LISTED_PEOPLE)
              .setMaxResults(1)
              .getSingleResult();
      assertThat(entry.actor()).isEqualTo("canbo.tinh");
      assertThat(entry.detail()).contains("unit=" + baDinh);
    } finally {
      em.close();
    }
  }

  private static List<PersonRow> list(PeopleFilter filter, Requester requester) {
    return list(filter, PeopleFilter.Sort.NAME, true, 0, 100, requester);
  }

  private static List<PersonRow> list(
      PeopleFilter filter,
      PeopleFilter.Sort sort,
      boolean ascending,
      int first,
      int max,
      Requester requester) {
    return inTransaction(
        factory,
        em -> new PeopleDirectory(em, CLOCK).list(filter, sort, ascending, first, max, requester));
  }

  private static long count(PeopleFilter filter, Requester requester) {
    return inTransaction(factory, em -> new PeopleDirectory(em, CLOCK).count(filter, requester));
  }

  private static byte[] export(PeopleFilter filter, Requester requester) {
    var out = new ByteArrayOutputStream();
    inTransaction(
        factory,
        em -> {
          try {
            return new PeopleDirectory(em, CLOCK)
                .exportXlsx(filter, PeopleFilter.Sort.NAME, true, requester, out);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    return out.toByteArray();
  }

  private static long audits(AuditAction action) {
    var em = factory.createEntityManager();
    try {
      return em.createQuery("select count(e) from AuditEntry e where e.action = :a", Long.class)
          .setParameter("a", action)
          .getSingleResult();
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
}
