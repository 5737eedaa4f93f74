package vn.hocso.lms.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.people.domain.StaffEmployment;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.control.Reorganisation;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * The property of the coverage projector: whatever the order of statements, voids (before or after
 * their targets), duplicate deliveries, crashed batches, person moves and unit merges, splits and
 * moves, the incremental tables equal a full recompute from scratch. Random sequences with fixed
 * seeds (a failure names its seed; rerun one with -Dcoverage.seed=N), on H2 through the real
 * Reorganisation service ({@code -Dcoverage.database=MARIADB} runs them on MariaDB, where the
 * counters are written by upserts; e.g. with {@code -Dcoverage.sequences=200}). Batches hold up to
 * 20 statements, so a voiding and its target, or a statement twice, often share one.
 */
class CoveragePropertyTest {

  static final int SEQUENCES = Integer.getInteger("coverage.sequences", 2000);
  static final long FIRST_SEED = Long.getLong("coverage.seed", 20261128L);
  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final List<String> COURSES = List.of("thanh-toan", "vietqr", "mua-sam", "can-bo-hoi");
  static final Map<String, String> TRACKS =
      Map.of(
          "thanh-toan", "ELECTRONIC_PAYMENT",
          "vietqr", "ELECTRONIC_PAYMENT",
          "mua-sam", "E_COMMERCE",
          "can-bo-hoi", "UNION_WORK");
  // Positions as officers write them: two differ only in case, one in a trailing space.
  static final List<String> POSITIONS = List.of("Chủ tịch", "chủ tịch", "Phó Chủ tịch", "Ủy viên");
  static final ManagedScope EVERYWHERE = new ManagedScope(Set.of(-1L));

  static TestDatabases.TestDatabase database;
  static DataSource dataSource;
  static EntityManagerFactory factory;

  @BeforeAll
  static void migrate() throws SQLException {
    database = TestDatabases.valueOf(System.getProperty("coverage.database", "H2")).create();
    dataSource = database.dataSource();
    LmsSchema.migrate(dataSource);
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    for (int i = 0; i < COURSES.size(); i++) {
      CoverageDatabase.insertCourse(
          dataSource, 1000 + i, COURSES.get(i), TRACKS.get(COURSES.get(i)));
    }
  }

  @AfterAll
  static void close() throws SQLException {
    factory.close();
    database.close();
  }

  @Test
  void incrementalRollUpAlwaysEqualsAFullRecompute() throws Exception {
    long started = System.nanoTime();
    long checks = 0;
    long statements = 0;
    for (int i = 0; i < SEQUENCES; i++) {
      long seed = FIRST_SEED + i;
      var run = new Sequence(seed);
      run.play();
      checks += run.checks;
      statements += run.delivered;
    }
    System.out.printf(
        "Coverage property: %d sequences, %d statements delivered, %d comparisons, %.1f s%n",
        SEQUENCES, statements, checks, (System.nanoTime() - started) / 1e9);
  }

  /** One random history on a fresh tree. */
  final class Sequence {
    final Random random;
    final long seed;
    final List<String> accounts = new ArrayList<>();
    final List<StreamedStatement> published = new ArrayList<>();
    final List<StreamedStatement> pending = new ArrayList<>();
    final Map<UUID, String> actorOf = new HashMap<>();
    LocalDate today = START.plusDays(1);
    int codes = 90000;
    int checks;
    int delivered;
    long centralId;

    Sequence(long seed) {
      this.random = new Random(seed);
      this.seed = seed;
    }

    void play() throws Exception {
      reset();
      int steps = 20 + random.nextInt(40);
      for (int step = 0; step < steps; step++) {
        int roll = random.nextInt(100);
        if (roll < 40) {
          publish(newStatement());
        } else if (roll < 48) {
          voidOne();
        } else if (roll < 55 && !published.isEmpty()) {
          pending.add(published.get(random.nextInt(published.size()))); // delivered again
        } else if (roll < 75) {
          deliverSome();
        } else if (roll < 87) {
          reorganise();
        } else if (roll < 90) {
          confirmOrLeave();
        } else if (roll < 93) {
          staffOrErase();
        } else if (roll < 96) {
          compare("mid-sequence");
        }
      }
      while (!pending.isEmpty()) {
        deliverSome();
      }
      compare("end");
    }

