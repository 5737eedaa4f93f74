package vn.hocso.xapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The rules a client can check, at build time and when reading JSON. */
class StatementValidationTest {

  static final Agent LAN = Agent.account("https://hocso.vn", "p-1234").named("Nguyễn Thị Lan");
  static final Activity LESSON = Activity.of("https://hocso.vn/xapi/activities/bai-1");

  static void assertRejected(ThrowingCallable call, String field, String rule) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidStatementException.class)
        .satisfies(
            e -> {
              var invalid = (InvalidStatementException) e;
              assertThat(invalid.field()).isEqualTo(field);
              assertThat(invalid.rule()).isEqualTo(rule);
              assertThat(invalid.getMessage()).startsWith(field + ": ");
            });
  }

  /** A valid statement as JSON text, with {@code actor}, {@code object} and more replaceable. */
  static String json(String actor, String verb, String object, String extra) {
    return "{\"actor\":"
        + actor
        + ",\"verb\":{\"id\":\""
        + verb
        + "\"},\"object\":"
        + object
        + extra
        + "}";
  }

  static final String ACTOR = "{\"mbox\":\"mailto:lan@hocso.vn\"}";
  static final String VERB = "http://adlnet.gov/expapi/verbs/completed";
  static final String OBJECT = "{\"id\":\"https://hocso.vn/a\"}";

  @Test
  void buildsAValidCmi5StyleStatement() {
    var registration = UUID.randomUUID();
    var statement =
        Statement.builder()
            .newId()
            .actor(LAN)
            .verb(Verbs.PASSED)
            .object(LESSON)
            .result(
                Result.builder()
                    .score(Score.points(8, 0, 10))
                    .success(true)
                    .completion(true)
                    .duration(java.time.Duration.ofSeconds(90))
                    .build())
            .context(
                Context.builder()
                    .registration(registration)
                    .contextActivities(
                        ContextActivities.of(
                            List.of(Activity.of("https://hocso.vn/xapi/activities/chuong-1")),
                            List.of(Activity.of("https://hocso.vn/xapi/activities/khoa-hoc")),
                            List.of(
                                Activity.of(
                                    "https://w3id.org/xapi/cmi5/context/categories/moveon"))))
                    .extensions(
                        Extensions.of(
                            "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
                            Json.createValue("s-1")))
                    .build())
            .timestamp(java.time.Instant.parse("2026-11-28T01:02:03.456789Z"))
            .build();

    assertThat(statement.id()).isNotNull();
    assertThat(statement.result().score().scaled()).isEqualByComparingTo("0.8");
    assertThat(statement.result().duration()).isEqualTo("PT1M30S");
    assertThat(statement.timestamp()).isEqualTo("2026-11-28T01:02:03.456789Z");
    assertThat(statement.context().registration()).isEqualTo(registration);
    assertThat(Statement.parse(statement.toJsonString())).isEqualTo(statement);
  }

  @Test
  void identifiedGivesANewIdOnlyOnce() {
    var statement = Statement.builder().actor(LAN).verb(Verbs.COMPLETED).object(LESSON).build();

    var identified = statement.identified();

    assertThat(statement.id()).isNull();
    assertThat(identified.id()).isNotNull();
    assertThat(identified.identified()).isSameAs(identified);
  }

  @Test
  void equalByValue() {
    var a = Statement.builder().actor(LAN).verb(Verbs.COMPLETED).object(LESSON).build();
    var b =
        Statement.builder()
            .actor(Agent.account("https://hocso.vn", "p-1234").named("Nguyễn Thị Lan"))
            .verb(Verb.of(VERB, "en-US", "completed"))
            .object(Activity.of("https://hocso.vn/xapi/activities/bai-1"))
            .build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.toBuilder().verb(Verbs.PASSED).build());
  }

  @Test
  void listsAreImmutableCopies() {
    var members = new java.util.ArrayList<Agent>(List.of(LAN));
    var group = Group.anonymous(members);
    members.clear();

    assertThat(group.members()).containsExactly(LAN);
    assertThatThrownBy(() -> group.members().add(LAN))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiresActorVerbAndObject() {
    assertRejected(
        () -> Statement.builder().verb(Verbs.COMPLETED).object(LESSON).build(),
        "actor",
        "required");
    assertRejected(() -> Statement.builder().actor(LAN).object(LESSON).build(), "verb", "required");
    assertRejected(
        () -> Statement.builder().actor(LAN).verb(Verbs.COMPLETED).build(), "object", "required");
    assertRejected(() -> Statement.parse("{\"actor\":" + ACTOR + "}"), "verb", "required");
  }

  @Test
  void rejectsAnAgentWithTwoIdentifiers() {
    assertRejected(
        () ->
            Statement.parse(
                json(
                    "{\"mbox\":\"mailto:lan@hocso.vn\",\"openid\":\"http://lan.example\"}",
                    VERB,
                    OBJECT,
                    "")),
        "actor",
        "one-ifi");
  }

  @Test
  void rejectsAnAgentWithoutIdentifier() {
    assertRejected(
        () -> Statement.parse(json("{\"name\":\"Lan\"}", VERB, OBJECT, "")), "actor", "one-ifi");
    assertRejected(() -> new Agent("Lan", null), "ifi", "required");
  }

  @Test
  void rejectsAnMboxThatIsNotMailto() {
    assertRejected(() -> Ifi.mbox("lan@hocso.vn"), "mbox", "mbox-is-mailto-iri");
    assertRejected(
        () -> Statement.parse(json("{\"mbox\":\"lan@hocso.vn\"}", VERB, OBJECT, "")),
        "actor.mbox",
        "mbox-is-mailto-iri");
  }

  @Test
  void agentMboxFactoryAddsMailto() {
    assertThat(Agent.mbox("lan@hocso.vn").ifi()).isEqualTo(Ifi.mbox("mailto:lan@hocso.vn"));
  }

  @Test
  void rejectsABadSha1AndAnAccountWithoutName() {
    assertRejected(() -> Ifi.mboxSha1Sum("abc"), "mbox_sha1sum", "mbox-sha1sum-is-hex");
    assertRejected(() -> Ifi.account("https://hocso.vn", ""), "account.name", "not-empty");
    assertRejected(() -> Ifi.account("hocso.vn", "x"), "account.homePage", "is-iri");
  }

  @Test
  void namesTheFullPathOfANestedFailure() {
    assertRejected(
        () ->
            Statement.parse(
                json(
                    "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@b.c\"},"
                        + "{\"mbox\":\"b.c\"}]}",
                    VERB,
                    OBJECT,
                    "")),
        "actor.member[1].mbox",
        "mbox-is-mailto-iri");
    assertRejected(
        () ->
            Statement.parse(
                json(
                    ACTOR,
                    VERB,
                    OBJECT,
                    ",\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\"not an iri\"}]}}")),
        "context.contextActivities.parent[0].id",
        "is-iri");
    assertRejected(
        () ->
            Statement.parse(
                json(
                    ACTOR,
                    VERB,
                    OBJECT,
                    ",\"context\":{\"instructor\":{\"account\":{\"homePage\":\"x\",\"name\":\"n\"}}}")),
        "context.instructor.account.homePage",
        "is-iri");
  }

  @Test
  void rejectsAVerbIdThatIsNotAnIri() {
    assertRejected(() -> Verb.of("completed"), "id", "is-iri");
    assertRejected(
        () -> Statement.parse(json(ACTOR, "completed", OBJECT, "")), "verb.id", "is-iri");
  }

  @Test
  void rejectsAnIdThatIsNotAUuid() {
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"id\":\"123\"")), "id", "is-uuid");
  }

  @Test
  void rejectsAScaledScoreOutsideMinusOneToOne() {
    assertRejected(() -> Score.scaled("1.01"), "scaled", "scaled-between-minus-one-and-one");
    assertRejected(() -> Score.scaled("-1.5"), "scaled", "scaled-between-minus-one-and-one");
    assertThat(Score.scaled("-1").scaled()).isEqualByComparingTo("-1");
  }

  @Test
  void rejectsARawScoreOutsideMinAndMax() {
    var ten = BigDecimal.TEN;
    assertRejected(
        () -> new Score(null, new BigDecimal("11"), BigDecimal.ZERO, ten),
        "raw",
        "raw-within-min-max");
    assertRejected(
        () -> new Score(null, new BigDecimal("-1"), BigDecimal.ZERO, ten),
        "raw",
        "raw-within-min-max");
    assertRejected(() -> new Score(null, null, ten, ten), "max", "max-above-min");
    assertRejected(() -> Score.points(11, 0, 10), "raw", "raw-within-min-max");
    assertThat(Score.points(2, 0, 3).scaled()).isEqualByComparingTo("0.6667");
    assertRejected(
        () ->
            Statement.parse(
                json(ACTOR, VERB, OBJECT, ",\"result\":{\"score\":{\"raw\":5,\"max\":4}}")),
        "result.score.raw",
        "raw-within-min-max");
  }

  @Test
  void rejectsLanguageMapKeysThatAreNotLanguageTags() {
    assertRejected(() -> LanguageMap.of("not a tag", "x"), "not a tag", "language-is-rfc-5646");
    assertRejected(
        () ->
            Statement.parse(
                "{\"actor\":"
                    + ACTOR
                    + ",\"verb\":{\"id\":\""
                    + VERB
                    + "\",\"display\":{\"en_US\":\"x\"}},\"object\":"
                    + OBJECT
                    + "}"),
        "verb.display.en_US",
        "language-is-rfc-5646");
    assertThat(LanguageMap.of("vi-VN", "hoàn thành", "zh-Hant-TW", "完成").values()).hasSize(2);
  }

  @Test
  void rejectsAContextLanguageThatIsNotATag() {
    assertRejected(
        () -> Context.builder().language("Tiếng Việt").build(), "language", "language-is-rfc-5646");
  }

  @Test
  void rejectsDurationsThatAreNotIso8601() {
    assertRejected(
        () -> Result.builder().duration("90 seconds").build(), "duration", "duration-is-iso-8601");
    assertRejected(
        () -> Result.builder().duration("PT").build(), "duration", "duration-is-iso-8601");
    assertThat(Result.builder().duration("P1DT2H").build().duration()).isEqualTo("P1DT2H");
  }

  @Test
  void rejectsTimestampsThatAreNotIso8601OrNotReal() {
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"timestamp\":\"yesterday\"")),
        "timestamp",
        "timestamp-is-iso-8601");
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"timestamp\":\"2026-02-30T10:00:00Z\"")),
        "timestamp",
        "timestamp-is-iso-8601");
    var statement =
        Statement.parse(json(ACTOR, VERB, OBJECT, ",\"timestamp\":\"2026-11-28T08:00:00+0700\""));
    assertThat(statement.timestampInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-28T01:00:00Z"));
  }

  @Test
  void voidingStatementMustPointAtAStatement() {
    assertRejected(
        () -> Statement.builder().actor(LAN).verb(Verbs.VOIDED).object(LESSON).build(),
        "object",
        "voiding-object-is-statement-ref");
    var voiding =
        Statement.builder()
            .actor(LAN)
            .verb(Verbs.VOIDED)
            .object(StatementRef.to(UUID.randomUUID()))
            .build();
    assertThat(voiding.object()).isInstanceOf(StatementRef.class);
  }

  @Test
  void revisionAndPlatformOnlyWhenTheObjectIsAnActivity() {
    assertRejected(
        () ->
            Statement.builder()
                .actor(LAN)
                .verb(Verbs.COMPLETED)
                .object(Agent.mbox("mentor@hocso.vn"))
                .context(Context.builder().platform("Học Số").build())
                .build(),
        "context.platform",
        "platform-only-for-activities");
    assertRejected(
        () ->
            Statement.builder()
                .actor(LAN)
                .verb(Verbs.COMPLETED)
                .object(StatementRef.to(UUID.randomUUID()))
                .context(Context.builder().revision("2").build())
                .build(),
        "context.revision",
        "revision-only-for-activities");
  }

  @Test
  void subStatementCannotHoldAnother() {
    var inner = SubStatement.of(LAN, Verbs.COMPLETED, LESSON);
    assertRejected(
        () -> SubStatement.of(LAN, Verbs.COMPLETED, inner), "object", "sub-statement-not-nested");
    assertRejected(
        () ->
            Statement.parse(
                json(
                    ACTOR,
                    VERB,
                    "{\"objectType\":\"SubStatement\",\"actor\":"
                        + ACTOR
                        + ",\"verb\":{\"id\":\""
                        + VERB
                        + "\"},\"object\":{\"objectType\":\"SubStatement\"}}",
                    "")),
        "object.object.objectType",
        "sub-statement-not-nested");
  }

  @Test
  void rejectsUnknownPropertiesAndNulls() {
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"colour\":\"red\"")),
        "colour",
        "property-known");
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"result\":{\"success\":null}")),
        "result.success",
        "not-null");
  }

  @Test
  void rejectsExtensionKeysThatAreNotIris() {
    assertRejected(
        () -> Extensions.of("sessionid", Json.createValue("1")),
        "sessionid",
        "extension-key-is-iri");
  }

  @Test
  void anonymousGroupNeedsMembers() {
    assertRejected(() -> Group.anonymous(List.of()), "member", "anonymous-group-has-members");
    assertThat(Group.identified("Chi hội", Ifi.account("https://hocso.vn", "u-1"), null).members())
        .isEmpty();
  }

  @Test
  void interactionPropertiesNeedAnInteractionType() {
    assertRejected(
        () ->
            ActivityDefinition.builder()
                .choices(List.of(InteractionComponent.of("a", "vi", "Có")))
                .build(),
        "interactionType",
        "interaction-type-required");
    assertRejected(
        () -> ActivityDefinition.builder().interactionType("essay").build(),
        "interactionType",
        "interaction-type-known");
  }

  @Test
  void contextAgentRolesAreIris() {
    assertRejected(() -> new ContextAgent(LAN, List.of("mentor")), "relevantTypes[0]", "is-iri");
    assertRejected(
        () ->
            Statement.parse(
                json(
                    ACTOR,
                    VERB,
                    OBJECT,
                    ",\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\","
                        + "\"agent\":"
                        + ACTOR
                        + ",\"relevantTypes\":[]}]}")),
        "context.contextAgents[0].relevantTypes",
        "relevant-types-not-empty");
  }

  @Test
  void attachmentNeedsAValidHashAndLength() {
    var display = LanguageMap.of("vi", "Chứng chỉ");
    assertRejected(
        () -> new Attachment("https://hocso.vn/u", display, null, "application/pdf", 1, "zz", null),
        "sha2",
        "sha2-is-hex");
    assertRejected(
        () ->
            new Attachment(
                "https://hocso.vn/u", display, null, "application/pdf", -1, "a".repeat(64), null),
        "length",
        "length-is-integer");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertRejected(
        () -> Statement.parse(json(ACTOR, VERB, OBJECT, ",\"result\":{\"success\":\"yes\"}")),
        "result.success",
        "is-boolean");
    assertRejected(() -> Statement.parse(json("[]", VERB, OBJECT, "")), "actor", "is-object");
    assertRejected(() -> Statement.parse("not json"), "statement", "json-syntax");
  }

  @Test
  void languageMapsAndExtensionsKeepTheirOrder() {
    var map = LanguageMap.of("vi", "một").with("en", "one").with("fr", "un");
    assertThat(map.values().keySet()).containsExactly("vi", "en", "fr");
    assertThat(new Extensions(Map.of()).isEmpty()).isTrue();
  }
}
