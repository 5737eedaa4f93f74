package vn.hocso.lms.people.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/** One person added or corrected by hand follows the import's rules (H2). */
class PersonRecordsTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  static TestDatabases.TestDatabase database;
  static EntityManagerFactory factory;
  static long hanoi;
  static long badinh;
  static Requester officer;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabases.H2.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    long[] ids =
        inTransaction(
            factory,
            em -> {
              var central = OrgUnit.central("Trung ương", START);
              var province = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
              var commune = province.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
              var lan = new Person("Nguyễn Thị Lan", 1990, commune, START);
              lan.setPhone("0912345678");
              for (Object e : List.of(central, province, commune, lan)) {
                em.persist(e);
              }
              em.flush();
              return new long[] {province.id(), commune.id()};
            });
    hanoi = ids[0];
    badinh = ids[1];
    officer = new Requester("canbo.tinh", null, new ManagedScope(Set.of(hanoi)));
  }

  @AfterAll
  static void stop() throws Exception {
    factory.close();
    database.close();
  }

  private static long add(long unit, PersonRecords.PersonDetails details) {
    return inTransaction(factory, em -> new PersonRecords(em, CLOCK).add(unit, details, officer));
  }

  private static long audits(String action) {
    return inTransaction(
        factory,
        em ->
            em.createQuery(
                    "select count(e) from AuditEntry e where e.action = "
                        + "vn.hocso.lms.privacy.domain.AuditAction."
                        + action,
                    Long.class)
                .getSingleResult());
  }

  @Test
  void addsAPersonFromTodayAndAuditsItAsAnImportOfOne() {
    long before = audits("IMPORTED_PEOPLE");
    long id =
        add(badinh, new PersonRecords.PersonDetails("Trần Thị Mới", 1988, "0987 654 321", true));
    inTransaction(
        factory,
        em -> {
          var person = em.find(Person.class, id);
          assertThat(person.homeUnit().id()).isEqualTo(badinh);
          assertThat(person.phone()).contains("0987654321");
          assertThat(person.isMember()).isTrue();
          assertThat(person.memberships().get(0).validFrom()).isEqualTo(LocalDate.of(2026, 3, 8));
          return null;
        });
    assertThat(audits("IMPORTED_PEOPLE")).isEqualTo(before + 1);
  }

  @Test
  void refusesADuplicateByPhoneOrByNameBirthYearAndUnitAsTheImportDoes() {
    assertThatThrownBy(
            () -> add(badinh, new PersonRecords.PersonDetails("Ai Đó", 1970, "0912345678", null)))
        .isInstanceOf(UnitRuleException.class)
        .hasMessageContaining("exists");
    assertThatThrownBy(
            () -> add(badinh, new PersonRecords.PersonDetails("Nguyễn Thị Lan", 1990, null, null)))
        .isInstanceOf(UnitRuleException.class);
  }

  @Test
  void peopleBelongToACommuneBranchOrGroupNotToAProvince() {
    assertThatThrownBy(
            () -> add(hanoi, new PersonRecords.PersonDetails("Lê Thị Tỉnh", 1980, null, null)))
        .isInstanceOf(UnitRuleException.class);
  }

  @Test
  void correctsHerDetailsAndAuditsWhichFieldsChangedNotTheirValues() {
    long id = add(badinh, new PersonRecords.PersonDetails("Phạm Thị Sửa", 1981, null, false));
    inTransaction(
        factory,
        em -> {
          new PersonRecords(em, CLOCK)
              .correct(
                  id,
                  new PersonRecords.PersonDetails("Phạm Thị Đã Sửa", 1981, null, true),
                  officer);
          return null;
        });
    var detail =
        inTransaction(
            factory,
            em ->
                em.createQuery(
                        "select e.detail from AuditEntry e where e.subjectPersonId = :p"
                            + " and e.action = vn.hocso.lms.privacy.domain.AuditAction.CHANGED_PERSON",
                        String.class)
                    .setParameter("p", id)
                    .getSingleResult());
    assertThat(detail).isEqualTo("changed name, member").doesNotContain("Đã Sửa");
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> {
                      new PersonRecords(em, CLOCK)
                          .correct(
                              id,
                              new PersonRecords.PersonDetails(
                                  "Phạm Thị Đã Sửa", 1981, "0912345678", true),
                              officer);
                      return null;
                    }))
        .isInstanceOf(UnitRuleException.class);
  }
}
