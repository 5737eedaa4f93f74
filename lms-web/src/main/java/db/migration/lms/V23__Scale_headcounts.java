package db.migration.lms;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hocso.lms.coverage.storage.Headcounts;

/**
 * The per-unit headcounts the coverage dashboards read instead of counting memberships (issue 7: at
 * Central that count read every person). Three tables, then a full count of the people already
 * stored; the same DDL runs on H2 and MySQL/MariaDB.
 */
public class V23__Scale_headcounts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    var connection = context.getConnection();
    try (var ddl = connection.createStatement()) {
      // Changes in the headcount of a unit's subtree (rolled up through every ancestor): on
      // changed_on, people (members among them) whose home unit lies in the subtree changed by
      // this much. The headcount on a day is the sum of the rows up to it.
      ddl.execute(
          "create table cov_headcount (unit_id bigint not null, changed_on date not null,"
              + " people bigint not null, members bigint not null,"
              + " primary key (unit_id, changed_on))");
      // Each membership stretch as the headcounts counted it, so a change takes back exactly
      // what was added.
      ddl.execute(
          "create table cov_headcount_stretch (membership_id bigint not null primary key,"
              + " person_id bigint not null, unit_id bigint not null, valid_from date not null,"
              + " valid_to date, member boolean not null)");
      ddl.execute("create index cov_headcount_stretch_person on cov_headcount_stretch (person_id)");
      // The tree as the headcounts know it (follows org_unit as units move).
      ddl.execute(
          "create table cov_headcount_unit (unit_id bigint not null primary key,"
              + " parent_id bigint)");
    }
    Headcounts.recount(connection);
  }
}