    void reset() throws SQLException {
      try (var connection = dataSource.getConnection();
          var statement = connection.createStatement()) {
        for (var table :
            List.of(
                "cov_statement",
                "cov_state",
                "cov_live",
                "cov_month",
                "cov_unit",
                "cov_change",
                "cov_skipped",
                "cov_course",
                "cov_headcount",
                "cov_headcount_stretch",
                "cov_headcount_unit",
                "cov_people",
                "cov_people_person",
                "cov_people_unit",
                "cov_trained",
                "cov_staff_trained",
                "cov_trained_person",
                "person_membership",
                "person",
                "unit_event")) {
          statement.executeUpdate("delete from " + table);
        }
        statement.executeUpdate("update org_unit set parent_id = null");
        statement.executeUpdate("delete from org_unit");
      }
      factory.getCache().evictAll();
      centralId =
          inTransaction(
              factory,
              em -> {
                var central = OrgUnit.central("Trung ương", START);
                em.persist(central);
                var units = new ArrayList<OrgUnit>();
                for (int p = 0; p < 2; p++) {
                  var province =
                      central.addChild("0" + (p + 1), "Tỉnh " + p, UnitKind.PROVINCE, START);
                  em.persist(province);
                  for (int c = 0; c < 2 + random.nextInt(2); c++) {
                    var commune =
                        province.addChild(
                            String.valueOf(10000 + p * 100 + c),
                            "Xã " + p + c,
                            UnitKind.COMMUNE,
                            START);
                    em.persist(commune);
                    units.add(commune);
                    for (int b = 0; b < random.nextInt(3); b++) {
                      var branch = commune.addChild(null, "Chi hội " + b, UnitKind.BRANCH, START);
                      em.persist(branch);
                      units.add(branch);
                    }
                  }
                }
                int people = 6 + random.nextInt(10);
                for (int i = 0; i < people; i++) {
                  var person =
                      new Person(
                          "Hội viên " + i, 1980, units.get(random.nextInt(units.size())), START);
                  person.markMember(random.nextInt(3) > 0);
                  if (random.nextInt(3) == 0) {
                    person.employAsStaff(StaffEmployment.FULL_TIME, pick(POSITIONS));
                  }
                  em.persist(person);
                  accounts.add(person.xapiAccount());
                  CoverageDatabase.settleHeadcount(em, person);
                }
                em.flush();
                return central.id();
              });
    }

    StreamedStatement newStatement() {
      var id = UUID.randomUUID();
      String account =
          random.nextInt(20) == 0
              ? UUID.randomUUID().toString() // not a person of ours
              : accounts.get(random.nextInt(accounts.size()));
      String slug =
          random.nextInt(25) == 0 ? "khong-co" : COURSES.get(random.nextInt(COURSES.size()));
      var kind = TestStatements.Kind.values()[random.nextInt(TestStatements.Kind.values().length)];
      // Days before anyone joined, between reorganisations and after the last one.
      var day =
          START
              .minusDays(20)
              .plusDays(random.nextInt(60 + (int) (today.toEpochDay() - START.toEpochDay())));
      actorOf.put(id, account);
      return TestStatements.streamed(id, TestStatements.json(id, kind, account, slug, day));
    }

    void publish(StreamedStatement statement) {
      published.add(statement);
      pending.add(statement);
    }

    void voidOne() {
      if (!pending.isEmpty() && random.nextBoolean()) {
        // Its voiding reaches the projector first: the target must then count nothing.
        var target = pending.get(random.nextInt(pending.size()));
        var id = UUID.randomUUID();
        var voiding =
            TestStatements.streamed(
                id,
                TestStatements.voiding(
                    id, target.statementId(), actorOf.get(target.statementId())));
        published.add(voiding);
        pending.add(0, voiding);
      } else if (!published.isEmpty()) {
        var target = published.get(random.nextInt(published.size()));
        var id = UUID.randomUUID();
        publish(
            TestStatements.streamed(
                id,
                TestStatements.voiding(
                    id, target.statementId(), actorOf.getOrDefault(target.statementId(), "x"))));
      }
    }

    void deliverSome() throws SQLException {
      if (pending.isEmpty()) {
        CoverageDatabase.project(dataSource, List.of(), true);
        return;
      }
      int size = 1 + random.nextInt(Math.min(pending.size(), 20));
      var batch = new ArrayList<>(pending.subList(0, size));
      boolean crash = random.nextInt(8) == 0;
      CoverageDatabase.project(dataSource, batch, !crash);
      if (!crash) {
        pending.subList(0, size).clear();
        delivered += size;
      }
    }

    /** A person's member flag changes (a claim confirmed, an officer's correction). */
    void confirmOrLeave() {
      inTransaction(
          factory,
          em -> {
            var people =
                em.createQuery("select p from Person p order by p.id", Person.class)
                    .getResultList();
            var person = pick(people);
            person.markMember(!person.isMember());
            CoverageDatabase.settleHeadcount(em, person);
            return null;
          });
    }

