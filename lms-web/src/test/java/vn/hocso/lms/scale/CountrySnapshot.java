package vn.hocso.lms.scale;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row that carries a figure — people and their memberships, learning states, live and monthly
 * counters, headcounts — as sorted text with the database's ids replaced by keys both loaders share
 * (a unit by its code or its commune's code and branch number, a person by her phone), so two
 * databases loaded different ways can be compared row by row.
 */
public final class CountrySnapshot {

  private CountrySnapshot() {}

  public static TreeMap<String, Long> of(Connection connection) throws SQLException {
    var units = new HashMap<Long, String>();
    CountryLoad.unitKeys(connection).forEach((key, id) -> units.put(id, "u" + key));
    var people = new HashMap<Long, String>();
    var rows = new TreeMap<String, Long>();
    try (var statement = connection.createStatement()) {
      try (var result =
          statement.executeQuery(
              "select id, phone, full_name, birth_year, is_member, staff_employment,"
                  + " staff_position, home_unit_id from person")) {
        while (result.next()) {
          var key = "p" + result.getString(2);
          people.put(result.getLong(1), key);
          rows.put(
              "person "
                  + key
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getInt(4)
                  + " member="
                  + result.getBoolean(5)
                  + " staff="
                  + result.getString(6)
                  + "/"
                  + result.getString(7)
                  + " home="
                  + unit(units, result.getLong(8)),
              1L);
        }
      }
      try (var result =
          statement.executeQuery(
              "select person_id, unit_id, valid_from, valid_to from person_membership")) {
        while (result.next()) {
          rows.merge(
              "membership "
                  + people.get(result.getLong(1))
                  + " "
                  + unit(units, result.getLong(2))
                  + " "
                  + result.getDate(3)
                  + "–"
                  + result.getDate(4),
              1L,
              Long::sum);
        }
      }
      try (var result =
          statement.executeQuery(
              "select person_id, subject, milestone, reached_on, month_unit_id, live_unit_id"
                  + " from cov_state")) {
        while (result.next()) {
          rows.put(
              "state "
                  + people.get(result.getLong(1))
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getDate(4)
                  + " month@"
                  + unit(units, result.getLong(5))
                  + " live@"
                  + unit(units, result.getLong(6)),
              1L);
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, subject, milestone, people from cov_live where people <> 0")) {
        while (result.next()) {
          rows.put(
              "live "
                  + unit(units, result.getLong(1))
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3),
              result.getLong(4));
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, subject, milestone, month_key, people from cov_month"
                  + " where people <> 0")) {
        while (result.next()) {
          rows.put(
              "month "
                  + unit(units, result.getLong(1))
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getInt(4),
              result.getLong(5));
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, changed_on, people, members from cov_headcount"
                  + " where people <> 0 or members <> 0")) {
        while (result.next()) {
          var key = "headcount " + unit(units, result.getLong(1)) + " " + result.getDate(2);
          rows.put(key + " people", result.getLong(3));
          rows.put(key + " members", result.getLong(4));
        }
      }
      // Today's members and staff, and the trained among them (PeopleCounts, TrainedCounts).
      try (var result =
          statement.executeQuery(
              "select unit_id, is_member, is_staff, is_erased, staff_level, staff_position,"
                  + " people from cov_people")) {
        while (result.next()) {
          rows.put(
              "people "
                  + unit(units, result.getLong(1))
                  + " member="
                  + result.getBoolean(2)
                  + " staff="
                  + result.getBoolean(3)
                  + " erased="
                  + result.getBoolean(4)
                  + " "
                  + result.getString(5)
                  + " "
                  + result.getString(6),
              result.getLong(7));
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, subject, is_member, is_staff, people from cov_trained")) {
        while (result.next()) {
          rows.put(
              "trained "
                  + unit(units, result.getLong(1))
                  + " "
                  + result.getString(2)
                  + " member="
                  + result.getBoolean(3)
                  + " staff="
                  + result.getBoolean(4),
              result.getLong(5));
        }
      }
      try (var result =
          statement.executeQuery(
              "select unit_id, staff_level, staff_position, trained_year, people"
                  + " from cov_staff_trained")) {
        while (result.next()) {
          rows.put(
              "staff trained "
                  + unit(units, result.getLong(1))
                  + " "
                  + result.getString(2)
                  + " "
                  + result.getString(3)
                  + " "
                  + result.getInt(4),
              result.getLong(5));
        }
      }
      try (var result =
          statement.executeQuery("select status, count(*) from cov_statement group by status")) {
        while (result.next()) {
          rows.put("ledger " + result.getString(1), result.getLong(2));
        }
      }
    }
    return rows;
  }

  private static String unit(Map<Long, String> units, long id) {
    return units.getOrDefault(id, "unit#?" + id);
  }
}
