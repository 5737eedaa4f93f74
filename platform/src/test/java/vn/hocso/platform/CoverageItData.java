package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import vn.hocso.xapi.client.model.Statement;

/**
 * What the coverage ITs share: learners put straight into the LMS database of a started platform
 * (in a commune of the seeded tree), statements of docs/XAPI-PROFILE.md's shape, and the counters
 * read back from the database.
 */
final class CoverageItData {

  /** The commune the learners live in, its province, Central, and the course they take. */
  record Place(long commune, long province, long central, long courseId, String courseIri) {}

  private final String database;

  CoverageItData(String database) {
    this.database = database;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:3306/" + database, database, database);
  }

  /** The last commune by code (the other ITs use the first ones), and the first course. */
  Place place() throws SQLException {
    try (var connection = connect();
        var statement = connection.createStatement()) {
      long commune;
      long province;
      try (var rows =
          statement.executeQuery(
              "select id, parent_id from org_unit where kind = 'COMMUNE' and valid_to is null"
                  + " order by code desc limit 1")) {
        assertThat(rows.next()).as("the seeded tree has communes").isTrue();
        commune = rows.getLong(1);
        province = rows.getLong(2);
      }
      long central;
      try (var rows = statement.executeQuery("select id from org_unit where kind = 'CENTRAL'")) {
        rows.next();
        central = rows.getLong(1);
      }
      try (var rows =
          statement.executeQuery("select id, activity_iri from course order by id limit 1")) {
        assertThat(rows.next()).as("the demo curriculum has courses").isTrue();
        return new Place(commune, province, central, rows.getLong(1), rows.getString(2));
      }
    }
  }

  /** New people in the unit since 1 July 2025; returns their xAPI account names. */
  List<String> addPeople(long unit, int count) throws SQLException {
    var accounts = new ArrayList<String>();
    try (var connection = connect();
        var person =
            connection.prepareStatement(
                "insert into person (id, full_name, search_name, is_member, is_trainer,"
                    + " xapi_account, home_unit_id, revision) values (?, ?, ?, true, false, ?,"
                    + " ?, 1)");
        var membership =
            connection.prepareStatement(
                "insert into person_membership (id, person_id, unit_id, valid_from)"
                    + " values (?, ?, ?, '2025-07-01')")) {
      long base = 900_000_000L + (System.nanoTime() % 1_000_000) * 100;
      for (int i = 0; i < count; i++) {
        var account = UUID.randomUUID().toString();
        person.setLong(1, base + i);
        person.setString(2, "Học viên phủ sóng " + i);
        person.setString(3, "hoc vien phu song " + i);
        person.setString(4, account);
        person.setLong(5, unit);
        person.executeUpdate();
        membership.setLong(1, base + i);
        membership.setLong(2, base + i);
        membership.setLong(3, unit);
        membership.executeUpdate();
        countInHeadcounts(connection, base + i, base + i, unit, "2025-07-01", true);
        accounts.add(account);
      }
    }
    return accounts;
  }

