package vn.hocso.lms.coverage.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import vn.hocso.lms.coverage.domain.MonthKey;

/**
 * Freezes a report period (e.g. {@code 2025-H2}): the figures of every unit as they are at that
 * moment, with the day they were counted on and when they were frozen. A frozen period is never
 * changed (freezing it again is refused), so a report stays what was sent even after later voids or
 * reorganisations. The tree is frozen beside the figures ({@code cov_frozen_unit}: parent, name and
 * headcount of every unit), so a report lists the child units of that day. Runs in the caller's
 * transaction on its connection.
 */
public final class CoverageFreeze {

  private final Connection connection;

  public CoverageFreeze(Connection connection) {
    this.connection = connection;
  }

  /** Freezes the period; returns the number of figure rows written. */
  public int freeze(
      String period, YearMonth from, YearMonth to, LocalDate countedOn, Instant frozenAt)
      throws SQLException {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends before it begins: " + from + "–" + to);
    }
    try (var header =
        connection.prepareStatement(
            "insert into cov_frozen_period (period, from_month, to_month, counted_on, frozen_at)"
                + " values (?, ?, ?, ?, ?)")) {
      header.setString(1, period);
      header.setInt(2, MonthKey.of(from));
      header.setInt(3, MonthKey.of(to));
      header.setDate(4, Date.valueOf(countedOn));
      header.setString(5, frozenAt.toString().replace('T', ' ').replace("Z", ""));
      header.executeUpdate(); // a second freeze of the period fails on the primary key
    }
    // Denominators: people (and members) whose home unit lay in each subtree that day.
    var parents = new HashMap<Long, Long>();
    var names = new HashMap<Long, String>();
    var closed = new HashMap<Long, Date>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select id, parent_id, name, valid_to from org_unit")) {
      while (rows.next()) {
        long unit = rows.getLong(1);
        long parent = rows.getLong(2);
        parents.put(unit, rows.wasNull() ? null : parent);
        names.put(unit, rows.getString(3));
        closed.put(unit, rows.getDate(4));
      }
    }
    var people = new HashMap<Long, long[]>();
    try (var query =
        connection.prepareStatement(
            "select m.unit_id, p.is_member from person_membership m join person p on p.id ="
                + " m.person_id where m.valid_from <= ? and (m.valid_to is null or m.valid_to >"
                + " ?)")) {
      query.setDate(1, Date.valueOf(countedOn));
      query.setDate(2, Date.valueOf(countedOn));
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          boolean member = rows.getBoolean(2);
          for (Long unit = rows.getLong(1); unit != null; unit = parents.get(unit)) {
            var counts = people.computeIfAbsent(unit, u -> new long[2]);
            counts[0]++;
            if (member) {
              counts[1]++;
            }
          }
        }
      }
    }
    // The tree as it stands now, with names and headcounts: a report's rows (cov_frozen_unit).
    try (var insert =
        connection.prepareStatement(
            "insert into cov_frozen_unit (period, unit_id, parent_id, unit_name, closed_on,"
                + " people, members) values (?, ?, ?, ?, ?, ?, ?)")) {
      for (var unit : parents.entrySet()) {
        var counts = people.getOrDefault(unit.getKey(), new long[2]);
        insert.setString(1, period);
        insert.setLong(2, unit.getKey());
        if (unit.getValue() == null) {
          insert.setNull(3, java.sql.Types.BIGINT);
        } else {
          insert.setLong(3, unit.getValue());
        }
        insert.setString(4, names.get(unit.getKey()));
        insert.setDate(5, closed.get(unit.getKey()));
        insert.setLong(6, counts[0]);
        insert.setLong(7, counts[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    int written = 0;
    try (var query =
            connection.prepareStatement(
                "select unit_id, subject, milestone, sum(case when month_key >= ? then people"
                    + " else 0 end), sum(people) from cov_month where month_key <= ?"
                    + " group by unit_id, subject, milestone");
        var insert =
            connection.prepareStatement(
                "insert into cov_frozen (period, unit_id, subject, milestone, in_period, by_end,"
                    + " people, members) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      query.setInt(1, MonthKey.of(from));
      query.setInt(2, MonthKey.of(to));
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          long byEnd = rows.getLong(5);
          if (byEnd == 0) {
            continue;
          }
          long unit = rows.getLong(1);
          var counts = people.getOrDefault(unit, new long[2]);
          insert.setString(1, period);
          insert.setLong(2, unit);
          insert.setString(3, rows.getString(2));
          insert.setString(4, rows.getString(3));
          insert.setLong(5, rows.getLong(4));
          insert.setLong(6, byEnd);
          insert.setLong(7, counts[0]);
          insert.setLong(8, counts[1]);
          insert.addBatch();
          written++;
        }
      }
      insert.executeBatch();
    }
    return written;
  }

  /** Whether the period has been frozen. */
  public boolean isFrozen(String period) throws SQLException {
    try (var query =
        connection.prepareStatement("select 1 from cov_frozen_period where period = ?")) {
      query.setString(1, period);
      try (var rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** A frozen figure: in period, by end, people, members; keyed "unit subject milestone". */
  public Map<String, long[]> frozen(String period) throws SQLException {
    var figures = new HashMap<String, long[]>();
    try (var query =
        connection.prepareStatement(
            "select unit_id, subject, milestone, in_period, by_end, people, members from"
                + " cov_frozen where period = ?")) {
      query.setString(1, period);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          figures.put(
              rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3),
              new long[] {rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7)});
        }
      }
    }
    return figures;
  }
}
