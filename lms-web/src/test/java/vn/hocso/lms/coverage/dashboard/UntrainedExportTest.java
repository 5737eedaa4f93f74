package vn.hocso.lms.coverage.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.dashboard.control.UntrainedPeople;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * The untrained list's download is read a chunk at a time after the last row read (keyset), not at
 * an offset: everyone is written once, in name order, even when someone already written completes
 * the course while the file is being written (at an offset, the next chunk then skipped someone).
 */
class UntrainedExportTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T03:00:00Z"), ZoneOffset.UTC);
  static final List<String> NAMES = List.of("An", "Bình", "Chi", "Dung", "Giang");

  @Test
  void everyoneIsExportedOnceEvenWhenSomeoneListedCompletesMeanwhile() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var data = database.dataSource();
      LmsSchema.migrate(data);
      CoverageDatabase.insertCourse(data, 700, "thanh-toan", "ELECTRONIC_PAYMENT");
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        long[] commune = new long[1];
        var people = new ArrayList<Long>();
        inTransaction(
            factory,
            em -> {
              var central = OrgUnit.central("Trung ương", START);
              var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
              var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
              List.of(central, hanoi, a).forEach(em::persist);
              for (var name : NAMES) {
                var person = new Person("Nguyễn Thị " + name, 1980, a, START);
                person.markMember(true);
                em.persist(person);
                em.flush();
                people.add(person.id());
              }
              commune[0] = a.id();
              return null;
            });
        var filter =
            new UntrainedPeople.Filter(
                commune[0],
                Subject.track("ELECTRONIC_PAYMENT"),
                UntrainedPeople.Who.MEMBERS_AND_STAFF,
                null);
        var officer = new Requester("canbo.xa", null, new ManagedScope(Set.of(commune[0])));
        var written = new ArrayList<Object>();
        inTransaction(
            factory,
            em -> {
              var rows =
                  new UntrainedPeople(em, CLOCK, 2)
                      .export(filter, "Chưa đào tạo", List.of("Họ và tên"), officer)
                      .rows()
                      .iterator();
              written.add(rows.next().get(0));
              written.add(rows.next().get(0)); // the first chunk of two
              complete(data, people.get(0), commune[0]);
              rows.forEachRemaining(row -> written.add(row.get(0)));
              return null;
            });
        assertThat(written)
            .containsExactlyElementsOf(NAMES.stream().map(n -> "Nguyễn Thị " + n).toList());
      } finally {
        factory.close();
      }
    }
  }

  /** The projector's state for a completion of the track (committed on its own connection). */
  private static void complete(DataSource data, long person, long unit) {
    try (var connection = data.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into cov_state (person_id, subject, milestone, reached_on, month_unit_id,"
                    + " live_unit_id) values (?, 'TELECTRONIC_PAYMENT', 'COMPLETED', ?, ?, ?)")) {
      insert.setLong(1, person);
      insert.setDate(2, Date.valueOf(LocalDate.of(2026, 10, 1)));
      insert.setLong(3, unit);
      insert.setLong(4, unit);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
