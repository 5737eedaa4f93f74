package vn.hocso.lms.coverage.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.TestStatements;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.dashboard.control.ActiveTrainers;
import vn.hocso.lms.coverage.dashboard.control.CoverageDashboard;
import vn.hocso.lms.coverage.dashboard.control.CoverageDashboard.Standing;
import vn.hocso.lms.coverage.dashboard.control.StaffTraining;
import vn.hocso.lms.coverage.dashboard.control.UntrainedPeople;
import vn.hocso.lms.coverage.dashboard.control.UntrainedPeople.Who;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.people.domain.StaffEmployment;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * The dashboards' services on H2 with the real migrations, persistence unit and projector: a small
 * tree (Central, two provinces, three communes, a branch), people of every kind, statements
 * projected as the LMS does, then the figures each table shows, and the scope of every read and
 * write.
 */
class CoverageDashboardTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Period JULY_TO_OCTOBER =
      new Period(Period.Kind.CUSTOM, YearMonth.of(2026, 7), YearMonth.of(2026, 10));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T03:00:00Z"), ZoneOffset.UTC);

  static TestDatabases.TestDatabase database;
  static DataSource data;
  static EntityManagerFactory factory;
  static long central, hanoi, hue, communeA, communeB, communeC;
  static long trainerInA;

  @BeforeAll
  static void seed() throws Exception {
    database = TestDatabases.H2.create();
    data = database.dataSource();
    LmsSchema.migrate(data);
    CoverageDatabase.insertCourse(data, 700, "thanh-toan", "ELECTRONIC_PAYMENT");
    CoverageDatabase.insertCourse(data, 701, "cong-tac-hoi", "UNION_WORK");
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    var accounts = new ArrayList<String>();
    inTransaction(
        factory,
        em -> {
          var root = OrgUnit.central("Trung ương", START);
          var p = root.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
          var q = root.addChild("46", "Huế", UnitKind.PROVINCE, START);
          var a = p.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
          var b = p.addChild("00008", "Phường Ngọc Hà", UnitKind.COMMUNE, START);
          var c = q.addChild("19753", "Phường Phú Xuân", UnitKind.COMMUNE, START);
          var a1 = a.addChild(null, "Chi hội 1", UnitKind.BRANCH, START);
          List.of(root, p, q, a, b, c, a1).forEach(em::persist);
          em.flush();
          central = root.id();
          hanoi = p.id();
          hue = q.id();
          communeA = a.id();
          communeB = b.id();
          communeC = c.id();
          var lan = member("Nguyễn Thị Lan", a1);
          var hoa = member("Trần Thị Hoa", a);
          hoa.employAsStaff(StaffEmployment.FULL_TIME, "Chủ tịch");
          var mai = member("Lê Thị Mai", a);
          var cuc = new Person("Phạm Thị Cúc", 1975, a, START);
          cuc.employAsStaff(StaffEmployment.PART_TIME, "Phó Chủ tịch");
          var thu = new Person("Đỗ Thị Thu", 1990, a, START); // a learner, neither member nor staff
          var dao = member("Vũ Thị Đào", b);
          var xuan = member("Hồ Thị Xuân", c);
          List.of(lan, hoa, mai, cuc, thu, dao, xuan).forEach(em::persist);
          // Counted in the headcounts, as every writer of people does in its transaction.
          List.of(lan, hoa, mai, cuc, thu, dao, xuan)
              .forEach(x -> vn.hocso.lms.coverage.CoverageDatabase.settleHeadcount(em, x));
          List.of(lan, hoa, mai, cuc, xuan).forEach(x -> accounts.add(x.xapiAccount()));
          var trainer =
              new Account("gv.badinh", "mat-khau-dai-du".toCharArray(), "Giảng viên A", a);
          trainer.grant(Role.TRAINER, a);
          var other = new Account("gv.hue", "mat-khau-dai-du".toCharArray(), "Giảng viên Huế", c);
          other.grant(Role.TRAINER, c);
          em.persist(trainer);
          em.persist(other);
          em.flush();
          trainerInA = trainer.id();
          return null;
        });
    var batch = new ArrayList<vn.hocso.xapi.stream.StreamedStatement>();
    batch.add(statement(Kind.COMPLETED, accounts.get(0), "thanh-toan", 2026, 9, 10));
    batch.add(statement(Kind.COMPLETED, accounts.get(1), "thanh-toan", 2026, 10, 5));
    batch.add(statement(Kind.REGISTERED, accounts.get(2), "thanh-toan", 2026, 9, 1));
    batch.add(statement(Kind.COMPLETED, accounts.get(3), "cong-tac-hoi", 2026, 3, 3));
    batch.add(statement(Kind.COMPLETED, accounts.get(4), "thanh-toan", 2026, 8, 1));
    CoverageDatabase.project(data, batch, true);
    try (var connection = data.getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "insert into course_authorship (course_id, owner_account_id, created_at) values (700, "
              + trainerInA
              + ", '2026-01-01 00:00:00')");
      statement.executeUpdate(
          "insert into authoring_event (id, course_id, version_number, action, actor_account_id,"
              + " happened_at) values (1, 700, 1, 'PUBLISHED', "
              + trainerInA
              + ", '2026-09-15 02:00:00.000000')");
    }
  }

  private static Person member(String name, OrgUnit unit) {
    var person = new Person(name, 1980, unit, START);
    person.markMember(true);
    return person;
  }

  private static vn.hocso.xapi.stream.StreamedStatement statement(
      Kind kind, String account, String slug, int year, int month, int day) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(
        id, TestStatements.json(id, kind, account, slug, LocalDate.of(year, month, day)));
  }

  @AfterAll
  static void close() throws SQLException {
    factory.close();
    database.close();
  }

  static ManagedScope scope(long unit) {
    return new ManagedScope(Set.of(unit));
  }

  static Requester officer(long unit) {
    return new Requester("canbo.test", null, scope(unit));
  }

  @Test
  void aUnitsTotalsPerTrackCountItsSubtreeAgainstItsPeople() {
    var overview =
        inTransaction(
            factory,
            em -> new CoverageDashboard(em).overview(communeA, JULY_TO_OCTOBER, scope(hanoi)));
    assertThat(overview.people()).isEqualTo(5);
    assertThat(overview.members()).isEqualTo(3);
    var payment = overview.tracks().get(CoverageDashboard.TRACKS.indexOf(Track.ELECTRONIC_PAYMENT));
    assertThat(payment.enrolled()).isEqualTo(1);
    assertThat(payment.completed()).isEqualTo(2);
    assertThat(payment.completedInPeriod()).isEqualTo(2);
    assertThat(payment.completedPercent()).isEqualTo(40.0);
    var union = overview.tracks().get(CoverageDashboard.TRACKS.indexOf(Track.UNION_WORK));
    assertThat(union.completed()).isEqualTo(1);
    assertThat(union.completedInPeriod()).as("completed in March, before the period").isZero();
    assertThat(overview.unit().parentId()).isEqualTo(hanoi);
  }

  @Test
  void theTrendCountsCompletionsUpToTheEndOfEachMonth() {
    var trend =
        inTransaction(
                factory,
                em ->
                    new CoverageDashboard(em).overview(communeA, JULY_TO_OCTOBER, scope(communeA)))
            .trend();
    int payment = CoverageDashboard.TRACKS.indexOf(Track.ELECTRONIC_PAYMENT);
    int union = CoverageDashboard.TRACKS.indexOf(Track.UNION_WORK);
    assertThat(trend)
        .extracting(row -> row.month().toString())
        .containsExactly("2026-07", "2026-08", "2026-09", "2026-10");
    assertThat(trend)
        .extracting(row -> row.completedByTrack().get(payment))
        .containsExactly(0L, 0L, 1L, 2L);
    assertThat(trend)
        .extracting(row -> row.completedByTrack().get(union))
        .containsExactly(1L, 1L, 1L, 1L);
    assertThat(
            inTransaction(
                    factory,
                    em ->
                        new CoverageDashboard(em)
                            .overview(communeA, JULY_TO_OCTOBER, scope(communeA)))
                .unit()
                .parentId())
        .as("her own commune's officer may not open the province")
        .isNull();
  }

  @Test
  void childUnitsAreRankedByTheChosenTrackWithLeadersAndLaggards() {
    var provinces =
        inTransaction(
            factory,
            em ->
                new CoverageDashboard(em)
                    .children(central, JULY_TO_OCTOBER, Track.ELECTRONIC_PAYMENT, scope(central)));
    assertThat(provinces)
        .extracting(CoverageDashboard.ChildRow::name)
        .containsExactly("Huế", "Hà Nội");
    assertThat(provinces).extracting(CoverageDashboard.ChildRow::people).containsExactly(1L, 6L);
    assertThat(provinces.get(0).track(0).percent()).isEqualTo(100.0);
    assertThat(provinces.get(0).track(0).heat()).isEqualTo(4);
    assertThat(provinces.get(1).track(0).completed()).isEqualTo(2);
    assertThat(provinces.get(1).track(0).percent()).isEqualTo(33.3);
    assertThat(provinces)
        .extracting(CoverageDashboard.ChildRow::standing)
        .containsExactly(Standing.LEADING, Standing.LAGGING);

    var communes =
        inTransaction(
            factory,
            em ->
                new CoverageDashboard(em)
                    .children(hanoi, JULY_TO_OCTOBER, Track.UNION_WORK, scope(hanoi)));
    assertThat(communes)
        .extracting(CoverageDashboard.ChildRow::name)
        .containsExactly("Phường Ba Đình", "Phường Ngọc Hà");
    assertThat(communes.get(0).track(3).completed()).isEqualTo(1);
    assertThat(communes.get(1).percentOf(3)).isEqualTo(0.0);
  }

  @Test
  void anOfficerOfAnotherProvinceReadsNothingAndSetsNothing() {
    var hueOfficer = scope(hue);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em ->
                        new CoverageDashboard(em).overview(communeA, JULY_TO_OCTOBER, hueOfficer)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em ->
                        new CoverageDashboard(em)
                            .children(hanoi, JULY_TO_OCTOBER, null, hueOfficer)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em ->
                        new UntrainedPeople(em, CLOCK)
                            .count(
                                filter(communeA, Track.ELECTRONIC_PAYMENT, null, null),
                                officer(hue))))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> new StaffTraining(em, CLOCK).figures(communeA, 2026, hueOfficer)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> {
                      new StaffTraining(em, CLOCK).setTarget(communeA, 2026, 9, hueOfficer, "x");
                      return null;
                    }))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> new ActiveTrainers(em).active(communeA, JULY_TO_OCTOBER, hueOfficer)))
        .isInstanceOf(AccessDeniedException.class);
  }

  static UntrainedPeople.Filter filter(long unit, Track track, Who who, String name) {
    return new UntrainedPeople.Filter(unit, Subject.track(track.name()), who, name);
  }

  @Test
  void theUntrainedListHoldsMembersAndStaffWithoutACompletionAndIsAudited() {
    var names =
        inTransaction(
            factory,
            em ->
                new UntrainedPeople(em, CLOCK)
                        .list(
                            filter(communeA, Track.ELECTRONIC_PAYMENT, Who.MEMBERS_AND_STAFF, null),
                            0,
                            10,
                            officer(communeA))
                        .stream()
                        .map(UntrainedPeople.Row::fullName)
                        .toList());
    assertThat(names).containsExactly("Lê Thị Mai", "Phạm Thị Cúc");
    assertThat(count(filter(communeA, Track.ELECTRONIC_PAYMENT, Who.MEMBERS, null))).isEqualTo(1);
    assertThat(count(filter(communeA, Track.ELECTRONIC_PAYMENT, Who.STAFF, null))).isEqualTo(1);
    assertThat(count(filter(communeA, Track.UNION_WORK, null, null))).isEqualTo(3);
    assertThat(count(filter(communeA, Track.ELECTRONIC_PAYMENT, null, "le thi MAI"))).isEqualTo(1);
    assertThat(count(filter(hanoi, Track.ELECTRONIC_PAYMENT, null, null)))
        .as("Đào of Ngọc Hà joins at the province")
        .isEqualTo(3);
    var course =
        new UntrainedPeople.Filter(communeA, Subject.course(700), Who.MEMBERS_AND_STAFF, "");
    assertThat(count(course)).isEqualTo(2);
    assertThat(audited("LISTED_PEOPLE")).isGreaterThanOrEqualTo(1);

    // The rows are read while the file is written, in the same persistence context.
    var rows = new ArrayList<List<Object>>();
    inTransaction(
        factory,
        em -> {
          var export =
              new UntrainedPeople(em, CLOCK)
                  .export(
                      filter(communeA, Track.ELECTRONIC_PAYMENT, null, null),
                      "Chưa đào tạo",
                      List.of(
                          "Họ và tên", "Năm sinh", "Điện thoại", "Đơn vị", "Hội viên", "Chức vụ"),
                      officer(communeA));
          export.rows().forEach(rows::add);
          return null;
        });
    assertThat(rows).extracting(row -> row.get(0)).containsExactly("Lê Thị Mai", "Phạm Thị Cúc");
    assertThat(rows.get(1).get(5)).isEqualTo("Phó Chủ tịch");
    assertThat(audited("EXPORTED_PEOPLE")).isEqualTo(1);
  }

  private long count(UntrainedPeople.Filter filter) {
    return inTransaction(
        factory, em -> new UntrainedPeople(em, CLOCK).count(filter, officer(hanoi)));
  }

  private long audited(String action) {
    return inTransaction(
        factory,
        em ->
            em.createQuery(
                    "select count(a) from AuditEntry a where a.action = "
                        + "vn.hocso.lms.privacy.domain.AuditAction."
                        + action,
                    Long.class)
                .getSingleResult());
  }

  @Test
  void staffAreCountedByLevelAndPositionAgainstTheYearsTarget() {
    var figures =
        inTransaction(
            factory, em -> new StaffTraining(em, CLOCK).figures(communeA, 2026, scope(communeA)));
    assertThat(figures.staff()).isEqualTo(2);
    assertThat(figures.trained()).isEqualTo(1);
    assertThat(figures.inYear()).isEqualTo(1);
    assertThat(figures.target()).isNull();
    assertThat(figures.ofTarget()).isNull();
    assertThat(figures.groups())
        .extracting(g -> g.level() + " " + g.position() + " " + g.staff() + "/" + g.trained())
        .containsExactly("COMMUNE Chủ tịch 1/0", "COMMUNE Phó Chủ tịch 1/1");

    // The province's officer sets the commune's target; the commune's own officer changes it.
    inTransaction(
        factory,
        em -> {
          new StaffTraining(em, CLOCK).setTarget(communeA, 2026, 4, scope(hanoi), "canbo.tinh");
          return null;
        });
    assertThat(targetOf(communeA, 2026).ofTarget()).isEqualTo(25.0);
    inTransaction(
        factory,
        em -> {
          new StaffTraining(em, CLOCK).setTarget(communeA, 2026, 2, scope(communeA), "canbo.xa");
          return null;
        });
    var changed = targetOf(communeA, 2026);
    assertThat(changed.target()).isEqualTo(2);
    assertThat(changed.targetSetBy()).isEqualTo("canbo.xa");
    assertThat(changed.ofTarget()).isEqualTo(50.0);
    assertThat(targetOf(communeA, 2025).inYear()).as("trained in 2026, not 2025").isZero();
    assertThat(targetOf(hanoi, 2026).target())
        .as("a commune's target is not its province's")
        .isNull();
    assertThat(targetOf(hanoi, 2026).staff()).isEqualTo(2);
  }

  private StaffTraining.Figures targetOf(long unit, int year) {
    return inTransaction(
        factory, em -> new StaffTraining(em, CLOCK).figures(unit, year, scope(central)));
  }

  @Test
  void aTargetRefusesWhatCannotBeMeant() {
    for (int[] bad : new int[][] {{2026, -1}, {2026, 500_001}, {1999, 5}, {2101, 5}}) {
      assertThatThrownBy(
              () ->
                  inTransaction(
                      factory,
                      em -> {
                        new StaffTraining(em, CLOCK)
                            .setTarget(communeB, bad[0], bad[1], scope(hanoi), "canbo.tinh");
                        return null;
                      }))
          .as("year %d, %d staff", bad[0], bad[1])
          .isInstanceOf(UnitRuleException.class);
    }
    assertThat(targetOf(communeB, 2026).target()).isNull();
  }

  @Test
  void activeTrainersAreThoseOfTheSubtreeWhoAuthoredOrWhoseCoursesWereTaken() {
    var inA =
        inTransaction(
            factory,
            em -> new ActiveTrainers(em).active(communeA, JULY_TO_OCTOBER, scope(communeA)));
    assertThat(inA).hasSize(1);
    var trainer = inA.get(0);
    assertThat(trainer.name()).isEqualTo("Giảng viên A");
    assertThat(trainer.courses()).isEqualTo(1);
    assertThat(trainer.authoringActions()).isEqualTo(1);
    // Lan and Hoa completed, Mai enrolled, Xuân (Huế) completed her course in the period.
    assertThat(trainer.learnerMilestones()).isEqualTo(4);
    var november = new Period(Period.Kind.CUSTOM, YearMonth.of(2026, 11), YearMonth.of(2026, 11));
    List<ActiveTrainers.Trainer> inNovember =
        inTransaction(
            factory, em -> new ActiveTrainers(em).active(communeA, november, scope(communeA)));
    assertThat(inNovember).as("nothing happened in November").isEmpty();
    List<ActiveTrainers.Trainer> inHue =
        inTransaction(
            factory, em -> new ActiveTrainers(em).active(hue, JULY_TO_OCTOBER, scope(hue)));
    assertThat(inHue).as("Huế's trainer did nothing").isEmpty();
  }

  @Test
  void everyTableDownloadsWithThePagesFiguresAndItsScope() {
    var rows =
        inTransaction(
            factory,
            em -> {
              var exports =
                  new vn.hocso.lms.coverage.dashboard.control.DashboardExports(
                      new CoverageDashboard(em),
                      new UntrainedPeople(em, CLOCK),
                      new StaffTraining(em, CLOCK),
                      new ActiveTrainers(em));
              var filter = filter(hanoi, Track.ELECTRONIC_PAYMENT, null, null);
              var result = new java.util.LinkedHashMap<String, List<List<Object>>>();
              for (var table : List.of("tracks", "trend", "children", "staff", "trainers")) {
                var export =
                    exports.table(
                        table,
                        hanoi,
                        JULY_TO_OCTOBER,
                        Track.ELECTRONIC_PAYMENT,
                        filter,
                        key -> key,
                        officer(hanoi));
                var list = new ArrayList<List<Object>>();
                export.rows().forEach(list::add);
                result.put(table + " " + export.headers().size(), list);
              }
              return result;
            });
    assertThat(rows.keySet())
        .containsExactly("tracks 7", "trend 5", "children 11", "staff 5", "trainers 5");
    assertThat(rows.get("tracks 7").get(0))
        .containsExactly("track.ELECTRONIC_PAYMENT", 1L, 2L, 0L, 2L, 6L, 33.3);
    assertThat(rows.get("trend 5")).hasSize(4);
    assertThat(rows.get("children 11").get(0))
        .containsExactly("Phường Ba Đình", "00004", 5L, 2L, 40.0, 0L, 0.0, 0L, 0.0, 1L, 20.0);
    assertThat(rows.get("staff 5"))
        .as("the province's staff by position: staff, trained")
        .extracting(row -> row.get(1) + " " + row.get(2) + " " + row.get(3))
        .containsExactly("Chủ tịch 1 0", "Phó Chủ tịch 1 1");
    assertThat(rows.get("trainers 5"))
        .extracting(row -> row.get(0))
        .containsExactly("Giảng viên A");
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em ->
                        new vn.hocso.lms.coverage.dashboard.control.DashboardExports(
                                new CoverageDashboard(em),
                                new UntrainedPeople(em, CLOCK),
                                new StaffTraining(em, CLOCK),
                                new ActiveTrainers(em))
                            .table(
                                "children",
                                hanoi,
                                JULY_TO_OCTOBER,
                                null,
                                filter(hanoi, Track.ELECTRONIC_PAYMENT, null, null),
                                key -> key,
                                officer(hue))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theHighestManagedUnitOpensFirst() {
    var both = new ManagedScope(Set.of(communeC, hanoi));
    long opened = inTransaction(factory, em -> new CoverageDashboard(em).defaultUnit(both));
    assertThat(opened).isEqualTo(hanoi);
    assertThatThrownBy(
            () ->
                inTransaction(
                    factory,
                    em -> new CoverageDashboard(em).defaultUnit(new ManagedScope(Set.of()))))
        .isInstanceOf(AccessDeniedException.class);
  }
}
