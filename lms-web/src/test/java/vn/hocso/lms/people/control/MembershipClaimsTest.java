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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** Officers answer membership claims only inside their scope, on H2 and MariaDB. */
class MembershipClaimsTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void officersSeeAndAnswerOnlyTheClaimsOfTheirSubtree(TestDatabases kind) throws Exception {
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
                  var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
                  var thuanhoa = hue.addChild("19999", "Phường Thuận Hóa", UnitKind.COMMUNE, START);
                  var lan = new Person("Nguyễn Thị Lan", 1990, badinh, START);
                  var mai = new Person("Trần Thị Mai", 1985, badinh, START);
                  var hoa = new Person("Lê Thị Hoa", 1979, thuanhoa, START);
                  var noClaim = new Person("Phạm Thị Không", 1970, badinh, START);
                  lan.claimMembership(START.plusDays(1));
                  mai.claimMembership(START.plusDays(2));
                  hoa.claimMembership(START.plusDays(1));
                  for (Object e :
                      List.of(central, hanoi, badinh, hue, thuanhoa, lan, mai, hoa, noClaim)) {
                    em.persist(e);
                  }
                  em.flush();
                  return new long[] {
                    hanoi.id(), hue.id(), lan.id(), mai.id(), hoa.id(), central.id()
                  };
                });
        var hanoiOfficer = new Requester("canbo.hanoi", null, new ManagedScope(Set.of(ids[0])));
        var hueOfficer = new Requester("canbo.hue", null, new ManagedScope(Set.of(ids[1])));
        var learner = new Requester("hocvien", null, new ManagedScope(Set.of()));
        var admin = new Requester("quantri", null, new ManagedScope(Set.of(ids[5])));
        long lan = ids[2], mai = ids[3], hoa = ids[4];

        var seen = pending(factory, hanoiOfficer, 0);
        assertThat(seen)
            .extracting(MembershipClaim::fullName)
            .containsExactly("Nguyễn Thị Lan", "Trần Thị Mai");
        assertThat(countPending(factory, admin)).isEqualTo(3);
        assertThat(pending(factory, learner, 0)).isEmpty();
        assertThat(pending(factory, hanoiOfficer, 1))
            .extracting(MembershipClaim::personId)
            .containsExactly(mai);

        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          new MembershipClaims(em, CLOCK).confirm(lan, hueOfficer);
                          return null;
                        }))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          new MembershipClaims(em, CLOCK).decline(hoa, hanoiOfficer);
                          return null;
                        }))
            .isInstanceOf(AccessDeniedException.class);

        inTransaction(
            factory,
            em -> {
              new MembershipClaims(em, CLOCK).confirm(lan, hanoiOfficer);
              return null;
            });
        inTransaction(
            factory,
            em -> {
              new MembershipClaims(em, CLOCK).decline(mai, hanoiOfficer);
              return null;
            });

        inTransaction(
            factory,
            em -> {
              assertThat(em.find(Person.class, lan).isMember()).isTrue();
              assertThat(em.find(Person.class, lan).memberClaimedOn()).isEmpty();
              assertThat(em.find(Person.class, mai).isMember()).isFalse();
              assertThat(em.find(Person.class, mai).memberClaimedOn()).isEmpty();
              assertThat(em.find(Person.class, hoa).memberClaimedOn()).isPresent();
              return null;
            });
        assertThat(countPending(factory, hanoiOfficer)).isZero();
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          new MembershipClaims(em, CLOCK).confirm(lan, hanoiOfficer);
                          return null;
                        }))
            .as("answered already")
            .isInstanceOf(IllegalStateException.class);
      } finally {
        factory.close();
      }
    }
  }

  static List<MembershipClaim> pending(EntityManagerFactory factory, Requester officer, int first) {
    return inTransaction(
        factory, em -> new MembershipClaims(em, CLOCK).pending(officer, first, 10));
  }

  static long countPending(EntityManagerFactory factory, Requester officer) {
    return inTransaction(factory, em -> new MembershipClaims(em, CLOCK).countPending(officer));
  }
}