    /** A staff record set, ended or its position changed; now and then a person erased. */
    void staffOrErase() {
      inTransaction(
          factory,
          em -> {
            var people =
                em.createQuery("select p from Person p order by p.id", Person.class)
                    .getResultList();
            var person = pick(people);
            int what = random.nextInt(6);
            if (what == 0) {
              person.erase(today);
            } else if (what == 1) {
              person.employAsStaff(null, null);
            } else {
              person.employAsStaff(
                  random.nextBoolean() ? StaffEmployment.FULL_TIME : StaffEmployment.PART_TIME,
                  pick(POSITIONS) + (random.nextInt(4) == 0 ? " " : ""));
            }
            CoverageDatabase.settleHeadcount(em, person);
            return null;
          });
    }

    void reorganise() {
      today = today.plusDays(1 + random.nextInt(25));
      var on = today;
      int what = random.nextInt(4);
      try {
        inTransaction(
            factory,
            em -> {
              var reorganisation = CoverageDatabase.reorganisation(em);
              var scope = new ManagedScope(Set.of(centralId));
              var communes = open(em, UnitKind.COMMUNE, on);
              var branches = open(em, UnitKind.BRANCH, on);
              var provinces = open(em, UnitKind.PROVINCE, on);
              switch (what) {
                case 0 -> { // merge two communes (perhaps of different provinces)
                  if (communes.size() > 2) {
                    var source = pick(communes);
                    var target = pick(communes);
                    if (source != target) {
                      reorganisation.merge(List.of(source.id()), target.id(), on, scope);
                    }
                  }
                }
                case 1 -> split(em, reorganisation, pick(communes), on, scope);
                case 2 -> { // a commune moves to another province
                  var commune = pick(communes);
                  var province = pick(provinces);
                  if (commune.parent().orElseThrow() != province) {
                    reorganisation.move(commune.id(), province.id(), on, scope);
                  }
                }
                default -> { // a branch moves to another commune, or merges into another branch
                  if (!branches.isEmpty()) {
                    var branch = pick(branches);
                    var other = pick(branches);
                    if (other != branch && random.nextBoolean()) {
                      reorganisation.merge(List.of(branch.id()), other.id(), on, scope);
                    } else {
                      var commune = pick(communes);
                      if (branch.parent().orElseThrow() != commune) {
                        reorganisation.move(branch.id(), commune.id(), on, scope);
                      }
                    }
                  }
                }
              }
              return null;
            });
      } catch (vn.hocso.lms.units.domain.UnitRuleException e) {
        // A rule of the tree refused it (e.g. a person moved twice on one day): nothing happened.
      }
    }

    private void split(
        jakarta.persistence.EntityManager em,
        Reorganisation reorganisation,
        OrgUnit commune,
        LocalDate on,
        ManagedScope scope) {
      var children =
          em
              .createQuery("select u from OrgUnit u where u.parent = :unit", OrgUnit.class)
              .setParameter("unit", commune)
              .getResultList()
              .stream()
              .filter(u -> u.isOpenOn(on))
              .toList();
      var people =
          em.createQuery("select p from Person p where p.homeUnit = :unit", Person.class)
              .setParameter("unit", commune)
              .getResultList();
      var subUnits = new HashMap<Long, Integer>();
      children.forEach(child -> subUnits.put(child.id(), random.nextInt(2)));
      var persons = new HashMap<Long, Integer>();
      people.forEach(person -> persons.put(person.id(), random.nextInt(2)));
      reorganisation.split(
          commune.id(),
          List.of(
              new Reorganisation.Part(String.valueOf(codes++), "Xã mới A"),
              new Reorganisation.Part(String.valueOf(codes++), "Xã mới B")),
          subUnits,
          persons,
          on,
          scope);
    }

    private List<OrgUnit> open(jakarta.persistence.EntityManager em, UnitKind kind, LocalDate on) {
      return em
          .createQuery("select u from OrgUnit u where u.kind = :kind order by u.id", OrgUnit.class)
          .setParameter("kind", kind)
          .getResultList()
          .stream()
          .filter(u -> u.isOpenOn(on))
          .toList();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    void compare(String when) throws SQLException {
      CoverageDatabase.project(dataSource, List.of(), true); // apply waiting reorganisations
      var incremental = CoverageDatabase.incremental(dataSource);
      var recomputed = CoverageDatabase.recomputed(dataSource);
      assertThat(incremental)
          .as("seed %d (%s): incremental vs full recompute", seed, when)
          .isEqualTo(recomputed);
      assertThat(incremental)
          .as("no negative counter")
          .allSatisfy((key, n) -> assertThat(n > 0 || key.startsWith("headcount ")).isTrue());
      checks++;
    }
  }
}
