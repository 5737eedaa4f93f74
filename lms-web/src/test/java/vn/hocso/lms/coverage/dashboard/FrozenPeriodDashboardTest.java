package vn.hocso.lms.coverage.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.TestStatements;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.control.CoverageFreeze;
import vn.hocso.lms.coverage.dashboard.control.CoverageDashboard;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * A closed report period that has been frozen shows its snapshot on the dashboard — the totals and
 * the child units as frozen, with the day counted and when it was frozen — not the live counters
 * that late statements, voids and people added since have moved: every figure checked differs
 * between the two, so showing the live ones fails the test.
 */
class FrozenPeriodDashboardTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Period SECOND_HALF_2025 =
      new Period(Period.Kind.CUSTOM, YearMonth.of(2025, 7), YearMonth.of(2025, 12));
  static final Instant FROZEN_AT = Instant.parse("2026-01-05T03:00:00Z");

  @Test
  void aFrozenPeriodShowsItsSnapshotAndWhenItWasFrozen() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var data = database.dataSource();
      LmsSchema.migrate(data);
      CoverageDatabase.insertCourse(data, 700, "thanh-toan", "ELECTRONIC_PAYMENT");
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var ids =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var province = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  var a = province.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
                  var b = province.addChild("00008", "Phường B", UnitKind.COMMUNE, START);
                  List.of(central, province, a, b).forEach(em::persist);
                  var lan = new Person("Lan", 1980, a, START);
                  var hoa = new Person("Hoa", 1985, a, START);
                  var mai = new Person("Mai", 1990, b, START);
                  var thu = new Person("Thu", 1992, b, START);
                  List.of(lan, hoa, mai, thu).forEach(em::persist);
                  List.of(lan, hoa, mai, thu).forEach(p -> p.markMember(true));
                  em.flush();
                  List.of(lan, hoa, mai, thu).forEach(p -> CoverageDatabase.settleHeadcount(em, p));
                  return new Object[] {
                    central.id(),
                    province.id(),
                    a.id(),
                    b.id(),
                    lan.xapiAccount(),
                    hoa.xapiAccount(),
                    mai.xapiAccount(),
                    thu.xapiAccount()
                  };
                });
        long central = (Long) ids[0], province = (Long) ids[1], a = (Long) ids[2];
        var hoaDone = UUID.randomUUID();
        CoverageDatabase.project(
            data,
            List.of(
                completed(UUID.randomUUID(), (String) ids[4], LocalDate.of(2025, 10, 2)),
                completed(hoaDone, (String) ids[5], LocalDate.of(2025, 11, 3))),
            true);
        try (var connection = data.getConnection()) {
          connection.setAutoCommit(false);
          new CoverageFreeze(connection)
              .freeze(
                  "2025-H2",
                  SECOND_HALF_2025.from(),
                  SECOND_HALF_2025.to(),
                  LocalDate.of(2025, 12, 31),
                  FROZEN_AT);
          connection.commit();
        }

        // Later: Hoa's completion is voided, Mai's and Thu's December completions arrive late,
        // and Nga, a member of A since July, is added.
        var voidId = UUID.randomUUID();
        CoverageDatabase.project(
            data,
            List.of(
                TestStatements.streamed(
                    voidId, TestStatements.voiding(voidId, hoaDone, (String) ids[5])),
                completed(UUID.randomUUID(), (String) ids[6], LocalDate.of(2025, 12, 20)),
                completed(UUID.randomUUID(), (String) ids[7], LocalDate.of(2025, 12, 21))),
            true);
        inTransaction(
            factory,
            em -> {
              var nga = new Person("Nga", 1995, em.find(OrgUnit.class, a), START);
              nga.markMember(true);
              em.persist(nga);
              em.flush();
              CoverageDatabase.settleHeadcount(em, nga);
              return null;
            });

        var scope = new ManagedScope(Set.of(central));
        int payment = CoverageDashboard.TRACKS.indexOf(Track.ELECTRONIC_PAYMENT);
        var frozen =
            inTransaction(
                factory,
                em -> new CoverageDashboard(em).overview(province, SECOND_HALF_2025, scope));
        assertThat(frozen.frozen()).isNotNull();
        assertThat(frozen.frozen().period()).isEqualTo("2025-H2");
        assertThat(frozen.frozen().frozenAt()).isEqualTo(FROZEN_AT);
        assertThat(frozen.countedOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(frozen.people()).as("Lan, Hoa, Mai and Thu, as frozen").isEqualTo(4);
        assertThat(frozen.tracks().get(payment).completed())
            .as("Lan and Hoa, as frozen")
            .isEqualTo(2);
        assertThat(frozen.tracks().get(payment).completedInPeriod()).isEqualTo(2);
        var children =
            inTransaction(
                factory,
                em ->
                    new CoverageDashboard(em)
                        .children(province, SECOND_HALF_2025, Track.ELECTRONIC_PAYMENT, scope));
        assertThat(children)
            .extracting(c -> c.name() + " " + c.people() + " " + c.track(payment).completed())
            .containsExactly("Phường A 2 2", "Phường B 2 0");
        assertThat(children.get(0).id()).isEqualTo(a);

        // The same months not frozen (one month fewer) show the live history: Lan, Mai and Thu of
        // five people.
        var live =
            inTransaction(
                factory,
                em ->
                    new CoverageDashboard(em)
                        .overview(
                            province,
                            new Period(
                                Period.Kind.CUSTOM, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                            scope));
        assertThat(live.frozen()).isNull();
        assertThat(live.people()).isEqualTo(5);
        assertThat(live.tracks().get(payment).completed()).isEqualTo(3);
        assertThat(live.tracks().get(payment).completedInPeriod()).isEqualTo(3);
        var liveChildren =
            inTransaction(
                factory,
                em ->
                    new CoverageDashboard(em)
                        .children(
                            province,
                            new Period(
                                Period.Kind.CUSTOM, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                            Track.ELECTRONIC_PAYMENT,
                            scope));
        assertThat(liveChildren)
            .extracting(c -> c.name() + " " + c.people() + " " + c.track(payment).completed())
            .containsExactly("Phường B 2 2", "Phường A 3 1");
      } finally {
        factory.close();
      }
    }
  }

  private static vn.hocso.xapi.stream.StreamedStatement completed(
      UUID id, String account, LocalDate day) {
    return TestStatements.streamed(
        id, TestStatements.json(id, Kind.COMPLETED, account, "thanh-toan", day));
  }
}
