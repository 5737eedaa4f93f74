package vn.hocso.lms.units.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.domain.ClosureReason;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitEventKind;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/** Reorganising the tree on the real schema, on H2 and on MariaDB. */
class ReorganisationTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final LocalDate MERGE_DAY = LocalDate.of(2026, 1, 1);

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void mergingTwoCommunesKeepsTheirPeopleHistoryAndCounts(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var ids =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
                  var b = hanoi.addChild("00008", "Phường B", UnitKind.COMMUNE, START);
                  var c = hanoi.addChild("00025", "Phường C", UnitKind.COMMUNE, START);
                  var branchOfA = a.addChild(null, "Chi hội 1", UnitKind.BRANCH, START);
                  for (var unit : List.of(central, hanoi, a, b, c, branchOfA)) {
                    em.persist(unit);
                  }
                  for (int i = 0; i < 3; i++) {
                    em.persist(new Person("Hội viên A" + i, 1980 + i, a, START));
                  }
                  em.persist(new Person("Hội viên chi hội", 1990, branchOfA, START));
                  for (int i = 0; i < 2; i++) {
                    em.persist(new Person("Hội viên B" + i, 1970 + i, b, START));
                  }
                  em.persist(new Person("Hội viên C", 1975, c, START));
                  em.flush();
                  return new long[] {hanoi.id(), a.id(), b.id(), c.id(), branchOfA.id()};
                });
        long hanoi = ids[0], a = ids[1], b = ids[2], c = ids[3], branchOfA = ids[4];

        inTransaction(
            factory,
            em -> {
              new Reorganisation(em).merge(List.of(a, b), c, MERGE_DAY, officerOf(hanoi));
              return null;
            });

        var em = factory.createEntityManager();
        em.getEntityManagerFactory().getCache().evictAll();
        var headcount = new UnitHeadcount(em);
        assertThat(headcount.peopleWithin(c)).isEqualTo(7);
        assertThat(headcount.peopleWithin(hanoi)).isEqualTo(7);
        assertThat(headcount.peopleWithin(a)).isZero();
        var merged = em.find(OrgUnit.class, a);
        assertThat(merged.isOpenOn(MERGE_DAY)).isFalse();
        assertThat(merged.closedReason()).contains(ClosureReason.MERGED);
        assertThat(em.find(OrgUnit.class, branchOfA).parent().orElseThrow().id()).isEqualTo(c);

        var memberOfB =
            em.createQuery("select p from Person p where p.fullName = 'Hội viên B0'", Person.class)
                .getSingleResult();
        assertThat(memberOfB.unitOn(MERGE_DAY.minusDays(1)).orElseThrow().id()).isEqualTo(b);
        assertThat(memberOfB.unitOn(MERGE_DAY).orElseThrow().id()).isEqualTo(c);

        var reorganisation = new Reorganisation(em);
        assertThat(reorganisation.history(a, officerOf(hanoi)))
            .extracting(event -> event.kind())
            .containsExactly(UnitEventKind.MERGED_INTO);
        assertThat(reorganisation.history(c, officerOf(hanoi)))
            .extracting(event -> event.kind())
            .containsExactly(UnitEventKind.ABSORBED, UnitEventKind.ABSORBED);
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void splitNeedsAPlaceForEveryoneThenDividesPeopleAndBranches(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var ids =
            inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương", START);
                  var province = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
                  var commune = province.addChild("19999", "Xã Lớn", UnitKind.COMMUNE, START);
                  var branch = commune.addChild(null, "Chi hội Đông", UnitKind.BRANCH, START);
                  var lan = new Person("Lan", 1980, commune, START);
                  var hoa = new Person("Hoa", 1982, commune, START);
                  for (Object entity : List.of(central, province, commune, branch, lan, hoa)) {
                    em.persist(entity);
                  }
                  em.flush();
                  return new long[] {commune.id(), branch.id(), lan.id(), hoa.id(), province.id()};
                });
        long commune = ids[0], branch = ids[1], lan = ids[2], hoa = ids[3];
        var hue = officerOf(ids[4]);
        var parts =
            List.of(
                new Reorganisation.Part("19991", "Xã Đông"),
                new Reorganisation.Part("19992", "Xã Tây"));

        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em ->
                            new Reorganisation(em)
                                .split(
                                    commune,
                                    parts,
                                    Map.of(branch, 0),
                                    Map.of(lan, 0),
                                    MERGE_DAY,
                                    hue)))
            .isInstanceOf(UnitRuleException.class)
            .hasMessageContaining("missing: 1");

        var newUnits =
            inTransaction(
                factory,
                em ->
                    new Reorganisation(em)
                            .split(
                                commune,
                                parts,
                                Map.of(branch, 0),
                                Map.of(lan, 0, hoa, 1),
                                MERGE_DAY,
                                hue)
                            .stream()
                            .map(OrgUnit::id)
                            .toList());

        var em = factory.createEntityManager();
        em.getEntityManagerFactory().getCache().evictAll();
        var headcount = new UnitHeadcount(em);
        assertThat(headcount.peopleWithin(newUnits.get(0))).isEqualTo(1);
        assertThat(headcount.peopleWithin(newUnits.get(1))).isEqualTo(1);
        assertThat(em.find(OrgUnit.class, commune).closedReason()).contains(ClosureReason.SPLIT);
        assertThat(em.find(OrgUnit.class, branch).parent().orElseThrow().id())
            .isEqualTo(newUnits.get(0));
        assertThat(em.find(OrgUnit.class, newUnits.get(1)).code()).contains("19992");
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  static ManagedScope officerOf(long unitId) {
    return new ManagedScope(java.util.Set.of(unitId));
  }
}
