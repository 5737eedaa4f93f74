package vn.hocso.xapi.statements.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.LrsClient;

/** What the LRS adds to a statement, how it compares statements and what it indexes. */
class StatementTest {

  static final String ID = "9E13CEFD-53D3-4EAC-B5ED-2CF6693903BB";

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static JsonObject submitted(String activity) {
    return json(
        "{\"id\":\""
            + ID
            + "\",\"actor\":{\"mbox\":\"mailto:lan@example.vn\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
            + "\"object\":{\"id\":\""
            + activity
            + "\"},"
            + "\"context\":{\"instructor\":{\"mbox\":\"mailto:gv@example.vn\"},"
            + "\"contextActivities\":{\"parent\":{\"id\":\"https://hocso.vn/course\"}}}}");
  }

  static Statement accepted(JsonObject submitted) {
    return Statement.accept(
        submitted, 1_000_000, LrsClient.defaultAuthority("lms"), "2.0.0", "lms");
  }

  @Test
  void putsALoneContextActivityIntoAnArray() {
    var statement = accepted(submitted("https://hocso.vn/lesson"));

    assertThat(
            statement
                .json()
                .getJsonObject("context")
                .getJsonObject("contextActivities")
                .get("parent"))
        .isEqualTo(
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "https://hocso.vn/course"))
                .build());
  }

  @Test
  void isTheSameStatementWhatEverTheLrsAddedAndHoweverTheIdIsCased() {
    var statement = accepted(submitted("https://hocso.vn/lesson"));
    var resubmitted =
        Json.createObjectBuilder(submitted("https://hocso.vn/lesson"))
            .add("id", ID.toLowerCase())
            .build();

    assertThat(statement.isSameAs(resubmitted)).isTrue();
    assertThat(statement.isSameAs(submitted("https://hocso.vn/other-lesson"))).isFalse();
  }

  @Test
  void isNotTheSameWhenTheResubmissionCarriesAnotherTimestamp() {
    var statement = accepted(submitted("https://hocso.vn/lesson"));
    var later =
        Json.createObjectBuilder(submitted("https://hocso.vn/lesson"))
            .add("timestamp", "2020-01-01T00:00:00Z")
            .build();

    assertThat(statement.isSameAs(later)).isFalse();
  }

  @Test
  void indexesActorAndObjectDirectlyAndContextAsRelated() {
    var statement = accepted(submitted("https://hocso.vn/lesson"));

    assertThat(statement.id()).isEqualTo(ID.toLowerCase());
    assertThat(statement.directAgents())
        .containsExactly(
            IndexKeys.ofAgent(json("{\"mbox\":\"mailto:lan@example.vn\"}")).orElseThrow());
    assertThat(statement.relatedAgents())
        .contains(IndexKeys.ofAgent(json("{\"mbox\":\"mailto:gv@example.vn\"}")).orElseThrow())
        .contains(IndexKeys.ofAgent(LrsClient.defaultAuthority("lms")).orElseThrow());
    assertThat(statement.directActivities())
        .containsExactly(IndexKeys.ofIri("https://hocso.vn/lesson"));
    assertThat(statement.relatedActivities())
        .containsExactly(IndexKeys.ofIri("https://hocso.vn/course"));
  }

  @Test
  void keepsTheClientsTimestampAndVersionButSetsStoredAndAuthority() {
    var withTime =
        Json.createObjectBuilder(submitted("https://hocso.vn/lesson"))
            .add("timestamp", "2026-11-28T08:00:00.5+07:00")
            .add("version", "1.0.0")
            .build();

    var statement = accepted(withTime).json();

    assertThat(statement.getString("timestamp")).isEqualTo("2026-11-28T08:00:00.5+07:00");
    assertThat(statement.getString("version")).isEqualTo("1.0.0");
    assertThat(statement.getString("stored")).isEqualTo("1970-01-01T00:00:01.000000Z");
    assertThat(statement.getJsonObject("authority")).isEqualTo(LrsClient.defaultAuthority("lms"));
  }
}
