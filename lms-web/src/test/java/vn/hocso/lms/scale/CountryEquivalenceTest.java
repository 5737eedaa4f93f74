package vn.hocso.lms.scale;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Date;
import java.sql.SQLException;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.control.CoverageRecompute;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;

/**
 * The bulk loader of the national-scale data set may stand in for the real paths only if it gives
 * the same figures: a small synthetic country is loaded both ways into two fresh databases, and
 * every person, membership, learning state, live and monthly counter row of every unit must be
 * equal. Then one membership of the bulk database is shifted by a day and the comparison must see
 * it.
 */
class CountryEquivalenceTest {

  static final double SCALE = Double.parseDouble(System.getProperty("country.scale", "0.0006"));
  static final long SEED = 20261128L;

  static TestDatabases.TestDatabase realDatabase;
  static TestDatabases.TestDatabase bulkDatabase;
  static EntityManagerFactory realFactory;
  static EntityManagerFactory bulkFactory;

  @BeforeAll
  static void databases() {
    realDatabase = TestDatabases.H2.create();
    bulkDatabase = TestDatabases.H2.create();
    LmsSchema.migrate(realDatabase.dataSource());
    LmsSchema.migrate(bulkDatabase.dataSource());
    realFactory =
        Persistence.createEntityManagerFactory("hocso", realDatabase.persistenceProperties());
    bulkFactory =
        Persistence.createEntityManagerFactory("hocso", bulkDatabase.persistenceProperties());
  }

  @AfterAll
  static void close() throws Exception {
    realFactory.close();
    bulkFactory.close();
    realDatabase.close();
    bulkDatabase.close();
  }

  @Test
  void bulkLoaderAndRealPathsGiveIdenticalRollUps() throws Exception {
    var country = new SyntheticCountry(SEED, SCALE);
    long started = System.nanoTime();
    long delivered = CountryLoad.real(realFactory, realDatabase.dataSource(), country, 200);
    long realNanos = System.nanoTime() - started;
    started = System.nanoTime();
    long ledger = CountryLoad.bulk(bulkFactory, bulkDatabase.dataSource(), country, n -> {});
    long bulkNanos = System.nanoTime() - started;

    var real = snapshot(realDatabase);
    var bulk = snapshot(bulkDatabase);
    System.out.printf(
        "Country %.4f: %d people, %d branches, %d statements; real %.1f s, bulk %.1f s,"
            + " %d rows compared%n",
        SCALE,
        country.people(),
        country.branches().size(),
        delivered,
        realNanos / 1e9,
        bulkNanos / 1e9,
        real.size());
    assertThat(ledger).isEqualTo(delivered);
    // Not vacuous: people learnt, moved, and every kind of counter is there.
    assertThat(real.keySet())
        .anyMatch(k -> k.startsWith("live u01 "))
        .anyMatch(k -> k.startsWith("month u ") && k.contains(" CERTIFIED "))
        .anyMatch(k -> k.startsWith("state ") && !k.matches(".* month@(\\S+) live@\\1$"))
        .anyMatch(k -> k.startsWith("ledger VOIDED"))
        .anyMatch(k -> k.startsWith("headcount u ") && k.endsWith(" members"))
        .anyMatch(k -> k.startsWith("people u") && k.contains(" staff=true "))
        .anyMatch(k -> k.startsWith("trained u01 "))
        .anyMatch(k -> k.startsWith("staff trained u"));
    assertThat(real.keySet().stream().filter(k -> k.startsWith("membership ")).count())
        .isGreaterThan(country.people());
    assertThat(bulk).isEqualTo(real);

    // The incremental tables the real path left equal a full recompute of its own database too.
    try (var connection = realDatabase.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      new CoverageRecompute(connection).run();
      assertThat(CountrySnapshot.of(connection)).isEqualTo(real);
      connection.rollback();
    }

    // And the comparison sees a difference: one mover's move a day later in the bulk database.
    try (var connection = bulkDatabase.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (var shift =
          connection.prepareStatement(
              "update person_membership set valid_from = ? where id = (select min(m.id) from"
                  + " person_membership m join cov_state s on s.person_id = m.person_id"
                  + " where m.valid_to is null and m.valid_from > ?)")) {
        shift.setDate(1, Date.valueOf(SyntheticCountry.LAST_DAY));
        shift.setDate(2, Date.valueOf(SyntheticCountry.FIRST_DAY));
        assertThat(shift.executeUpdate()).isEqualTo(1);
      }
      new CoverageRecompute(connection).run();
      assertThat(CountrySnapshot.of(connection)).isNotEqualTo(real);
      connection.rollback();
    }
  }

  private static TreeMap<String, Long> snapshot(TestDatabases.TestDatabase database)
      throws SQLException {
    try (var connection = database.dataSource().getConnection()) {
      return CountrySnapshot.of(connection);
    }
  }
}
