package vn.hocso.lms.scale;

import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.coverage.control.CoverageChangeRecorder;
import vn.hocso.lms.coverage.control.CoverageProjection;
import vn.hocso.lms.coverage.control.CoverageRecompute;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.control.TreeChange;
import vn.hocso.lms.units.control.UnitTreeLoader;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.xapi.stream.StreamedStatement;

/**
 * Loads a {@link SyntheticCountry} into an LMS database in one of two ways that must give the same
 * roll-ups (CountryEquivalenceTest checks it):
 *
 * <ul>
 *   <li>{@link #real}: the LMS's own code paths — the tree loader, {@code OrgUnit.addChild} for the
 *       branches, the {@code Person} domain for people (create, member flag, staff, moves with
 *       their {@code PersonMoved} change), and every statement through the projector's {@link
 *       CoverageProjection} in batches, the moves landing half way through the stream.
 *   <li>{@link #bulk}: JDBC batches straight into {@code org_unit}, {@code person}, {@code
 *       person_membership} and the projector's ledger {@code cov_statement} (each statement read
 *       with the projector's own {@link StatementReading}), then {@link CoverageRecompute}: minutes
 *       instead of days for 20 million statements.
 * </ul>
 *
 * Both start from the tree loader and the same courses. The LRS's own tables are loaded apart
 * (bench/lrs-load/LrsBulkLoad.java, or HTTP POST batches for small sizes).
 */
public final class CountryLoad {

  private CountryLoad() {}

  /** The official tree and the courses: the same in both loaders. */
  public static void prepare(EntityManagerFactory factory, DataSource dataSource)
      throws SQLException {
    inTransaction(factory, em -> new UnitTreeLoader(em).loadIfEmpty());
    try (var connection = dataSource.getConnection();
        var course =
            connection.prepareStatement(
                "insert into course (id, activity_iri, revision) values (?, ?, 0)");
        var version =
            connection.prepareStatement(
                "insert into course_version (id, course_id, version_number, status, title,"
                    + " summary, track, course_level, audience, language, estimated_minutes,"
                    + " sequential_unlocking, completion_all_lessons, completion_all_quizzes,"
                    + " created_at) values (?, ?, 1, 'PUBLISHED', ?, 'Khóa học của bộ dữ liệu"
                    + " tổng hợp', ?, 'BASIC', ?, 'vi', 30, false, true, true, ?)")) {
      for (var c : SyntheticCountry.COURSES) {
        course.setLong(1, c.id());
        course.setString(2, c.iri());
        course.executeUpdate();
        version.setLong(1, c.id());
        version.setLong(2, c.id());
        version.setString(3, "Khóa " + c.slug());
        version.setString(4, c.track());
        version.setString(5, c.track().equals("UNION_WORK") ? "STAFF" : "MEMBERS");
        version.setString(6, LocalDateTime.of(2025, 6, 1, 0, 0).toString().replace('T', ' '));
        version.executeUpdate();
      }
    }
  }

