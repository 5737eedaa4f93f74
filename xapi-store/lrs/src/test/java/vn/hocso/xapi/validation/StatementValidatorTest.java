package vn.hocso.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.version.XapiVersion;

/** Each rule of the statement validator, with the field and rule it names. */
class StatementValidatorTest {

  static final String VALID =
      """
      {"id": "9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
       "actor": {"objectType": "Agent", "name": "Lan", "mbox": "mailto:lan@example.vn"},
       "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"vi": "hoàn thành"}},
       "object": {"id": "https://hocso.vn/courses/thanh-toan", "definition": {"name": {"vi-VN": "Thanh toán"}}},
       "result": {"score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10}, "success": true, "duration": "PT1M30S"},
       "context": {"registration": "b3a1a4f6-1b2c-4d5e-8f90-123456789abc", "platform": "Học Số", "language": "vi-VN",
                   "contextActivities": {"parent": [{"id": "https://hocso.vn/courses"}]}},
       "timestamp": "2026-11-28T01:00:00.123456+07:00"}
      """;

  final StatementValidator v2 = new StatementValidator(XapiVersion.V2_0_0);
  final StatementValidator v1 = new StatementValidator(XapiVersion.V1_0_3);

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static JsonObject valid() {
    return json(VALID);
  }

  /** The valid statement with one value replaced (path a.b.c; null value removes it). */
  static JsonObject with(String path, Object value) {
    return (JsonObject) replace(valid(), path.split("\\."), 0, value);
  }

  private static jakarta.json.JsonValue replace(
      JsonObject object, String[] path, int at, Object value) {
    var builder = Json.createObjectBuilder(object);
    var key = path[at];
    if (at == path.length - 1) {
      if (value == null) {
        builder.remove(key);
      } else if (value instanceof String text) {
        builder.add(
            key,
            text.startsWith("{") || text.startsWith("[")
                ? readValue(text)
                : Json.createValue(text));
      } else if (value instanceof Number number) {
        builder.add(key, Json.createValue(number.doubleValue()));
      } else if (value instanceof jakarta.json.JsonValue json) {
        builder.add(key, json);
      }
      return builder.build();
    }
    var child = object.containsKey(key) ? object.getJsonObject(key) : JsonObject.EMPTY_JSON_OBJECT;
    return builder.add(key, replace(child, path, at + 1, value)).build();
  }

  private static jakarta.json.JsonValue readValue(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  InvalidStatementException rejection(JsonObject statement) {
    return catchThrowableOfType(InvalidStatementException.class, () -> v2.validate(statement));
  }

  void assertRejected(JsonObject statement, String field, String rule) {
    var rejection = rejection(statement);
    assertThat(rejection).as("rejected").isNotNull();
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.rule()).isEqualTo(rule);
    assertThat(rejection.getMessage()).contains(field).contains("xAPI 2.0 Part");
  }

  @Test
  void acceptsAFullValidStatement() {
    assertThatCode(() -> v2.validate(valid())).doesNotThrowAnyException();
    assertThatCode(() -> v1.validate(valid())).doesNotThrowAnyException();
  }

  @Test
  void rejectsAnArrayWhereAStatementIsExpected() {
    assertThat(
            catchThrowableOfType(
                    InvalidStatementException.class,
                    () -> v2.validate(Json.createArrayBuilder().build()))
                .rule())
        .isEqualTo("is-object");
  }

  @Test
  void rejectsStatementWithoutVerbId() {
    assertRejected(with("verb.id", null), "verb.id", "required");
  }

  @Test
  void rejectsStatementWithoutActor() {
    assertRejected(with("actor", null), "actor", "required");
  }

  @Test
  void rejectsStatementWithoutObject() {
    assertRejected(with("object", null), "object", "required");
  }

  @Test
  void rejectsAPropertyTheSpecificationDoesNotDefine() {
    assertRejected(with("colour", "red"), "colour", "property-defined");
  }

