package db.migration.lms;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hocso.content.search.FoldedText;

/**
 * Adds person.search_name, the full name folded for search ("nguyen thi an" finds "Nguyễn Thị An"),
 * kept up to date by Person, and fills it for the people already stored: SQL cannot fold
 * Vietnamese. The same DDL runs on H2 and MySQL/MariaDB.
 */
public class V13__Person_search_names extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    var connection = context.getConnection();
    try (var ddl = connection.createStatement()) {
      ddl.execute("alter table person add column search_name varchar(255)");
      ddl.execute("create index person_search_name on person (search_name)");
    }
    try (var select = connection.createStatement();
        var rows = select.executeQuery("select id, full_name from person");
        var update =
            connection.prepareStatement("update person set search_name = ? where id = ?")) {
      int pending = 0;
      while (rows.next()) {
        update.setString(1, FoldedText.fold(rows.getString(2)));
        update.setLong(2, rows.getLong(1));
        update.addBatch();
        if (++pending == 500) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
