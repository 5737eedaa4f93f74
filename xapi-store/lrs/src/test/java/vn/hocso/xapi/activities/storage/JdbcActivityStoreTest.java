package vn.hocso.xapi.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.storage.TestDatabases;

/** Canonical activities, learnt as statements are stored, on H2 and MariaDB. */
class JdbcActivityStoreTest {

  static final String ACTIVITY = "https://hocso.vn/xapi/activities/" + "b".repeat(700);

  TestDatabases.TestDatabase database;

  @AfterEach
  void drop() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  static Statement statement(String definition, long stored) {
    var json =
        json(
            "{'id':'"
                + UUID.randomUUID()
                + "','actor':{'mbox':'mailto:lan@hocso.example'},'verb':{'id':'http://adlnet.gov/expapi/verbs/completed'},"
                + "'object':{'id':'"
                + ACTIVITY
                + "','definition':"
                + definition
                + "}}");
    return Statement.accept(json, stored, LrsClient.defaultAuthority("test"), "2.0.0", "test");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void mergesTheDefinitionsOfStatementsInOneBatchAndAcrossBatches(TestDatabases kind) {
    database = kind.create();
    var statements = new JdbcStatementStore(database.dataSource());
    var activities = new JdbcActivityStore(database.dataSource());
    var now = Timestamps.nowMicros();

    statements.storeAll(
        List.of(
            statement("{'name':{'vi':'Thanh toán điện tử'}}", now),
            statement("{'name':{'en':'Electronic payment'}}", now + 1)));
    statements.storeAll(
        List.of(statement("{'type':'http://adlnet.gov/expapi/activities/lesson'}", now + 2)));

    assertThat(activities.find(ACTIVITY))
        .contains(
            json(
                "{'objectType':'Activity','id':'"
                    + ACTIVITY
                    + "','definition':{'name':{'vi':'Thanh toán điện tử','en':'Electronic"
                    + " payment'},'type':'http://adlnet.gov/expapi/activities/lesson'}}"));
    assertThat(activities.find("https://hocso.vn/xapi/activities/never")).isEmpty();
  }
}