  @Test
  void rejectsNullValues() {
    assertRejected(
        with("result.response", jakarta.json.JsonValue.NULL), "result.response", "not-null");
  }

  @Test
  void allowsNullInsideExtensions() {
    var statement = with("result.extensions", "{\"https://hocso.vn/x/note\": null}");
    assertThatCode(() -> v2.validate(statement)).doesNotThrowAnyException();
  }

  @Test
  void rejectsAnIdThatIsNotAUuid() {
    assertRejected(with("id", "not-a-uuid"), "id", "is-uuid");
  }

  @Test
  void rejectsAVerbIdThatIsNotAnIri() {
    assertRejected(with("verb.id", "completed"), "verb.id", "is-iri");
  }

  @Test
  void rejectsAnMboxWithoutMailto() {
    assertRejected(with("actor.mbox", "lan@example.vn"), "actor.mbox", "mbox-is-mailto-iri");
  }

  @Test
  void rejectsAnAgentWithTwoIdentifiers() {
    assertRejected(with("actor.openid", "https://id.example/lan"), "actor", "agent-has-one-ifi");
  }

  @Test
  void rejectsAnAgentWithoutIdentifier() {
    assertRejected(with("actor.mbox", null), "actor", "agent-has-one-ifi");
  }

  @Test
  void rejectsAMalformedMboxSha1sum() {
    var statement = with("actor", "{\"mbox_sha1sum\": \"xyz\"}");
    assertRejected(statement, "actor.mbox_sha1sum", "mbox-sha1sum-is-hex");
  }

  @Test
  void rejectsAnAccountWithoutName() {
    var statement = with("actor", "{\"account\": {\"homePage\": \"https://hocso.vn\"}}");
    assertRejected(statement, "actor.account.name", "required");
  }

  @Test
  void rejectsAnActorOfAnUnknownObjectType() {
    assertRejected(with("actor.objectType", "Person"), "actor.objectType", "actor-object-type");
  }

  @Test
  void rejectsAnAnonymousGroupWithoutMembers() {
    var statement = with("actor", "{\"objectType\": \"Group\", \"name\": \"Chi hội\"}");
    assertRejected(statement, "actor.member", "anonymous-group-has-members");
  }

  @Test
  void rejectsAGroupAsMemberOfAGroup() {
    var statement =
        with(
            "actor",
            "{\"objectType\": \"Group\", \"member\": [{\"objectType\": \"Group\", \"mbox\":"
                + " \"mailto:g@example.vn\"}]}");
    assertRejected(statement, "actor.member[0].objectType", "group-member-is-agent");
  }

  @Test
  void acceptsAnIdentifiedGroupWithoutMembers() {
    var statement = with("actor", "{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.vn\"}");
    assertThatCode(() -> v2.validate(statement)).doesNotThrowAnyException();
  }

  @Test
  void rejectsALanguageMapWithAnInvalidTag() {
    assertRejected(
        with("verb.display", "{\"not a tag\": \"x\"}"),
        "verb.display.not a tag",
        "language-map-key-is-rfc-5646");
  }

  @Test
  void rejectsAnActivityWithoutId() {
    assertRejected(with("object.id", null), "object.id", "required");
  }

  @Test
  void rejectsAnUnknownInteractionType() {
    assertRejected(
        with("object.definition.interactionType", "essay"),
        "object.definition.interactionType",
        "interaction-type-known");
  }

  @Test
  void rejectsInteractionComponentsThatDoNotBelongToTheType() {
    var statement =
        with(
            "object.definition",
            "{\"interactionType\": \"likert\", \"choices\": [{\"id\": \"a\"}]}");
    assertRejected(statement, "object.definition.choices", "interaction-components-match-type");
  }

  @Test
  void rejectsRepeatedInteractionComponentIds() {
    var statement =
        with(
            "object.definition",
            "{\"interactionType\": \"choice\", \"choices\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}");
    assertRejected(statement, "object.definition.choices[1].id", "interaction-component-id-unique");
  }