  /** Unit ids by key: "" Central, a province's or commune's code, "commune/branch number". */
  public static Map<String, Long> unitKeys(Connection connection) throws SQLException {
    var keys = new HashMap<String, Long>();
    var codes = new HashMap<Long, String>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select id, code, kind, parent_id, name from org_unit")) {
      var branches = new ArrayList<Object[]>();
      while (rows.next()) {
        long id = rows.getLong(1);
        var kind = rows.getString(3);
        if (kind.equals("CENTRAL")) {
          keys.put("", id);
        } else if (kind.equals("BRANCH")) {
          branches.add(new Object[] {id, rows.getLong(4), rows.getString(5)});
        } else if (rows.getString(2) != null) {
          keys.put(rows.getString(2), id);
          codes.put(id, rows.getString(2));
        }
      }
      for (var branch : branches) {
        var name = (String) branch[2];
        keys.put(
            codes.get((Long) branch[1]) + "/" + name.substring(name.lastIndexOf(' ') + 1),
            (Long) branch[0]);
      }
    }
    return keys;
  }

  static String key(SyntheticCountry.Home home) {
    return home.branch() == 0 ? home.communeCode() : home.communeCode() + "/" + home.branch();
  }

  // ---------------------------------------------------------------------------------------------
  // The real paths

  /**
   * Through the LMS's domain and the projector; {@code batch} statements per projector transaction.
   * Returns the number of statements delivered.
   */
  public static long real(
      EntityManagerFactory factory, DataSource dataSource, SyntheticCountry country, int batch)
      throws SQLException {
    prepare(factory, dataSource);
    // Branches, a commune at a time.
    inTransaction(
        factory,
        em -> {
          var communes = new HashMap<String, OrgUnit>();
          for (var unit :
              em.createQuery("select u from OrgUnit u where u.kind = :k", OrgUnit.class)
                  .setParameter("k", UnitKind.COMMUNE)
                  .getResultList()) {
            communes.put(unit.code().orElseThrow(), unit);
          }
          for (var branch : country.branches()) {
            em.persist(
                communes
                    .get(branch.communeCode())
                    .addChild(null, branch.name(), UnitKind.BRANCH, SyntheticCountry.FIRST_DAY));
          }
          return null;
        });
    Map<String, Long> units;
    try (var connection = dataSource.getConnection()) {
      units = unitKeys(connection);
    }
    var accounts = new String[country.people()];
    var ids = new long[country.people()];
    for (int from = 0; from < country.people(); from += 1000) {
      int start = from;
      inTransaction(
          factory,
          em -> {
            var created = new ArrayList<Person>();
            for (int i = start; i < Math.min(start + 1000, country.people()); i++) {
              var spec = country.person(i);
              var person =
                  new Person(
                      spec.fullName(),
                      spec.birthYear(),
                      em.find(OrgUnit.class, units.get(key(spec.home()))),
                      spec.since());
              person.setPhone(spec.phone());
              person.markMember(spec.member());
              person.employAsStaff(spec.staff(), spec.position());
              em.persist(person);
              created.add(person);
            }
            em.flush();
            try {
              // As the people services do in their transaction.
              var headcounts = vn.hocso.lms.coverage.storage.Headcounts.of(em);
              for (var person : created) {
                headcounts.settle(person.id());
              }
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
            for (int i = 0; i < created.size(); i++) {
              accounts[start + i] = created.get(i).xapiAccount();
              ids[start + i] = created.get(i).id();
            }
            return null;
          });
    }
    long delivered = 0;
    var pending = new ArrayList<StreamedStatement>();
    var stored = Instant.parse("2026-11-27T12:00:00Z");
    for (int i = 0; i < country.people(); i++) {
      if (i == country.people() / 2) {
        flush(dataSource, pending);
        delivered += pending.size();
        pending.clear();
        moves(factory, country, units, ids);
      }
      for (var statement : country.statements(country.person(i), accounts[i])) {
        pending.add(new StreamedStatement(statement.id(), "country", stored, statement.json()));
        if (pending.size() == batch) {
          flush(dataSource, pending);
          delivered += pending.size();
          pending.clear();
        }
      }
    }
    flush(dataSource, pending);
    delivered += pending.size();
    if (country.people() < 2) {
      moves(factory, country, units, ids);
      flush(dataSource, List.of());
    }
    return delivered;
  }

  /** The people who move, as an officer's transfer does it (the change recorded for coverage). */
  private static void moves(
      EntityManagerFactory factory, SyntheticCountry country, Map<String, Long> units, long[] ids) {
    inTransaction(
        factory,
        em -> {
          var recorder = new CoverageChangeRecorder(em);
          for (int i = 0; i < country.people(); i++) {
            var spec = country.person(i);
            if (spec.movedTo() != null) {
              var person = em.find(Person.class, ids[i]);
              person.moveTo(em.find(OrgUnit.class, units.get(key(spec.movedTo()))), spec.movedOn());
              em.flush();
              recorder.record(new TreeChange.PersonMoved(person.id(), spec.movedOn()));
            }
          }
          return null;
        });
  }

  /** One projector transaction, as CoverageProjector runs it. */
  private static void flush(DataSource dataSource, List<StreamedStatement> batch)
      throws SQLException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var tables = new CoverageTables(connection)) {
        var projection = new CoverageProjection(tables);
        projection.applyChanges();
        projection.applyAll(batch);
      }
      connection.commit();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The bulk loader

  /**
   * Straight into the tables, then a full recompute; {@code progress} hears the people written.
   * Returns the number of statements in the ledger.
   */
  public static long bulk(
      EntityManagerFactory factory,
      DataSource dataSource,
      SyntheticCountry country,
      IntConsumer progress)
      throws SQLException {
    prepare(factory, dataSource);
    long statements = 0;
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      var communes = unitKeys(connection);
      long firstUnit = reserve(connection, "org_unit", country.branches().size());
      try (var insert =
          connection.prepareStatement(
              "insert into org_unit (id, code, name, kind, parent_id, valid_from, revision,"
                  + " search_name) values (?, null, ?, 'BRANCH', ?, ?, 1, ?)")) {
        long id = firstUnit;
        for (var branch : country.branches()) {
          insert.setLong(1, id++);
          insert.setString(2, branch.name());
          insert.setLong(3, communes.get(branch.communeCode()));
          insert.setDate(4, Date.valueOf(SyntheticCountry.FIRST_DAY));
          insert.setString(5, FoldedText.fold(branch.name()));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      var units = unitKeys(connection);
      var courses = new HashMap<String, Long>();
      SyntheticCountry.COURSES.forEach(c -> courses.put(c.iri(), c.id()));
      var met = new java.util.TreeMap<Long, String>();
      int chunk = 5000;
      for (int from = 0; from < country.people(); from += chunk) {
        int to = Math.min(from + chunk, country.people());
        long firstPerson = reserve(connection, "person", to - from);
        long firstMembership = reserve(connection, "person_membership", 2L * (to - from));
        try (var person =
                connection.prepareStatement(
                    "insert into person (id, full_name, search_name, birth_year, phone,"
                        + " is_member, is_trainer, staff_employment, staff_position,"
                        + " xapi_account, home_unit_id, revision) values (?, ?, ?, ?, ?, ?,"
                        + " false, ?, ?, ?, ?, 1)");
            var membership =
                connection.prepareStatement(
                    "insert into person_membership (id, person_id, unit_id, valid_from,"
                        + " valid_to) values (?, ?, ?, ?, ?)");
            var ledger =
                connection.prepareStatement(
                    "insert into cov_statement (statement_id, status, person_id, course_id,"
                        + " milestone, occurred_on) values (?, ?, ?, ?, ?, ?)")) {
          for (int i = from; i < to; i++) {
            var spec = country.person(i);
            long personId = firstPerson + (i - from);
            long home = units.get(key(spec.home()));
            long last = spec.movedTo() == null ? home : units.get(key(spec.movedTo()));
            person.setLong(1, personId);
            person.setString(2, spec.fullName());
            person.setString(3, FoldedText.fold(spec.fullName()));
            person.setInt(4, spec.birthYear());
            person.setString(5, spec.phone());
            person.setBoolean(6, spec.member());
            person.setString(7, spec.staff() == null ? null : spec.staff().name());
            person.setString(8, spec.position());
            var account = country.bulkAccount(i).toString();
            person.setString(9, account);
            person.setLong(10, last);
            person.addBatch();
            long membershipId = firstMembership + 2L * (i - from);
            membership.setLong(1, membershipId);
            membership.setLong(2, personId);
            membership.setLong(3, home);
            membership.setDate(4, Date.valueOf(spec.since()));
            if (spec.movedTo() == null) {
              membership.setNull(5, Types.DATE);
            } else {
              membership.setDate(5, Date.valueOf(spec.movedOn()));
              membership.addBatch();
              membership.setLong(1, membershipId + 1);
              membership.setLong(2, personId);
              membership.setLong(3, last);
              membership.setDate(4, Date.valueOf(spec.movedOn()));
              membership.setNull(5, Types.DATE);
            }
            membership.addBatch();
            for (var row : ledgerRows(country.statements(spec, account), personId, courses)) {
              ledger.setString(1, row.id().toString());
              ledger.setString(2, row.status());
              if (row.courseId() == null) {
                for (int c = 3; c <= 6; c++) {
                  ledger.setNull(c, c == 5 ? Types.VARCHAR : c == 6 ? Types.DATE : Types.BIGINT);
                }
              } else {
                ledger.setLong(3, personId);
                ledger.setLong(4, row.courseId());
                ledger.setString(5, row.reading().milestone().name());
                ledger.setDate(6, Date.valueOf(row.reading().on()));
                met.putIfAbsent(row.courseId(), "");
              }
              ledger.addBatch();
              statements++;
            }
          }
          person.executeBatch();
          membership.executeBatch();
          ledger.executeBatch();
        }
        connection.commit();
        progress.accept(to);
      }
      // The track each course counts in, as the projector fixes it when it first meets the course.
      try (var insert =
          connection.prepareStatement("insert into cov_course (course_id, track) values (?, ?)")) {
        for (var c : SyntheticCountry.COURSES) {
          if (met.containsKey(c.id())) {
            insert.setLong(1, c.id());
            insert.setString(2, c.track());
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      // Swapped in on MariaDB (no deletes); in this transaction on H2.
      new CoverageRecompute(connection, dataSource).run();
      connection.commit();
    }
    return statements;
  }

  /** A ledger row as the projector would leave it; courseId null for a row that counts nothing. */
  record LedgerRow(UUID id, String status, Long courseId, StatementReading.Counts reading) {}

  /**
   * One person's statements as the projector's ledger ends up holding them, whatever order they
   * came in: counted, ignored, voiding, and voided (a voided target counted nothing in the end).
   */
  static List<LedgerRow> ledgerRows(
      List<SyntheticCountry.GeneratedStatement> statements,
      long personId,
      Map<String, Long> courses) {
    var stored = Instant.parse("2026-11-27T12:00:00Z");
    var rows = new java.util.LinkedHashMap<UUID, LedgerRow>();
    for (var statement : statements) {
      var reading = StatementReading.of(statement.id(), statement.json(), stored);
      if (reading instanceof StatementReading.Voids voids) {
        rows.put(voids.id(), new LedgerRow(voids.id(), "VOIDING", null, null));
        var target = rows.get(voids.target());
        if (target == null) {
          rows.put(voids.target(), new LedgerRow(voids.target(), "VOIDED_EARLY", null, null));
        } else if (!target.status().equals("VOIDING")) {
          rows.put(
              voids.target(),
              new LedgerRow(target.id(), "VOIDED", target.courseId(), target.reading()));
        }
      } else if (reading instanceof StatementReading.Counts counts) {
        var course = courses.get(counts.courseIri());
        if (!rows.containsKey(counts.id())) {
          rows.put(
              counts.id(),
              course == null
                  ? new LedgerRow(counts.id(), "SKIPPED", null, null)
                  : new LedgerRow(counts.id(), "COUNTED", course, counts));
        }
      } else {
        rows.putIfAbsent(reading.id(), new LedgerRow(reading.id(), "IGNORED", null, null));
      }
    }
    return List.copyOf(rows.values());
  }

  /** Reserves ids of a JPA table generator, as PeopleBulkWriter does; returns the first. */
  static long reserve(Connection connection, String sequence, long count) throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update id_sequence set next_value = next_value + ? where sequence_name = ?")) {
      update.setLong(1, count);
      update.setString(2, sequence);
      if (update.executeUpdate() != 1) {
        throw new SQLException("No id sequence " + sequence);
      }
    }
    try (var select =
        connection.prepareStatement("select next_value from id_sequence where sequence_name = ?")) {
      select.setString(1, sequence);
      try (var result = select.executeQuery()) {
        result.next();
        return result.getLong(1) - count + 1;
      }
    }
  }
}
