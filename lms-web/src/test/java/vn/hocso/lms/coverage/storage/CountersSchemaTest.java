package vn.hocso.lms.coverage.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.domain.UnitKind;

/** The counters' columns hold every value the code writes into them, on both databases. */
class CountersSchemaTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void everyStaffLevelColumnHoldsTheLongestUnitKind(TestDatabases kind) throws Exception {
    int longest = Arrays.stream(UnitKind.values()).mapToInt(k -> k.name().length()).max().orElse(0);
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      try (var connection = database.dataSource().getConnection();
          var columns =
              connection
                  .getMetaData()
                  .getColumns(
                      connection.getCatalog(),
                      null,
                      "%",
                      kind == TestDatabases.H2 ? "STAFF_LEVEL" : "staff_level")) {
        int seen = 0;
        while (columns.next()) {
          seen++;
          assertThat(columns.getInt("COLUMN_SIZE"))
              .as(columns.getString("TABLE_NAME") + ".staff_level")
              .isGreaterThanOrEqualTo(longest);
        }
        assertThat(seen).as("the counters' staff_level columns").isGreaterThanOrEqualTo(3);
      }
    }
  }
}
