package vn.hocso.lms.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.coverage.CoverageProjectionTest.live;
import static vn.hocso.lms.coverage.CoverageProjectionTest.month;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.people.control.PersonTransfers;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * An officer moves one woman to another commune ("chuyển sinh hoạt"): her membership history keeps
 * both, the live counters follow her, the month she learned in stays where she was, the move is
 * audited, and a move outside the officer's subtree changes nothing.
 */
class PersonTransferTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T02:00:00Z"), ZoneOffset.UTC);

  @Test
  void herLearningFollowsHerToTheNewCommuneAndHistoryStaysWhereItHappened() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var data = database.dataSource();
      LmsSchema.migrate(data);
      CoverageDatabase.insertCourse(data, 501, "thanh-toan", "ELECTRONIC_PAYMENT");
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        long[] ids =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
                  var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
                  var b = hanoi.addChild("00008", "Phường B", UnitKind.COMMUNE, START);
                  var c = hue.addChild("19999", "Xã C", UnitKind.COMMUNE, START);
                  List.of(central, hanoi, hue, a, b, c).forEach(em::persist);
                  var lan = new Person("Lan", 1980, a, START);
                  em.persist(lan);
                  em.flush();
                  return new long[] {hanoi.id(), a.id(), b.id(), c.id(), lan.id()};
                });
        long hanoi = ids[0], a = ids[1], b = ids[2], c = ids[3], lan = ids[4];
        String account = inTransaction(factory, em -> em.find(Person.class, lan).xapiAccount());
        var september = LocalDate.of(2025, 9, 10);
        CoverageDatabase.project(
            data,
            List.of(
                statement(Kind.REGISTERED, account, september),
                statement(Kind.COMPLETED, account, september)),
            true);
        var track = Subject.track("ELECTRONIC_PAYMENT");
        assertThat(live(data, a, track, Milestone.COMPLETED)).isEqualTo(1);

        var hanoiOfficer = new Requester("canbo.tinh", null, new ManagedScope(Set.of(hanoi)));
        var december = LocalDate.of(2025, 12, 1);
        // Huế is not hers: refused, nothing changes.
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> transfers(em).transferAndReturn(lan, c, december, hanoiOfficer)))
            .isInstanceOf(AccessDeniedException.class);
        // A province holds no members directly.
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> transfers(em).transferAndReturn(lan, hanoi, december, hanoiOfficer)))
            .isInstanceOf(UnitRuleException.class);

        inTransaction(
            factory, em -> transfers(em).transferAndReturn(lan, b, december, hanoiOfficer));
        CoverageDatabase.project(data, List.of(), true);

        assertThat(live(data, a, track, Milestone.COMPLETED)).isZero();
        assertThat(live(data, b, track, Milestone.COMPLETED)).isEqualTo(1);
        assertThat(live(data, hanoi, track, Milestone.COMPLETED)).isEqualTo(1);
        assertThat(month(data, a, track, Milestone.COMPLETED, 202509)).isEqualTo(1);
        assertThat(month(data, b, track, Milestone.COMPLETED, 202509)).isZero();
        assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));

        var history =
            inTransaction(
                factory,
                em ->
                    em.find(Person.class, lan).memberships().stream()
                        .map(
                            m ->
                                m.unit().id()
                                    + " "
                                    + m.validFrom()
                                    + " "
                                    + m.validTo().orElse(null))
                        .toList());
        assertThat(history)
            .containsExactlyInAnyOrder(
                a + " " + START + " " + december, b + " " + december + " null");
        var audit =
            inTransaction(
                factory,
                em ->
                    em.createQuery(
                            "select e from AuditEntry e where e.action = :a", AuditEntry.class)
                        .setParameter("a", AuditAction.MOVED_PERSON)
                        .getResultList());
        assertThat(audit)
            .singleElement()
            .satisfies(
                entry -> {
                  assertThat(entry.subjectPersonId()).isEqualTo(lan);
                  assertThat(entry.detail())
                      .isEqualTo("moved from unit " + a + " to unit " + b + " on " + december);
                });
      } finally {
        factory.close();
      }
    }
  }

  private static Transfers transfers(jakarta.persistence.EntityManager em) {
    return new Transfers(new PersonTransfers(em, CoverageDatabase.treeChanges(em), CLOCK));
  }

  /** The service as a function, for inTransaction. */
  private record Transfers(PersonTransfers service) {
    Void transferAndReturn(long person, long unit, LocalDate on, Requester requester) {
      service.transfer(person, unit, on, requester);
      return null;
    }
  }

  private static vn.hocso.xapi.stream.StreamedStatement statement(
      Kind kind, String account, LocalDate day) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.json(id, kind, account, "thanh-toan", day));
  }
}