  /**
   * What the LMS's people writers do in their transaction (coverage.storage.Headcounts and
   * PeopleCounts, not on this class path): a person added to the unit from that day counts in the
   * headcount of the unit and every ancestor (and, a member, in today's members), and her
   * membership is recorded as counted.
   */
  static void countInHeadcounts(
      Connection connection,
      long personId,
      long membershipId,
      long unit,
      String from,
      boolean member)
      throws SQLException {
    try (var stretch =
        connection.prepareStatement(
            "insert into cov_headcount_stretch (membership_id, person_id, unit_id, valid_from,"
                + " valid_to, member) values (?, ?, ?, ?, null, ?)")) {
      stretch.setLong(1, membershipId);
      stretch.setLong(2, personId);
      stretch.setLong(3, unit);
      stretch.setDate(4, java.sql.Date.valueOf(from));
      stretch.setBoolean(5, member);
      stretch.executeUpdate();
    }
    if (member) {
      try (var counted =
          connection.prepareStatement(
              "insert into cov_people_person (person_id, unit_id, is_member, is_staff, is_erased,"
                  + " staff_level, staff_position) values (?, ?, true, false, false, '', '')")) {
        counted.setLong(1, personId);
        counted.setLong(2, unit);
        counted.executeUpdate();
      }
    }
    for (Long at = unit; at != null; ) {
      try (var update =
          connection.prepareStatement(
              "update cov_headcount set people = people + 1, members = members + ? where unit_id"
                  + " = ? and changed_on = ?")) {
        update.setInt(1, member ? 1 : 0);
        update.setLong(2, at);
        update.setDate(3, java.sql.Date.valueOf(from));
        if (update.executeUpdate() == 0) {
          try (var insert =
              connection.prepareStatement(
                  "insert into cov_headcount (unit_id, changed_on, people, members) values (?,"
                      + " ?, 1, ?)")) {
            insert.setLong(1, at);
            insert.setDate(2, java.sql.Date.valueOf(from));
            insert.setInt(3, member ? 1 : 0);
            insert.executeUpdate();
          }
        }
      }
      if (member) {
        // And today's members (coverage.storage.PeopleCounts): the untrained count reads them.
        try (var update =
            connection.prepareStatement(
                "update cov_people set people = people + 1 where unit_id = ? and is_member = true"
                    + " and is_staff = false and is_erased = false and staff_level = ''"
                    + " and staff_position = ''")) {
          update.setLong(1, at);
          if (update.executeUpdate() == 0) {
            try (var insert =
                connection.prepareStatement(
                    "insert into cov_people (unit_id, is_member, is_staff, is_erased,"
                        + " staff_level, staff_position, people) values (?, true, false, false,"
                        + " '', '', 1)")) {
              insert.setLong(1, at);
              insert.executeUpdate();
            }
          }
        }
      }
      try (var parent =
          connection.prepareStatement("select parent_id from org_unit where id = ?")) {
        parent.setLong(1, at);
        try (var rows = parent.executeQuery()) {
          rows.next();
          long value = rows.getLong(1);
          at = rows.wasNull() ? null : value;
        }
      }
    }
  }

  /** People of the unit's subtree today who reached the milestone in the course. */
  long live(long unit, long courseId, String milestone) throws SQLException {
    try (var connection = connect();
        var query =
            connection.prepareStatement(
                "select people from cov_live where unit_id = ? and subject = ? and milestone = ?")) {
      query.setLong(1, unit);
      query.setString(2, "C" + courseId);
      query.setString(3, milestone);
      try (var rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    } catch (SQLException e) {
      return -1; // the table is not there yet: the LMS is still migrating
    }
  }

  /** How many of these statements the projector has handled (each at most once: primary key). */
  long handled(List<UUID> ids) throws SQLException {
    long count = 0;
    try (var connection = connect();
        var query =
            connection.prepareStatement(
                "select count(*) from cov_statement where statement_id = ?")) {
      for (var id : ids) {
        query.setString(1, id.toString());
        try (var rows = query.executeQuery()) {
          rows.next();
          count += rows.getLong(1);
        }
      }
    }
    return count;
  }

  static Statement course(UUID id, String verb, String account, String courseIri) {
    return Statement.parse(
        "{\"id\":\""
            + id
            + "\",\"actor\":"
            + actor(account)
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/"
            + verb
            + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + courseIri
            + "\"},\"context\":{\"registration\":\""
            + UUID.randomUUID()
            + "\"}}");
  }

  static Statement lesson(UUID id, String account, String courseIri, int lesson) {
    return Statement.parse(
        "{\"id\":\""
            + id
            + "\",\"actor\":"
            + actor(account)
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + courseIri
            + "/lesson/bai-"
            + lesson
            + "\"},\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\""
            + courseIri
            + "\"}]}}}");
  }

  static Statement voiding(UUID target, String account) {
    return Statement.parse(
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"actor\":"
            + actor(account)
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
            + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
            + target
            + "\"}}");
  }

  private static String actor(String account) {
    return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\",\"name\":\""
        + account
        + "\"}}";
  }

  /** Waits until the condition holds, failing with what was seen after the timeout. */
  static void await(Duration timeout, String what, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String seen;
    while (!(seen = check.unmet()).isEmpty()) {
      assertThat(System.nanoTime() - deadline).as("waiting until %s: %s", what, seen).isNegative();
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /** A condition: empty when met, else what is still wrong. */
  @FunctionalInterface
  interface Check {
    String unmet() throws Exception;
  }
}