  @Test
  void rejectsAStatementRefWithoutUuid() {
    var statement = with("object", "{\"objectType\": \"StatementRef\", \"id\": \"nope\"}");
    assertRejected(statement, "object.id", "is-uuid");
  }

  @Test
  void rejectsANestedSubStatement() {
    var inner =
        "{\"objectType\": \"SubStatement\", \"actor\": {\"mbox\": \"mailto:a@b.vn\"}, \"verb\": {\"id\": \"https://v.vn/x\"}, \"object\": {\"id\": \"https://a.vn/1\"}}";
    var outer =
        "{\"objectType\": \"SubStatement\", \"actor\": {\"mbox\": \"mailto:a@b.vn\"}, \"verb\": {\"id\": \"https://v.vn/x\"}, \"object\": "
            + inner
            + "}";
    assertRejected(with("object", outer), "object.object.objectType", "sub-statement-not-nested");
  }

  @Test
  void rejectsASubStatementWithAnId() {
    var sub =
        "{\"objectType\": \"SubStatement\", \"id\": \"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\", \"actor\": {\"mbox\": \"mailto:a@b.vn\"}, \"verb\": {\"id\": \"https://v.vn/x\"}, \"object\": {\"id\": \"https://a.vn/1\"}}";
    assertRejected(with("object", sub), "object.id", "property-defined");
  }

  @Test
  void rejectsAVoidingStatementWhoseObjectIsNotAStatementRef() {
    assertRejected(
        with("verb.id", StatementValidator.VOIDED_VERB),
        "object.objectType",
        "voiding-targets-statement-ref");
  }

  @Test
  void rejectsAScaledScoreAboveOne() {
    assertRejected(
        with("result.score.scaled", 1.5),
        "result.score.scaled",
        "scaled-between-minus-one-and-one");
  }

  @Test
  void rejectsARawScoreAboveMax() {
    assertRejected(with("result.score.raw", 11), "result.score.raw", "raw-within-min-max");
  }

  @Test
  void rejectsAMaxNotAboveMin() {
    assertRejected(with("result.score.max", 0), "result.score.max", "max-above-min");
  }

  @Test
  void rejectsSuccessThatIsNotABoolean() {
    assertRejected(with("result.success", "yes"), "result.success", "is-boolean");
  }

  @Test
  void rejectsADurationThatIsNotIso8601() {
    assertRejected(
        with("result.duration", "90 seconds"), "result.duration", "duration-is-iso-8601");
    assertRejected(with("result.duration", "PT"), "result.duration", "duration-is-iso-8601");
  }

  @Test
  void rejectsARegistrationThatIsNotAUuid() {
    assertRejected(with("context.registration", "enrolment-1"), "context.registration", "is-uuid");
  }

  @Test
  void rejectsPlatformWhenTheObjectIsNotAnActivity() {
    var statement =
        with("object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:b@example.vn\"}");
    assertRejected(statement, "context.platform", "platform-only-for-activities");
  }

  @Test
  void rejectsATeamThatIsNotAGroup() {
    assertRejected(
        with("context.team", "{\"mbox\": \"mailto:t@example.vn\"}"),
        "context.team.objectType",
        "team-is-group");
  }

  @Test
  void rejectsAnUnknownContextActivitiesKey() {
    assertRejected(
        with("context.contextActivities.siblings", "[]"),
        "context.contextActivities.siblings",
        "property-defined");
  }

  @Test
  void acceptsContextAgentsOnlyInVersionTwo() {
    var statement =
        with(
            "context.contextAgents",
            "[{\"objectType\": \"contextAgent\", \"agent\": {\"mbox\": \"mailto:gv@example.vn\"},"
                + " \"relevantTypes\": [\"https://hocso.vn/roles/trainer\"]}]");
    assertThatCode(() -> v2.validate(statement)).doesNotThrowAnyException();
    var rejection =
        catchThrowableOfType(InvalidStatementException.class, () -> v1.validate(statement));
    assertThat(rejection.field()).isEqualTo("context.contextAgents");
  }

