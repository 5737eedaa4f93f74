package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.accounts.control.RegistrationRejectedException.Problem;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.accounts.domain.RoleGrant;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.privacy.domain.Consent;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** Self-registration on the real schema, on H2 and MariaDB. */
class RegistrationTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  // 23:30 UTC on 7 March is already 8 March in Vietnam: the claim is dated in Vietnam.
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-07T23:30:00Z"), ZoneOffset.UTC);

  record Units(long commune, long province, long closedCommune) {}

  static RegistrationForm form(String username, String phone, long commune) {
    return new RegistrationForm(
        "Lò Thị Hoa",
        1988,
        phone,
        commune,
        true,
        username,
        "hoa-hoc-so-1988".toCharArray(),
        "hoa-hoc-so-1988".toCharArray(),
        true,
        true,
        false);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void sheLearnsAtOnceWhileHerMembershipWaitsForAnOfficer(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var units = units(factory);
        var id =
            inTransaction(
                factory,
                em ->
                    new Registration(em, CLOCK)
                        .register(form("0912345678", "0912 345 678", units.commune())));

        inTransaction(
            factory,
            em -> {
              var person = em.find(Person.class, id);
              assertThat(person.fullName()).isEqualTo("Lò Thị Hoa");
              assertThat(person.homeUnit().id()).isEqualTo(units.commune());
              assertThat(person.phone()).contains("0912345678");
              assertThat(person.isMember()).isFalse();
              assertThat(person.memberClaimedOn()).contains(LocalDate.of(2026, 3, 8));
              var account =
                  em.createQuery(
                          "select a from Account a where a.username = '0912345678'", Account.class)
                      .getSingleResult();
              assertThat(account.person()).contains(person);
              assertThat(account.acceptsPassword("hoa-hoc-so-1988".toCharArray())).isTrue();
              assertThat(account.grants())
                  .extracting(RoleGrant::role)
                  .containsExactly(Role.LEARNER);
              assertThat(account.homeUnit()).contains(person.homeUnit());
              var consents =
                  em.createQuery("select c from Consent c where c.person = :p", Consent.class)
                      .setParameter("p", person)
                      .getResultList();
              assertThat(consents)
                  .extracting(Consent::purpose)
                  .containsExactlyInAnyOrder(
                      ConsentPurpose.LEARNING_RECORDS, ConsentPurpose.UNION_REPORTING);
              assertThat(consents)
                  .extracting(Consent::textVersion)
                  .containsOnly(Registration.CONSENT_TEXT_VERSION);
              var audit =
                  em.createQuery(
                          "select e from AuditEntry e where e.subjectPersonId = :p",
                          AuditEntry.class)
                      .setParameter("p", id)
                      .getResultList();
              assertThat(audit)
                  .extracting(AuditEntry::action)
                  .contains(AuditAction.REGISTERED, AuditAction.RECORDED_CONSENT);
              return null;
            });
      } finally {
        factory.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void everyProblemIsReportedAtOnceAndNothingIsWritten(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var units = units(factory);
        inTransaction(
            factory,
            em -> new Registration(em, CLOCK).register(form("hoa", "0912345678", units.commune())));
        var before = counts(factory);

        var everythingWrong =
            new RegistrationForm(
                "Lan",
                1850,
                "12345",
                units.commune(),
                false,
                "Lan Anh",
                "ngan".toCharArray(),
                "khac".toCharArray(),
                false,
                true,
                true);
        assertThat(fields(factory, everythingWrong))
            .containsExactlyInAnyOrder(
                "birthYear", "phone", "passwordAgain", "username", "consent");
        assertThat(
                fields(
                    factory,
                    new RegistrationForm(
                        " ", null, null, null, false, "hoa9", null, null, true, true, false)))
            .contains("commune", "password");
        assertThat(fields(factory, form("HOA", "0987654321", units.commune())))
            .containsExactly("username");
        assertThat(fields(factory, form("hoa2", "0912.345.678", units.commune())))
            .containsExactly("phone");
        assertThat(fields(factory, form("hoa3", null, units.province())))
            .containsExactly("commune");
        assertThat(fields(factory, form("hoa4", null, units.closedCommune())))
            .containsExactly("commune");
        var blankName =
            new RegistrationForm(
                " ",
                1990,
                null,
                units.commune(),
                false,
                "hoa5",
                "mat-khau-dai".toCharArray(),
                "mat-khau-dai".toCharArray(),
                true,
                true,
                false);
        assertThat(fields(factory, blankName)).containsExactly("fullName");

        assertThat(counts(factory)).isEqualTo(before);
      } finally {
        factory.close();
      }
    }
  }

  static List<String> fields(EntityManagerFactory factory, RegistrationForm form) {
    var rejected =
        catchThrowableOfType(
            RegistrationRejectedException.class,
            () -> inTransaction(factory, em -> new Registration(em, CLOCK).register(form)));
    assertThat(rejected).as("rejected").isNotNull();
    return rejected.problems().stream().map(Problem::field).toList();
  }

  static List<Long> counts(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em ->
            List.of("Person", "Account", "Consent", "AuditEntry").stream()
                .map(
                    entity ->
                        em.createQuery("select count(e) from " + entity + " e", Long.class)
                            .getSingleResult())
                .toList());
  }

  static Units units(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương", START);
          var province = central.addChild("11", "Điện Biên", UnitKind.PROVINCE, START);
          var commune = province.addChild("03160", "Xã Mường Phăng", UnitKind.COMMUNE, START);
          var closed = province.addChild("03161", "Xã Cũ", UnitKind.COMMUNE, START);
          for (var unit : List.of(central, province, commune, closed)) {
            em.persist(unit);
          }
          closed.close(START.plusDays(10), vn.hocso.lms.units.domain.ClosureReason.DISSOLVED);
          em.flush();
          return new Units(commune.id(), province.id(), closed.id());
        });
  }
}
