package vn.hocso.lms.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.control.CoverageFreeze;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** A frozen report period keeps its figures through later voids and reorganisations. */
class CoverageFreezeTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);

  @Test
  void aFrozenPeriodDoesNotMoveWhenLaterChangesMoveTheLiveFigures() throws Exception {
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
                  List.of(lan, hoa).forEach(em::persist);
                  lan.markMember(true);
                  em.flush();
                  return new Object[] {
                    central.id(),
                    province.id(),
                    a.id(),
                    b.id(),
                    lan.xapiAccount(),
                    hoa.xapiAccount()
                  };
                });
        long central = (Long) ids[0], a = (Long) ids[2], b = (Long) ids[3];
        var lanDone = UUID.randomUUID();
        var hoaDone = UUID.randomUUID();
        var october = LocalDate.of(2025, 10, 2);
        CoverageDatabase.project(
            data,
            List.of(
                TestStatements.streamed(
                    lanDone,
                    TestStatements.json(
                        lanDone, Kind.COMPLETED, (String) ids[4], "thanh-toan", october)),
                TestStatements.streamed(
                    hoaDone,
                    TestStatements.json(
                        hoaDone, Kind.COMPLETED, (String) ids[5], "thanh-toan", october))),
            true);
        freeze(data, "2025-H2");
        var frozen = frozen(data, "2025-H2");
        assertThat(frozen.get(a + " C700 COMPLETED")).containsExactly(2, 2, 2, 1);
        assertThat(frozen.get(central + " C700 COMPLETED")).containsExactly(2, 2, 2, 1);

        // Later: Hoa's completion is voided and A merges into B.
        var voidId = UUID.randomUUID();
        CoverageDatabase.project(
            data,
            List.of(
                TestStatements.streamed(
                    voidId, TestStatements.voiding(voidId, hoaDone, (String) ids[5]))),
            true);
        inTransaction(
            factory,
            em -> {
              CoverageDatabase.reorganisation(em)
                  .merge(
                      List.of(a), b, LocalDate.of(2026, 1, 1), new ManagedScope(Set.of(central)));
              return null;
            });
        CoverageDatabase.project(data, List.of(), true);
        var live = CoverageDatabase.incremental(data);
        assertThat(live.get("live " + b + " C700 COMPLETED")).isEqualTo(1);
        assertThat(live.get("live " + a + " C700 COMPLETED")).isNull();

        assertThat(frozen(data, "2025-H2")).usingRecursiveComparison().isEqualTo(frozen);
        assertThatThrownBy(() -> freeze(data, "2025-H2")).isInstanceOf(SQLException.class);
      } finally {
        factory.close();
      }
    }
  }

  private static void freeze(javax.sql.DataSource data, String period) throws SQLException {
    try (var connection = data.getConnection()) {
      connection.setAutoCommit(false);
      try {
        new CoverageFreeze(connection)
            .freeze(
                period,
                YearMonth.of(2025, 7),
                YearMonth.of(2025, 12),
                LocalDate.of(2025, 12, 31),
                Instant.parse("2026-01-05T03:00:00Z"));
        connection.commit();
      } finally {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
      }
    }
  }

  private static java.util.Map<String, long[]> frozen(javax.sql.DataSource data, String period)
      throws SQLException {
    try (var connection = data.getConnection()) {
      return new CoverageFreeze(connection).frozen(period);
    }
  }
}
