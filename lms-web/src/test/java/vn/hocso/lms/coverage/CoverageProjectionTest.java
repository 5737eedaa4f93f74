package vn.hocso.lms.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.control.CoverageQuery;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.xapi.stream.StreamedStatement;

/** The projector's numbers, worked out by hand, on H2 and on MariaDB; and the figures service. */
class CoverageProjectionTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void statementsVoidsDuplicatesAndAMergeGiveTheExpectedNumbersAtEveryLevel(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var data = database.dataSource();
      LmsSchema.migrate(data);
      CoverageDatabase.insertCourse(data, 501, "thanh-toan", "ELECTRONIC_PAYMENT");
      CoverageDatabase.insertCourse(data, 502, "vietqr", "ELECTRONIC_PAYMENT");
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        // Central → Hà Nội → communes A, B; Huế → commune C. Lan and Mai in A, Hoa in B, Thu in C.
        var ids =
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
                  var mai = new Person("Mai", 1981, a, START);
                  var hoa = new Person("Hoa", 1982, b, START);
                  var thu = new Person("Thu", 1983, c, START);
                  List.of(lan, mai, hoa, thu).forEach(em::persist);
                  lan.markMember(true);
                  for (var person : List.of(lan, mai, hoa, thu)) {
                    CoverageDatabase.settleHeadcount(em, person); // as the LMS's writers do
                  }
                  em.flush();
                  return new Object[] {
                    central.id(),
                    hanoi.id(),
                    hue.id(),
                    a.id(),
                    b.id(),
                    c.id(),
                    lan.xapiAccount(),
                    mai.xapiAccount(),
                    hoa.xapiAccount(),
                    thu.xapiAccount()
                  };
                });
        long central = (Long) ids[0], hanoi = (Long) ids[1], hue = (Long) ids[2];
        long a = (Long) ids[3], b = (Long) ids[4], c = (Long) ids[5];
        String lan = (String) ids[6], mai = (String) ids[7], hoa = (String) ids[8];
        String thu = (String) ids[9];
        var sep = LocalDate.of(2025, 9, 10);
        var oct = LocalDate.of(2025, 10, 5);

        var lanEnrols = statement(Kind.REGISTERED, lan, "thanh-toan", sep);
        var lanCompletes = statement(Kind.COMPLETED, lan, "thanh-toan", oct);
        var maiEnrols = statement(Kind.REGISTERED, mai, "vietqr", sep);
        var maiLesson = statement(Kind.EXPERIENCED, mai, "vietqr", sep);
        var hoaCompletes = statement(Kind.COMPLETED, hoa, "thanh-toan", oct);
        var thuEarned = statement(Kind.EARNED, thu, "vietqr", oct);
        var stranger = statement(Kind.REGISTERED, UUID.randomUUID().toString(), "vietqr", oct);
        var unknownCourse = statement(Kind.REGISTERED, lan, "khong-co", oct);
        CoverageDatabase.project(
            data,
            List.of(
                lanEnrols,
                lanCompletes,
                maiEnrols,
                maiLesson,
                hoaCompletes,
                thuEarned,
                stranger,
                unknownCourse,
                lanEnrols, // delivered twice
                maiEnrols),
            true);

        var track = Subject.track("ELECTRONIC_PAYMENT");
        var course = Subject.course(501);
        assertThat(live(data, a, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(live(data, hanoi, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(live(data, central, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(live(data, hanoi, course, Milestone.COMPLETED)).isEqualTo(2); // Lan, Hoa
        assertThat(live(data, central, track, Milestone.CERTIFIED)).isEqualTo(1); // Thu
        assertThat(live(data, hue, track, Milestone.CERTIFIED)).isEqualTo(1);
        assertThat(live(data, hanoi, track, Milestone.CERTIFIED)).isZero();
        assertThat(live(data, a, track, Milestone.IN_PROGRESS)).isEqualTo(1); // Mai's lesson
        assertThat(skipped(data)).isEqualTo(2);

        // Hoa's completion is voided (retracted); Thu's certificate is revoked before it arrives
        // at a late reader: the voiding first, then the earned statement, which must not count.
        var revokeThu = voiding(thuEarned.statementId(), thu);
        var hoaVoided = voiding(hoaCompletes.statementId(), hoa);
        var maiEarned = statement(Kind.EARNED, mai, "vietqr", oct);
        var maiRevoked = voiding(maiEarned.statementId(), mai);
        CoverageDatabase.project(data, List.of(revokeThu, hoaVoided, maiRevoked, maiEarned), true);
        assertThat(live(data, hanoi, course, Milestone.COMPLETED)).isEqualTo(1);
        assertThat(live(data, central, track, Milestone.CERTIFIED)).isZero();
        assertThat(live(data, hanoi, track, Milestone.CERTIFIED)).isZero();

        // A crashed batch leaves nothing behind; delivered again, it counts once.
        var hoaAgain = statement(Kind.COMPLETED, hoa, "thanh-toan", oct.plusDays(1));
        CoverageDatabase.project(data, List.of(hoaAgain), false);
        assertThat(live(data, hanoi, course, Milestone.COMPLETED)).isEqualTo(1);
        CoverageDatabase.project(data, List.of(hoaAgain, hoaAgain), true);
        assertThat(live(data, hanoi, course, Milestone.COMPLETED)).isEqualTo(2);

        // Commune A merges into C (Huế) in December: live follows the people to Huế; September
        // and October stay with Hà Nội, where they happened.
        var december = LocalDate.of(2025, 12, 1);
        inTransaction(
            factory,
            em -> {
              CoverageDatabase.reorganisation(em)
                  .merge(List.of(a), c, december, new ManagedScope(Set.of(central)));
              return null;
            });
        CoverageDatabase.project(data, List.of(), true);
        assertThat(live(data, hanoi, track, Milestone.ENROLLED)).isZero();
        assertThat(live(data, hue, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(live(data, c, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(live(data, central, track, Milestone.ENROLLED)).isEqualTo(2);
        assertThat(month(data, hanoi, track, Milestone.ENROLLED, 202509)).isEqualTo(2);
        assertThat(month(data, hue, track, Milestone.ENROLLED, 202509)).isZero();
        assertThat(month(data, central, track, Milestone.ENROLLED, 202509)).isEqualTo(2);
        assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));

        // The figures service: Hà Nội for the second half of 2025 counted on 31 December.
        var em = factory.createEntityManager();
        try {
          var query = new CoverageQuery(em);
          var hanoiFigures =
              query.figures(hanoi, YearMonth.of(2025, 7), YearMonth.of(2025, 12), officer(hanoi));
          var completed = hanoiFigures.figure(course, Milestone.COMPLETED).orElseThrow();
          assertThat(completed.byEnd()).isEqualTo(2); // Lan (then in A), Hoa
          assertThat(completed.live()).isEqualTo(1); // Hoa; Lan is in Huế now
          assertThat(hanoiFigures.people()).isEqualTo(1); // only Hoa is left in Hà Nội
          assertThat(hanoiFigures.members()).isZero();
          var september =
              query.figures(hanoi, YearMonth.of(2025, 9), YearMonth.of(2025, 9), officer(hanoi));
          var enrolled = september.figure(track, Milestone.ENROLLED).orElseThrow();
          assertThat(enrolled.inPeriod()).isEqualTo(2);
          assertThat(september.people()).isEqualTo(3); // Lan, Mai, Hoa on 30 September
          assertThat(enrolled.percent()).contains(66.7);
          assertThat(september.members()).isEqualTo(1); // Lan
          var ranked =
              query.childrenRanked(
                  central,
                  track,
                  Milestone.ENROLLED,
                  YearMonth.of(2025, 7),
                  YearMonth.of(2025, 12),
                  officer(central));
          assertThat(ranked).extracting(r -> r.name()).containsExactly("Hà Nội", "Huế");
          assertThatThrownBy(
                  () ->
                      query.figures(
                          hue, YearMonth.of(2025, 7), YearMonth.of(2025, 12), officer(hanoi)))
              .isInstanceOf(AccessDeniedException.class);
        } finally {
          em.close();
        }
      } finally {
        factory.close();
      }
    }
  }

  private static ManagedScope officer(long unit) {
    return new ManagedScope(Set.of(unit));
  }

  private static StreamedStatement statement(
      Kind kind, String account, String slug, LocalDate day) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.json(id, kind, account, slug, day));
  }

  private static StreamedStatement voiding(UUID target, String account) {
    var id = UUID.randomUUID();
    return TestStatements.streamed(id, TestStatements.voiding(id, target, account));
  }

  static long live(javax.sql.DataSource data, long unit, Subject subject, Milestone milestone)
      throws Exception {
    return CoverageDatabase.incremental(data)
        .getOrDefault("live " + unit + " " + subject + " " + milestone, 0L);
  }

  static long month(
      javax.sql.DataSource data, long unit, Subject subject, Milestone milestone, int month)
      throws Exception {
    return CoverageDatabase.incremental(data)
        .getOrDefault("month " + unit + " " + subject + " " + milestone + " " + month, 0L);
  }

  static long skipped(javax.sql.DataSource data) throws Exception {
    try (var connection = data.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select sum(statements) from cov_skipped")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
