package vn.hocso.xapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements from the xAPI spec's examples (xAPI 2.0 Part 2 Appendix A; 1.0.3 Appendix A) and our
 * own cmi5-style ones, read and written back. The files give every objectType explicitly, the one
 * normalisation the writer makes, so the JSON must come back exactly.
 */
class StatementJsonRoundTripTest {

  static JsonObject example(String name) throws IOException {
    try (var in =
        Objects.requireNonNull(
            StatementJsonRoundTripTest.class.getResourceAsStream("/spec-examples/" + name))) {
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readObject();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "long-example.json",
        "simple-statement.json",
        "completed-with-score.json",
        "sub-statement.json",
        "voiding.json",
        "choice-interaction.json",
        "context-agents-2.0.json"
      })
  void writesBackExactlyTheJsonItRead(String name) throws IOException {
    var json = example(name);

    var statement = Statement.fromJson(json);

    assertThat(statement.toJson()).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "long-example.json",
        "simple-statement.json",
        "completed-with-score.json",
        "sub-statement.json",
        "voiding.json",
        "choice-interaction.json",
        "context-agents-2.0.json"
      })
  void readsBackAnEqualStatementFromItsOwnJsonText(String name) throws IOException {
    var statement = Statement.fromJson(example(name));

    var again = Statement.parse(statement.toJsonString());

    assertThat(again).isEqualTo(statement).hasSameHashCodeAs(statement);
  }

  @ParameterizedTest
  @ValueSource(strings = {"long-example.json", "context-agents-2.0.json"})
  void keepsUnknownExtensionValuesUntouched(String name) throws IOException {
    var json = example(name);

    var written = Statement.fromJson(json).toJson();

    assertThat(written.getJsonObject("context").get("extensions"))
        .isEqualTo(json.getJsonObject("context").get("extensions"));
  }

  @org.junit.jupiter.api.Test
  void keepsTheExactDecimalFormOfScores() throws IOException {
    var statement = Statement.fromJson(example("choice-interaction.json"));

    assertThat(statement.result().score().scaled()).hasToString("-0.50");
    assertThat(statement.result().score().max()).hasToString("2.00");
    assertThat(statement.toJsonString()).contains("\"scaled\":-0.50");
  }

  @org.junit.jupiter.api.Test
  void addsObjectTypesThatWereLeftOut() {
    var statement =
        Statement.parse(
            "{\"actor\":{\"mbox\":\"mailto:lan@hocso.vn\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://hocso.vn/a\"}}");

    var json = statement.toJson();

    assertThat(json.getJsonObject("actor").getString("objectType")).isEqualTo("Agent");
    assertThat(json.getJsonObject("object").getString("objectType")).isEqualTo("Activity");
    assertThat(statement.actor()).isInstanceOf(Agent.class);
    assertThat(statement.object()).isEqualTo(Activity.of("https://hocso.vn/a"));
  }

  @org.junit.jupiter.api.Test
  void readsASingleContextActivityOf103AsAListOfOne() {
    var statement =
        Statement.parse(
            "{\"actor\":{\"mbox\":\"mailto:lan@hocso.vn\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://hocso.vn/a\"},"
                + "\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"https://hocso.vn/p\"}}}}");

    assertThat(statement.context().contextActivities().parent())
        .containsExactly(Activity.of("https://hocso.vn/p"));
    assertThat(
            statement
                .toJson()
                .getJsonObject("context")
                .getJsonObject("contextActivities")
                .get("parent")
                .getValueType())
        .isEqualTo(JsonValue.ValueType.ARRAY);
  }

  @org.junit.jupiter.api.Test
  void keepsAnEmptyCorrectResponsesPatternApartFromAnAbsentOne() {
    var text =
        "{\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:lan@hocso.vn\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://hocso.vn/q\","
            + "\"definition\":{\"interactionType\":\"long-fill-in\","
            + "\"correctResponsesPattern\":[]}}}";
    var json = XapiJson.parseObject(text);

    var statement = Statement.fromJson(json);

    assertThat(((Activity) statement.object()).definition().correctResponsesPattern()).isEmpty();
    assertThat(statement.toJson()).isEqualTo(json);
    assertThat(ActivityDefinition.builder().build().correctResponsesPattern()).isNull();
  }

  @org.junit.jupiter.api.Test
  void readsAgentsAndGroupsAsObjectsAndAGroupAsAuthority() {
    var text =
        "{\"id\":\"a3f3c5b0-5c2e-4b8e-9d4b-0a1b2c3d4e5f\","
            + "\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:lan@hocso.vn\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/mentored\"},"
            + "\"object\":{\"objectType\":\"Group\",\"member\":["
            + "{\"objectType\":\"Agent\",\"mbox\":\"mailto:hoa@hocso.vn\"}]},"
            + "\"context\":{\"instructor\":{\"objectType\":\"Group\",\"name\":\"Ban\","
            + "\"openid\":\"https://hocso.vn/ban\"}},"
            + "\"authority\":{\"objectType\":\"Group\",\"member\":["
            + "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lrs.hocso.vn\","
            + "\"name\":\"app\"}},{\"objectType\":\"Agent\",\"mbox\":\"mailto:lan@hocso.vn\"}]},"
            + "\"version\":\"1.0.3\"}";
    var json = XapiJson.parseObject(text);

    var statement = Statement.fromJson(json);

    assertThat(statement.object()).isInstanceOf(Group.class);
    assertThat(((Group) statement.object()).identifier()).isEmpty();
    assertThat(statement.context().instructor()).isInstanceOf(Group.class);
    assertThat(statement.authority()).isInstanceOf(Group.class);
    assertThat(statement.toJson()).isEqualTo(json);
  }

  @org.junit.jupiter.api.Test
  void refusesAGroupAsAMemberOfAGroup() {
    var text =
        "{\"actor\":{\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\","
            + "\"mbox\":\"mailto:g@hocso.vn\"}]},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attended\"},"
            + "\"object\":{\"id\":\"https://hocso.vn/a\"}}";

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Statement.parse(text))
        .isInstanceOfSatisfying(
            InvalidStatementException.class,
            e -> assertThat(e.field()).isEqualTo("actor.member[0].objectType"));
  }
}
