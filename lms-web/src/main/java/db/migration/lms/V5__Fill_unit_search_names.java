package db.migration.lms;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.hocso.content.search.FoldedText;

/** Fills org_unit.search_name for the units that existed before V4; SQL cannot fold Vietnamese. */
public class V5__Fill_unit_search_names extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    var connection = context.getConnection();
    try (var select = connection.createStatement();
        var rows = select.executeQuery("select id, name from org_unit");
        var update =
            connection.prepareStatement("update org_unit set search_name = ? where id = ?")) {
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
