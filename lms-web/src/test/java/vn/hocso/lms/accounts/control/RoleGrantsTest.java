package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * The rules of role grants inside the caller's reach (her reach itself is the authorisation
 * matrix's): roles fit units, no double grants, nobody changes herself, every change audited.
 */
class RoleGrantsTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(TestDatabases.class)
  void grantsAndRevokesWithinTheRulesAndAuditsEachChange(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        long[] ids =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  var badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
                  var branch = badinh.addChild(null, "Chi hội 1", UnitKind.BRANCH, START);
                  var police =
                      central.addChild(null, "Hội Phụ nữ Bộ Công an", UnitKind.ORGANISATION, START);
                  for (var unit : new OrgUnit[] {central, hanoi, badinh, branch, police}) {
                    em.persist(unit);
                  }
                  var her = new Person("Nguyễn Thị Vai", 1985, badinh, START);
                  var officerPerson = new Person("Lê Thị Cán Bộ", 1975, hanoi, START);
                  var noLogin = new Person("Trần Thị Chưa", 1990, badinh, START);
                  em.persist(her);
                  em.persist(officerPerson);
                  em.persist(noLogin);
                  var herAccount =
                      new Account("nguoivai", "mat-khau-dai".toCharArray(), "Vai", badinh);
                  herAccount.belongsTo(her);
                  em.persist(herAccount);
                  var officerAccount =
                      new Account("canbotinh", "mat-khau-dai".toCharArray(), "Cán bộ", hanoi);
                  officerAccount.belongsTo(officerPerson);
                  officerAccount.grant(Role.UNIT_OFFICER, hanoi);
                  em.persist(officerAccount);
                  em.flush();
                  return new long[] {
                    central.id(),
                    hanoi.id(),
                    badinh.id(),
                    branch.id(),
                    police.id(),
                    her.id(),
                    officerPerson.id(),
                    noLogin.id()
                  };
                });
        long hanoi = ids[1], badinh = ids[2], branch = ids[3], police = ids[4];
        long her = ids[5], officerSelf = ids[6], noLogin = ids[7];
        var officer = new Requester("canbotinh", officerSelf, new ManagedScope(Set.of(hanoi)));
        var admin = new Requester("quantri", null, new ManagedScope(Set.of(ids[0])));

        inTransaction(
            factory,
            em -> {
              new RoleGrants(em, CLOCK).grant(her, Role.UNIT_OFFICER, badinh, officer);
              new RoleGrants(em, CLOCK).grant(her, Role.LEARNER, null, officer);
              return null;
            });
        var roles =
            inTransaction(factory, em -> new RoleGrants(em, CLOCK).rolesOf(her, officer))
                .orElseThrow();
        assertThat(roles.username()).isEqualTo("nguoivai");
        assertThat(roles.grants())
            .extracting(RoleGrants.GrantLine::role, RoleGrants.GrantLine::unitName)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Role.LEARNER, null),
                org.assertj.core.groups.Tuple.tuple(Role.UNIT_OFFICER, "Phường Ba Đình"));

        // Within reach, but against the rules: each refused in Vietnamese, nothing written.
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(her, Role.UNIT_OFFICER, badinh, officer),
            "đã có");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(her, Role.UNIT_OFFICER, branch, officer),
            "cấp tỉnh, cấp xã");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(her, Role.CENTRAL_ADMIN, hanoi, officer),
            "Trung ương");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(officerSelf, Role.TRAINER, hanoi, officer),
            "của mình");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(noLogin, Role.TRAINER, badinh, officer),
            "chưa có tài khoản");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).revoke(her, Role.TRAINER, badinh, officer),
            "không có vai trò");
        assertRejected(
            factory,
            em -> new RoleGrants(em, CLOCK).grant(her, Role.TRAINER, null, officer),
            "Chọn đơn vị");
        // A second unit for the same role: she now manages both subtrees.
        inTransaction(
            factory,
            em -> {
              new RoleGrants(em, CLOCK).grant(her, Role.UNIT_OFFICER, police, admin);
              return null;
            });
        assertThat(managedBy(factory, her)).containsExactlyInAnyOrder(badinh, police);
        inTransaction(
            factory,
            em -> {
              new RoleGrants(em, CLOCK).revoke(her, Role.UNIT_OFFICER, badinh, officer);
              return null;
            });
        assertThat(managedBy(factory, her)).containsExactly(police);
        var after =
            inTransaction(factory, em -> new RoleGrants(em, CLOCK).rolesOf(her, officer))
                .orElseThrow();
        // The organisation's grant is shown to the Hà Nội officer but is not hers to revoke.
        assertThat(after.grants())
            .filteredOn(line -> line.role() == Role.UNIT_OFFICER)
            .singleElement()
            .satisfies(
                line -> {
                  assertThat(line.unitId()).isEqualTo(police);
                  assertThat(line.changeable()).isFalse();
                });

        var audit =
            inTransaction(
                factory,
                em ->
                    em.createQuery(
                            "select e from AuditEntry e where e.action = :a order by e.id",
                            AuditEntry.class)
                        .setParameter("a", AuditAction.CHANGED_ROLES)
                        .getResultList());
        assertThat(audit).hasSize(4).allMatch(entry -> entry.subjectPersonId() == her);
        assertThat(audit)
            .extracting(AuditEntry::detail)
            .containsExactly(
                "granted UNIT_OFFICER over unit " + badinh,
                "granted LEARNER",
                "granted UNIT_OFFICER over unit " + police,
                "revoked UNIT_OFFICER over unit " + badinh);
      } finally {
        factory.close();
      }
    }
  }

  /** The units whose subtrees her login manages, read fresh from the database. */
  private static java.util.Set<Long> managedBy(
      jakarta.persistence.EntityManagerFactory factory, long personId) {
    return inTransaction(
        factory,
        em ->
            em.createQuery(
                    "select a from Account a where a.person.id = :p",
                    vn.hocso.lms.accounts.domain.Account.class)
                .setParameter("p", personId)
                .getSingleResult()
                .managedUnitIds());
  }

  private static void assertRejected(
      jakarta.persistence.EntityManagerFactory factory,
      java.util.function.Consumer<jakarta.persistence.EntityManager> call,
      String message) {
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> {
                      call.accept(em);
                      return null;
                    }))
        .isInstanceOf(RoleGrantRejectedException.class)
        .hasMessageContaining(message);
  }
}
