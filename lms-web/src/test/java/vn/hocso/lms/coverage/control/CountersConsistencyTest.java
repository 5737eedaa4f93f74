package vn.hocso.lms.coverage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.coverage.LockWaits.awaitLockWaitOrEnd;
import static vn.hocso.lms.coverage.LockWaits.connectionId;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.coverage.TestStatements;
import vn.hocso.lms.coverage.TestStatements.Kind;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.coverage.storage.PeopleCounts;
import vn.hocso.lms.people.control.PersonRecords;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.people.domain.StaffEmployment;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * The counters stay equal to a recount when a writer commits in the middle of the projector's or
 * the full recompute's work: a unit moved while a recompute runs, a person changed twice around a
 * projector batch, a person changed while a recompute counts the people. And a person just created
 * queues nothing for the projector.
 */
class CountersConsistencyTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final long COURSE = 800;
  static final String SLUG = "can-bo-hoi";

  /** Central → Hà Nội → commune A, and Huế; Lan, a member and staff of A. */
  record Country(long hanoi, long hue, long a, long lan, String lanAccount) {}

  static Country country(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương", START);
          var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
          var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
          var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
          List.of(central, hanoi, hue, a).forEach(em::persist);
          var lan = new Person("Lan", 1980, a, START);
          lan.markMember(true);
          lan.employAsStaff(StaffEmployment.values()[0], "Chủ tịch");
          em.persist(lan);
          em.flush();
          CoverageDatabase.settleHeadcount(em, lan);
          return new Country(hanoi.id(), hue.id(), a.id(), lan.id(), lan.xapiAccount());
        });
  }

  /** A migrated database with the course, the country, and Lan's completion projected. */
  static Country prepared(TestDatabases.TestDatabase database) throws SQLException {
    var data = database.dataSource();
    LmsSchema.migrate(data);
    CoverageDatabase.insertCourse(data, COURSE, SLUG, "UNION_WORK");
    var factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    Country country;
    try {
      country = country(factory);
    } finally {
      factory.close();
    }
    var id = UUID.randomUUID();
    CoverageDatabase.project(
        data,
        List.of(
            TestStatements.streamed(
                id,
                TestStatements.json(
                    id, Kind.COMPLETED, country.lanAccount(), SLUG, LocalDate.of(2025, 9, 2)))),
        true);
    return country;
  }

  /**
   * Commune A moves to Huế after the recompute read the tree and before it counted the trained:
   * they must roll up through the tree it read (the one in cov_unit), or the projector, applying
   * the move, carries them to Huế a second time.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aUnitMovedDuringARecomputeIsCountedOnceUnderItsNewParent(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var data = database.dataSource();
      var country = prepared(database);
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        // On MariaDB the fresh tables are swapped in; on H2 it works in the transaction.
        new CoverageRecompute(connection, data)
            .afterReading(() -> moveUnit(data, country.a(), country.hue()))
            .run();
        connection.commit();
      }
      CoverageDatabase.project(data, List.of(), true); // the move, queued
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
      assertThat(trainedAt(data, country.hue())).isEqualTo(1);
      assertThat(trainedAt(data, country.hanoi())).isZero();
    }
  }

  /** What a reorganisation commits for the projector when it moves a unit (not the headcounts). */
  private static void moveUnit(DataSource data, long unit, long parent) throws SQLException {
    try (var connection = data.getConnection();
        var move = connection.prepareStatement("update org_unit set parent_id = ? where id = ?");
        var queue =
            connection.prepareStatement(
                "insert into cov_change (id, kind, subject_id, effective_on) values (?, 'UNIT',"
                    + " ?, ?)")) {
      move.setLong(1, parent);
      move.setLong(2, unit);
      move.executeUpdate();
      queue.setLong(1, 900_000);
      queue.setLong(2, unit);
      queue.setDate(3, Date.valueOf(START.plusYears(1)));
      queue.executeUpdate();
    }
  }

  private static long trainedAt(DataSource data, long unit) throws SQLException {
    try (var connection = data.getConnection();
        var query =
            connection.prepareStatement(
                "select coalesce(sum(people), 0) from cov_trained where unit_id = ? and subject ="
                    + " 'TUNION_WORK'")) {
      query.setLong(1, unit);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * Lan stops being a member (a PERSON change queued), a projector batch reads the queue, then she
   * is a member again (the change written again) before the batch takes it off: the batch's
   * snapshot still holds her as a non-member, so it must leave the rewritten change for the next
   * batch instead of applying her older self and losing the second change.
   */
  @Test
  void aPersonChangedAgainWhileABatchAppliesHerFirstChangeIsAppliedAsSheIsNow() throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      var country = prepared(database);
      setMember(data, country.lan(), false);
      try (var batch = data.getConnection()) {
        batch.setAutoCommit(false);
        try (var tables = new CoverageTables(batch)) {
          tables.lockCounters(); // first, as every projector transaction
          try (var read = batch.createStatement();
              var rows = read.executeQuery("select count(*) from cov_change")) {
            rows.next(); // the batch's snapshot: Lan not a member, her change queued
          }
          setMember(data, country.lan(), true);
          new CoverageProjection(tables).applyChanges();
        }
        batch.commit();
      }
      CoverageDatabase.project(data, List.of(), true); // the next batch
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }

  /** What an officer's change of her member flag commits (PersonRecords.correct). */
  private static void setMember(DataSource data, long person, boolean member) throws SQLException {
    try (var connection = data.getConnection()) {
      connection.setAutoCommit(false);
      try (var update =
          connection.prepareStatement("update person set is_member = ? where id = ?")) {
        update.setBoolean(1, member);
        update.setLong(2, person);
        update.executeUpdate();
      }
      new vn.hocso.lms.coverage.storage.Headcounts(connection).settle(person);
      connection.commit();
    }
  }

  /**
   * Lan is erased while a recompute (in the caller's transaction, on MariaDB) has read everything:
   * the recompute counts the people of its snapshot, so the erasure must wait for it and then apply
   * to what it counted (before, it committed at once and the recount wrote her back).
   */
  @Test
  void aPersonErasedDuringARecomputeIsCountedAsErased() throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      var country = prepared(database);
      var executor = Executors.newSingleThreadExecutor();
      try (var recomputing = data.getConnection();
          var eraser = data.getConnection()) {
        recomputing.setAutoCommit(false);
        eraser.setAutoCommit(false);
        long eraserId = connectionId(eraser);
        var erasure = new Future<?>[1];
        new CoverageRecompute(recomputing)
            .afterReading(
                () -> {
                  erasure[0] = executor.submit(() -> erase(eraser, country.lan()));
                  try {
                    awaitLockWaitOrEnd(data, eraserId, erasure[0]);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run();
        recomputing.commit();
        erasure[0].get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
      }
      CoverageDatabase.project(data, List.of(), true); // her PERSON change
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }

  /** What PersonalData's erasure commits for the counters. */
  private static Void erase(Connection connection, long person) throws SQLException {
    try (var update = connection.prepareStatement("update person set erased_on = ? where id = ?")) {
      update.setDate(1, Date.valueOf(START.plusYears(1)));
      update.setLong(2, person);
      update.executeUpdate();
    }
    new PeopleCounts(connection).settle(person);
    connection.commit();
    return null;
  }

  /** An officer adds a member: counted at once, and nothing queued for the projector. */
  @Test
  void aPersonJustAddedQueuesNoChangeForTheProjector() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      var data = database.dataSource();
      var country = prepared(database);
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var officer = new Requester("canbo.tinh", null, new ManagedScope(Set.of(country.hanoi())));
        var clock = Clock.fixed(Instant.parse("2025-12-01T02:00:00Z"), ZoneOffset.UTC);
        inTransaction(
            factory,
            em ->
                new PersonRecords(em, clock)
                    .add(
                        country.a(),
                        new PersonRecords.PersonDetails("Hoa", 1990, null, true),
                        officer));
      } finally {
        factory.close();
      }
      try (var connection = data.getConnection();
          var statement = connection.createStatement();
          var rows = statement.executeQuery("select count(*) from cov_change")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }
}
