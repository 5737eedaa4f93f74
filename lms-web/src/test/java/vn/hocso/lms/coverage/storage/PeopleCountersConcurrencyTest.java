package vn.hocso.lms.coverage.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.coverage.LockWaits.awaitAnyLockWaitOrEnd;
import static vn.hocso.lms.coverage.LockWaits.awaitLockWaitOrEnd;
import static vn.hocso.lms.coverage.LockWaits.connectionId;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.coverage.CoverageDatabase;
import vn.hocso.lms.people.control.PersonRecords;
import vn.hocso.lms.people.control.PersonTransfers;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Two transactions keeping the people counters (Headcounts and PeopleCounts) at once on MariaDB,
 * interleaved through InnoDB's lock waits: they neither deadlock nor lose what the other counted.
 * Each test ends with the kept tables equal to a recount from scratch.
 */
class PeopleCountersConcurrencyTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);

  /** Central → Hà Nội → communes A and B, and Huế; three people in each commune. */
  record Country(long hanoi, long hue, long a, long b, List<Long> inA, List<Long> inB) {}

  /**
   * The first person of each commune is a member (so every unit of the tree is counted already),
   * the others not.
   */
  static Country country(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương", START);
          var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
          var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
          var a = hanoi.addChild("00004", "Phường A", UnitKind.COMMUNE, START);
          var b = hanoi.addChild("00008", "Phường B", UnitKind.COMMUNE, START);
          List.of(central, hanoi, hue, a, b).forEach(em::persist);
          var people = new ArrayList<Person>();
          for (var unit : List.of(a, b)) {
            for (int i = 0; i < 3; i++) {
              var person = new Person("Người " + unit.name() + " " + i, 1980 + i, unit, START);
              person.markMember(i == 0);
              em.persist(person);
              people.add(person);
            }
          }
          em.flush();
          people.forEach(p -> CoverageDatabase.settleHeadcount(em, p));
          return new Country(
              hanoi.id(),
              hue.id(),
              a.id(),
              b.id(),
              people.subList(0, 3).stream().map(Person::id).toList(),
              people.subList(3, 6).stream().map(Person::id).toList());
        });
  }

  /** What MembershipClaims.confirm does, on a plain connection. */
  static void makeMember(Connection connection, long personId) throws SQLException {
    try (var update =
        connection.prepareStatement("update person set is_member = true where id = ?")) {
      update.setLong(1, personId);
      update.executeUpdate();
    }
    new Headcounts(connection).settle(personId);
  }

  @Test
  void keepersWalkingOverlappingChainsInOppositeOrdersDoNotDeadlock() throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      var country = migrated(database);
      var executor = Executors.newSingleThreadExecutor();
      try (var first = data.getConnection();
          var second = data.getConnection()) {
        first.setAutoCommit(false);
        second.setAutoCommit(false);
        waitLongerThanTheMonitor(second);
        long secondId = connectionId(second); // before another thread uses the connection
        // First: A, then Hà Nội and Central. Second: B, then Hà Nội (held by the first). First
        // again: B (held by the second, before the one lock taken first): a deadlock.
        makeMember(first, country.inA().get(1));
        var other =
            executor.submit(
                () -> {
                  makeMember(second, country.inB().get(1));
                  second.commit();
                  return null;
                });
        awaitLockWaitOrEnd(data, secondId, other);
        makeMember(first, country.inB().get(2));
        first.commit();
        other.get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }

  @Test
  void aUnitMovedWhileSomeoneInItChangesTakesHerChangeAlong() throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      var country = migrated(database);
      var executor = Executors.newSingleThreadExecutor();
      try (var first = data.getConnection();
          var mover = data.getConnection()) {
        first.setAutoCommit(false);
        mover.setAutoCommit(false);
        waitLongerThanTheMonitor(mover);
        long moverId = connectionId(mover);
        makeMember(first, country.inA().get(1)); // not committed yet
        // A reorganisation moves commune A to Huế meanwhile: before the fix it read A's counts
        // without her (its snapshot), then waited for Hà Nội's row, then moved what it had read.
        var other =
            executor.submit(
                () -> {
                  try (var move =
                      mover.prepareStatement("update org_unit set parent_id = ? where id = ?")) {
                    move.setLong(1, country.hue());
                    move.setLong(2, country.a());
                    move.executeUpdate();
                  }
                  new Headcounts(mover).unitMoved(country.a());
                  mover.commit();
                  return null;
                });
        awaitLockWaitOrEnd(data, moverId, other);
        first.commit();
        other.get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }

  /** People writers that change a person of commune B, through the real services. */
  enum Writer {
    TRANSFER {
      @Override
      void change(EntityManager em, Country country, long person, Requester officer) {
        new PersonTransfers(em, CoverageDatabase.treeChanges(em), Clock.systemUTC())
            .transfer(person, country.a(), START.plusMonths(2), officer);
      }
    },
    MERGE {
      @Override
      void change(EntityManager em, Country country, long person, Requester officer) {
        CoverageDatabase.reorganisation(em)
            .merge(List.of(country.b()), country.a(), START.plusMonths(2), officer.scope());
      }
    },
    MEMBER_FLAG {
      @Override
      void change(EntityManager em, Country country, long person, Requester officer) {
        new PersonRecords(em, Clock.systemUTC())
            .correct(
                person, new PersonRecords.PersonDetails("Người B 0", 1980, null, false), officer);
      }
    };

    abstract void change(EntityManager em, Country country, long person, Requester officer);
  }

  /**
   * A writer holds the people counters' lock (as every keeper takes it first) and is about to write
   * a person whom a service is changing at the same moment: the service must wait for the lock
   * before it writes her row. Before, it wrote her row first and then waited for the lock, while
   * the holder waited for her row: a deadlock, one of the two rolled back.
   */
  @ParameterizedTest
  @EnumSource(Writer.class)
  void aServiceTakesThePeopleCountersLockBeforeWritingAPerson(Writer writer) throws Exception {
    try (var database = TestDatabases.MARIADB.create()) {
      var data = database.dataSource();
      var country = migrated(database);
      long her = country.inB().get(0);
      var officer = new Requester("canbo.tinh", null, new ManagedScope(Set.of(country.hanoi())));
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      var executor = Executors.newSingleThreadExecutor();
      try (var holder = data.getConnection()) {
        holder.setAutoCommit(false);
        waitLongerThanTheMonitor(holder);
        CountedTree.lockPeopleCounters(holder);
        var service =
            executor.submit(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          writer.change(em, country, her, officer);
                          return null;
                        }));
        awaitAnyLockWaitOrEnd(data, service);
        // The holder now writes her (what a keeper moving or changing her writes).
        try (var update =
            holder.prepareStatement("update person set phone = '0912345678' where id = ?")) {
          update.setLong(1, her);
          update.executeUpdate();
        }
        new Headcounts(holder).settle(her);
        holder.commit();
        service.get(1, TimeUnit.MINUTES);
      } finally {
        executor.shutdownNow();
        factory.close();
      }
      assertThat(CoverageDatabase.incremental(data)).isEqualTo(CoverageDatabase.recomputed(data));
    }
  }

  /**
   * The waiting connection waits for its lock longer than {@link
   * vn.hocso.lms.coverage.LockWaits#awaitLockWaitOrEnd} watches (a minute), so a wait the monitor
   * misses (seen once in a full test run: MariaDB's 50 s timeout struck first) costs time, not the
   * run.
   */
  private static void waitLongerThanTheMonitor(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("set session innodb_lock_wait_timeout = 120");
    }
  }

  private static Country migrated(TestDatabases.TestDatabase database) throws SQLException {
    DataSource data = database.dataSource();
    LmsSchema.migrate(data);
    var factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    try {
      return country(factory);
    } finally {
      factory.close();
    }
  }
}
