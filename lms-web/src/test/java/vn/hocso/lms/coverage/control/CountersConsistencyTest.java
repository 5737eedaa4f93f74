package vn.hocso.lms.coverage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.coverage.LockWaits.awaitAnyLockWaitOrEnd;
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
import java.util.Map;
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
import vn.hocso.lms.units.control.Reorganisation;
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
      var executor = Executors.newSingleThreadExecutor();
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        // On MariaDB the fresh tables are swapped in; on H2 it works in the transaction, holding
        // the people counters' lock from its start, so there the move waits for it.
        var move = new Future<?>[1];
        new CoverageRecompute(connection, data)
            .afterReading(
                () -> {
                  move[0] = executor.submit(() -> moveUnit(data, country.a(), country.hue()));
                  try {
                    awaitAnyLockWaitOrEnd(data, move[0]);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run();
        connection.commit();
        move[0].get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
      }
      CoverageDatabase.project(data, List.of(), true); // the move, queued
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
      assertThat(trainedAt(data, country.hue())).isEqualTo(1);
      assertThat(trainedAt(data, country.hanoi())).isZero();
    }
  }

  /**
   * Commune A is split after the recompute read the tree and the people, Lan going to one of the
   * new communes (what a split commits, through the real Reorganisation): every table of the run
   * must count her from that one read, at A and its ancestors, and the projector then moves her
   * with the queued change. (Before, the trained were counted from a second read of the people: she
   * was found in a unit the tree read did not hold and counted there alone, never at Hà Nội.) On H2
   * the recompute holds the people counters' lock, so the split waits for it to commit.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aPersonMovedIntoASplitUnitDuringARecomputeIsCountedAtItsAncestors(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      var data = database.dataSource();
      var country = prepared(database);
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      var executor = Executors.newSingleThreadExecutor();
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        var split = new Future<?>[1];
        new CoverageRecompute(connection, data)
            .afterReading(
                () -> {
                  split[0] = executor.submit(() -> split(factory, country));
                  try {
                    awaitAnyLockWaitOrEnd(data, split[0]);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .run();
        connection.commit();
        split[0].get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
        factory.close();
      }
      CoverageDatabase.project(data, List.of(), true); // her move, queued
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
      assertThat(trainedAt(data, country.hanoi())).isEqualTo(1);
    }
  }

  /** Commune A split in two by a Hà Nội officer, Lan to the first part. */
  private static Void split(EntityManagerFactory factory, Country country) {
    return inTransaction(
        factory,
        em -> {
          CoverageDatabase.reorganisation(em)
              .split(
                  country.a(),
                  List.of(
                      new Reorganisation.Part("00005", "Phường A1"),
                      new Reorganisation.Part("00006", "Phường A2")),
                  Map.of(),
                  Map.of(country.lan(), 0),
                  START.plusYears(1),
                  new ManagedScope(Set.of(country.hanoi())));
          return null;
        });
  }

  /**
   * A recompute that stops right after its swap (a crash, or the LMS stopped) leaves every table of
   * the new figures in place, the trained and the people counters as well: they are swapped in by
   * the same rename. (Before, the trained were counted again after the rename, in a transaction of
   * their own, and a stop between the two left them as they were.) The next run also drops the
   * _next tables a run cut short left behind.
   */
  @Test
  void aRecomputeStoppedAfterItsSwapLeavesEveryTableRecomputed() throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      prepared(database);
      var right = CoverageDatabase.recomputed(data);
      spoil(data);
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        var recompute =
            new CoverageRecompute(connection, data)
                .onStep(
                    step -> {
                      if (step.equals("rename")) {
                        throw new IllegalStateException("stopped");
                      }
                    });
        assertThatThrownBy(recompute::run).hasMessage("stopped");
        connection.rollback();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(right);

      // Stopped before the swap: nothing changes; the next run starts from fresh _next tables.
      spoil(data);
      var spoilt = CoverageDatabase.incremental(data);
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        var recompute =
            new CoverageRecompute(connection, data)
                .beforeSwap(
                    () -> {
                      throw new IllegalStateException("stopped");
                    });
        assertThatThrownBy(recompute::run).hasMessage("stopped");
        connection.rollback();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(spoilt);
      try (var connection = data.getConnection();
          var junk = connection.createStatement()) {
        junk.executeUpdate("update cov_trained_next set people = people + 5");
        junk.executeUpdate("update cov_people_next set people = people + 5");
      }
      try (var connection = data.getConnection()) {
        connection.setAutoCommit(false);
        new CoverageRecompute(connection, data).run();
        connection.commit();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(right);
    }
  }

  /** Wrong figures in a table of each kind: the projector's, the trained and the people's. */
  private static void spoil(DataSource data) throws SQLException {
    try (var connection = data.getConnection();
        var spoil = connection.createStatement()) {
      for (var table : List.of("cov_month", "cov_trained", "cov_staff_trained", "cov_people")) {
        assertThat(spoil.executeUpdate("update " + table + " set people = people + 7"))
            .isPositive();
      }
    }
  }

  /**
   * What a reorganisation commits when it moves a unit: the people counters' lock first, the move,
   * the change queued for the projector and the people counters kept.
   */
  private static Void moveUnit(DataSource data, long unit, long parent) throws SQLException {
    try (var connection = data.getConnection();
        var move = connection.prepareStatement("update org_unit set parent_id = ? where id = ?");
        var queue =
            connection.prepareStatement(
                "insert into cov_change (id, kind, subject_id, effective_on) values (?, 'UNIT',"
                    + " ?, ?)")) {
      connection.setAutoCommit(false);
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(connection);
      move.setLong(1, parent);
      move.setLong(2, unit);
      move.executeUpdate();
      queue.setLong(1, 900_000);
      queue.setLong(2, unit);
      queue.setDate(3, Date.valueOf(START.plusYears(1)));
      queue.executeUpdate();
      new vn.hocso.lms.coverage.storage.Headcounts(connection).unitMoved(unit);
      connection.commit();
    }
    return null;
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
