package vn.hocso.lms.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** The audit log search: filters that combine, paging, and only the central admin may read. */
class AuditLogTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theCentralAdminFindsEntriesByActorActionPersonAndTime(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        long[] units =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  em.persist(central);
                  em.persist(hanoi);
                  for (var hour = 0; hour < 30; hour++) {
                    em.persist(
                        new AuditEntry(
                            T0.plusSeconds(3600L * hour),
                            hour % 2 == 0 ? "canbo.xa" : "canbo.tinh",
                            hour % 3 == 0 ? AuditAction.VIEWED_PERSON : AuditAction.CHANGED_PERSON,
                            (long) (hour % 5),
                            null));
                  }
                  em.flush();
                  return new long[] {central.id(), hanoi.id()};
                });
        var admin = new Requester("quantri", null, new ManagedScope(Set.of(units[0])));
        var province = new Requester("canbo.tinh", null, new ManagedScope(Set.of(units[1])));

        assertThat(count(factory, AuditQuery.everything(), admin)).isEqualTo(30);
        var page = log(factory, AuditQuery.everything(), admin, 0, 10);
        assertThat(page).hasSize(10);
        assertThat(page.get(0).happenedAt()).isEqualTo(T0.plusSeconds(3600L * 29));
        assertThat(log(factory, AuditQuery.everything(), admin, 25, 10)).hasSize(5);

        var viewsByTheCommuneOfficer =
            new AuditQuery("CANBO.XA ", AuditAction.VIEWED_PERSON, null, null, null);
        // hours 0, 6, 12, 18, 24: even and divisible by 3
        assertThat(count(factory, viewsByTheCommuneOfficer, admin)).isEqualTo(5);
        var aboutPerson3InTheFirstDay =
            new AuditQuery(null, null, 3L, T0, T0.plusSeconds(24 * 3600));
        assertThat(log(factory, aboutPerson3InTheFirstDay, admin, 0, 50))
            .extracting(AuditEntry::subjectPersonId)
            .containsExactly(3L, 3L, 3L, 3L, 3L); // hours 23, 18, 13, 8, 3

        assertThatThrownBy(() -> log(factory, AuditQuery.everything(), province, 0, 10))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> count(factory, AuditQuery.everything(), province))
            .isInstanceOf(AccessDeniedException.class);
      } finally {
        factory.close();
      }
    }
  }

  static List<AuditEntry> log(
      EntityManagerFactory factory, AuditQuery query, Requester requester, int first, int max) {
    return inTransaction(
        factory,
        em -> new PersonalData(em, Clock.systemUTC()).auditLog(query, requester, first, max));
  }

  static long count(EntityManagerFactory factory, AuditQuery query, Requester requester) {
    return inTransaction(
        factory, em -> new PersonalData(em, Clock.systemUTC()).countAuditLog(query, requester));
  }
}
