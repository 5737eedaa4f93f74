package db.migration.lms;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hocso.lms.coverage.storage.PeopleCounts;
import vn.hocso.lms.coverage.storage.TrainedCounts;

/**
 * The counters the dashboards' staff section and untrained count read instead of scanning people
 * (issue 7: at Central both read every person or staff row of the country): today's members and
 * staff of every subtree by what they are (storage.PeopleCounts, kept by the people services), and
 * the trained among them (storage.TrainedCounts, kept by the projector). Six tables, then a full
 * count of what is already stored. A position is compared byte for byte (MariaDB's default
 * collation would make "Chủ tịch" and "chủ tịch" one key, which the counting in Java does not).
 */
public class V24__Staff_and_trained_counts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    var connection = context.getConnection();
    var product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    var exact =
        product.contains("mysql") || product.contains("mariadb")
            ? " character set utf8mb4 collate utf8mb4_bin"
            : "";
    var position = " staff_position varchar(128)" + exact + " not null";
    try (var ddl = connection.createStatement()) {
      // Members and staff whose home unit lies in the unit's subtree today, by member, staff and
      // erased, and (staff only; '' otherwise) level (the kind of her home unit) and position.
      ddl.execute(
          "create table cov_people (unit_id bigint not null, is_member boolean not null,"
              + " is_staff boolean not null, is_erased boolean not null,"
              + " staff_level varchar(24) not null,"
              + position
              + ", people bigint not null, primary key (unit_id, is_member, is_staff, is_erased,"
              + " staff_level, staff_position))");
      // Each member or staff as cov_people counted her, so a change takes back what was added.
      ddl.execute(
          "create table cov_people_person (person_id bigint not null primary key,"
              + " unit_id bigint not null, is_member boolean not null, is_staff boolean not null,"
              + " is_erased boolean not null, staff_level varchar(24) not null,"
              + position
              + ")");
      // The tree as cov_people knows it (follows org_unit as units move).
      ddl.execute(
          "create table cov_people_unit (unit_id bigint not null primary key, parent_id bigint)");
      // Members and staff (not erased) of the subtree today who completed the subject.
      ddl.execute(
          "create table cov_trained (unit_id bigint not null, subject varchar(40) not null,"
              + " is_member boolean not null, is_staff boolean not null, people bigint not null,"
              + " primary key (unit_id, subject, is_member, is_staff))");
      // Staff of the subtree today who completed the staff track, by level, position and the
      // year of their first completion.
      ddl.execute(
          "create table cov_staff_trained (unit_id bigint not null,"
              + " staff_level varchar(24) not null,"
              + position
              + ", trained_year int not null, people bigint not null,"
              + " primary key (unit_id, staff_level, staff_position, trained_year))");
      // Each person with a completion as the two tables above counted her.
      ddl.execute(
          "create table cov_trained_person (person_id bigint not null primary key,"
              + " unit_id bigint not null, is_member boolean not null, is_staff boolean not null,"
              + " is_erased boolean not null,"
              + position
              + ")");
    }
    PeopleCounts.recount(connection);
    TrainedCounts.recount(connection);
  }
}