  @Test
  void rejectsEmptyRelevantTypes() {
    var statement =
        with(
            "context.contextAgents",
            "[{\"objectType\": \"contextAgent\", \"agent\": {\"mbox\": \"mailto:gv@example.vn\"},"
                + " \"relevantTypes\": []}]");
    assertRejected(statement, "context.contextAgents[0].relevantTypes", "relevant-types-not-empty");
  }

  @Test
  void rejectsATimestampWithoutDate() {
    assertRejected(with("timestamp", "01:00:00Z"), "timestamp", "timestamp-is-iso-8601");
  }

  @Test
  void rejectsATimestampWithNegativeZeroOffset() {
    assertRejected(
        with("timestamp", "2026-11-28T01:00:00-00:00"), "timestamp", "timestamp-is-iso-8601");
  }

  @Test
  void rejectsAnImpossibleDate() {
    assertRejected(with("timestamp", "2026-02-30T01:00:00Z"), "timestamp", "timestamp-is-iso-8601");
  }

  @Test
  void rejectsAStatementVersionOtherThanOneOrTwo() {
    assertRejected(with("version", "3.0.0"), "version", "version-supported");
  }

  @Test
  void acceptsVersionTwoStatementsOnlyUnderVersionTwo() {
    assertThatCode(() -> v2.validate(with("version", "2.0.0"))).doesNotThrowAnyException();
    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class, () -> v1.validate(with("version", "2.0.0")));
    assertThat(rejection.rule()).isEqualTo("version-supported");
  }

  @Test
  void rejectsAnAttachmentWithoutSha2() {
    var statement =
        with(
            "attachments",
            "[{\"usageType\": \"https://hocso.vn/usage/certificate\", \"display\": {\"vi\": \"Chứng chỉ\"},"
                + " \"contentType\": \"application/pdf\", \"length\": 10}]");
    assertRejected(statement, "attachments[0].sha2", "required");
  }

  @Test
  void rejectsAnExtensionKeyThatIsNotAnIri() {
    assertRejected(
        with("context.extensions", "{\"note\": 1}"),
        "context.extensions.note",
        "extension-key-is-iri");
  }

  @Test
  void rejectsAnAgentParameterWithoutIdentifier() {
    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class,
            () ->
                v2.validateIdentifiedActor(
                    json(
                        "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@b.vn\"}]}"),
                    "agent"));
    assertThat(rejection.field()).isEqualTo("agent");
    assertThat(rejection.rule()).isEqualTo("agent-parameter-identified");
  }

  @Test
  void rejectsAnAuthorityGroupThatIsIdentified() {
    var statement =
        with(
            "authority",
            "{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.vn\", \"member\":"
                + " [{\"mbox\": \"mailto:a@example.vn\"}, {\"mbox\": \"mailto:b@example.vn\"}]}");
    assertRejected(statement, "authority", "authority-group-anonymous");
  }

  @Test
  void rejectsAnAuthorityGroupOfThreeAgents() {
    var statement =
        with(
            "authority",
            "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@example.vn\"},"
                + " {\"mbox\": \"mailto:b@example.vn\"}, {\"mbox\": \"mailto:c@example.vn\"}]}");
    assertRejected(statement, "authority.member", "authority-group-of-two");
  }

  @Test
  void acceptsAnOAuthAuthorityOfTwoAgents() {
    var statement =
        with(
            "authority",
            "{\"objectType\": \"Group\", \"member\": [{\"account\": {\"homePage\":"
                + " \"https://hocso.vn/oauth\", \"name\": \"app\"}}, {\"mbox\": \"mailto:b@example.vn\"}]}");
    assertThatCode(() -> v2.validate(statement)).doesNotThrowAnyException();
  }
}
