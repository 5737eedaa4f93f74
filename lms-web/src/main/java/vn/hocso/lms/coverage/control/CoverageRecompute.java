package vn.hocso.lms.coverage.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.MonthKey;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.storage.CoverageTables.Stretch;

/**
 * Derives the learning state and every counter from scratch: from the statements counted in {@code
 * cov_statement}, today's tree ({@code org_unit}) and the people's home units and membership
 * history. What the projector maintains incrementally must always equal this; the property test
 * checks it, and an operator may run it to repair the tables (in one transaction: readers see the
 * old figures until it commits).
 *
 * <p>The headcounts ({@code storage.Headcounts}) are counted again too.
 *
 * <p>It reads each table once and counts in memory; at national scale (2 million people) the maps
 * hold a few hundred megabytes, so run it with the heap for that.
 */
public final class CoverageRecompute {

  private final Connection connection;

  public CoverageRecompute(Connection connection) {
    this.connection = connection;
  }

  private record Key(long unit, String subject, String milestone, int month) {}

  /** Replaces the state, the counters and the tree view; pending reorganisations are absorbed. */
  public void run() throws SQLException {
    try (var statement = connection.createStatement()) {
      for (var table : List.of("cov_state", "cov_live", "cov_month", "cov_unit", "cov_change")) {
        statement.executeUpdate("delete from " + table);
      }
    }
    var parents = new HashMap<Long, Long>();
    var tracks = new HashMap<Long, String>();
    var homes = new HashMap<Long, Long>();
    var stretches = new HashMap<Long, List<Stretch>>();
    // person → subject → milestone → first day
    var reached = new HashMap<Long, Map<Subject, Map<Milestone, LocalDate>>>();
    try (var statement = connection.createStatement()) {
      try (var rows = statement.executeQuery("select id, parent_id from org_unit")) {
        while (rows.next()) {
          long unit = rows.getLong(1);
          long parent = rows.getLong(2);
          parents.put(unit, rows.wasNull() ? null : parent);
        }
      }
      // Every course with counted statements has its track fixed in cov_course (trackOf).
      try (var rows = statement.executeQuery("select course_id, track from cov_course")) {
        while (rows.next()) {
          tracks.put(rows.getLong(1), rows.getString(2));
        }
      }
      try (var rows =
          statement.executeQuery(
              "select person_id, course_id, milestone, min(occurred_on) from cov_statement where"
                  + " status = 'COUNTED' group by person_id, course_id, milestone")) {
        while (rows.next()) {
          long person = rows.getLong(1);
          long course = rows.getLong(2);
          var milestone = Milestone.valueOf(rows.getString(3));
          var day = rows.getDate(4).toLocalDate();
          var subjects = reached.computeIfAbsent(person, p -> new HashMap<>());
          subjects
              .computeIfAbsent(Subject.course(course), s -> new EnumMap<>(Milestone.class))
              .put(milestone, day);
          subjects
              .computeIfAbsent(
                  Subject.track(tracks.get(course)), s -> new EnumMap<>(Milestone.class))
              .merge(milestone, day, (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      try (var rows = statement.executeQuery("select id, home_unit_id from person")) {
        while (rows.next()) {
          if (reached.containsKey(rows.getLong(1))) {
            homes.put(rows.getLong(1), rows.getLong(2));
          }
        }
      }
      try (var rows =
          statement.executeQuery(
              "select person_id, unit_id, valid_from, valid_to from person_membership"
                  + " order by person_id, valid_from, id")) {
        while (rows.next()) {
          if (reached.containsKey(rows.getLong(1))) {
            var to = rows.getDate(4);
            stretches
                .computeIfAbsent(rows.getLong(1), p -> new ArrayList<>())
                .add(
                    new Stretch(
                        rows.getLong(2),
                        rows.getDate(3).toLocalDate(),
                        to == null ? null : to.toLocalDate()));
          }
        }
      }
    }
    var counters = new HashMap<Key, Long>();
    try (var insert =
        connection.prepareStatement(
            "insert into cov_state (person_id, subject, milestone, reached_on, month_unit_id,"
                + " live_unit_id) values (?, ?, ?, ?, ?, ?)")) {
      int batched = 0;
      for (var person : reached.entrySet()) {
        var home =
            new CoverageProjection.HomeUnits(
                homes.get(person.getKey()), stretches.getOrDefault(person.getKey(), List.of()));
        for (var subject : person.getValue().entrySet()) {
          for (var milestone : subject.getValue().entrySet()) {
            var day = milestone.getValue();
            long monthUnit = home.on(day);
            insert.setLong(1, person.getKey());
            insert.setString(2, subject.getKey().code());
            insert.setString(3, milestone.getKey().name());
            insert.setDate(4, Date.valueOf(day));
            insert.setLong(5, monthUnit);
            insert.setLong(6, home.today());
            insert.addBatch();
            if (++batched % 1000 == 0) {
              insert.executeBatch();
            }
            var name = milestone.getKey().name();
            for (Long unit = home.today(); unit != null; unit = parents.get(unit)) {
              counters.merge(new Key(unit, subject.getKey().code(), name, 0), 1L, Long::sum);
            }
            int month = MonthKey.of(day);
            for (Long unit = monthUnit; unit != null; unit = parents.get(unit)) {
              counters.merge(new Key(unit, subject.getKey().code(), name, month), 1L, Long::sum);
            }
          }
        }
      }
      insert.executeBatch();
    }
    try (var live =
            connection.prepareStatement(
                "insert into cov_live (unit_id, subject, milestone, people) values (?, ?, ?, ?)");
        var month =
            connection.prepareStatement(
                "insert into cov_month (unit_id, subject, milestone, month_key, people)"
                    + " values (?, ?, ?, ?, ?)");
        var unit = connection.prepareStatement("insert into cov_unit values (?, ?)")) {
      for (var counter : counters.entrySet()) {
        var key = counter.getKey();
        var insert = key.month() == 0 ? live : month;
        insert.setLong(1, key.unit());
        insert.setString(2, key.subject());
        insert.setString(3, key.milestone());
        if (key.month() == 0) {
          insert.setLong(4, counter.getValue());
        } else {
          insert.setInt(4, key.month());
          insert.setLong(5, counter.getValue());
        }
        insert.addBatch();
      }
      for (var parent : parents.entrySet()) {
        unit.setLong(1, parent.getKey());
        if (parent.getValue() == null) {
          unit.setNull(2, java.sql.Types.BIGINT);
        } else {
          unit.setLong(2, parent.getValue());
        }
        unit.addBatch();
      }
      live.executeBatch();
      month.executeBatch();
      unit.executeBatch();
    }
    vn.hocso.lms.coverage.storage.Headcounts.recount(connection);
    vn.hocso.lms.coverage.storage.PeopleCounts.recount(connection);
    vn.hocso.lms.coverage.storage.TrainedCounts.recount(connection);
  }
}
