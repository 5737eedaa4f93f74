package vn.hocso.xapi.statements.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.ForbiddenException;
import vn.hocso.xapi.statements.entity.AttachmentData;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.validation.InvalidStatementException;
import vn.hocso.xapi.validation.StatementSignature;
import vn.hocso.xapi.validation.StatementValidator;
import vn.hocso.xapi.version.XapiVersion;

/** Recording statements: ids, conflicts, voiding and what the LRS fills in, on H2. */
class StatementServiceTest {

  final TestDatabases.TestDatabase database = TestDatabases.H2.create();
  final StatementService service =
      new StatementService(new JdbcStatementStore(database.dataSource()), new StoredClock());
  final LrsClient writer =
      new LrsClient("writer", EnumSet.of(Scope.ALL), LrsClient.defaultAuthority("writer"));

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  static JsonObject statement(String id, String activity) {
    var text =
        "{"
            + (id == null ? "" : "\"id\":\"" + id + "\",")
            + "\"actor\":{\"mbox\":\"mailto:lan@example.vn\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
            + "\"object\":{\"id\":\""
            + activity
            + "\"}}";
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  JsonObject stored(String id) {
    var found = service.find(id, false, writer).orElseThrow();
    try (var reader = Json.createReader(new StringReader(found.json()))) {
      return reader.readObject();
    }
  }

  @Test
  void fillsInIdStoredTimestampVersionAndAuthority() {
    var ids =
        service.record(
            List.of(statement(null, "https://hocso.vn/c/1")), XapiVersion.V1_0_3, writer);

    var stored = stored(ids.get(0));
    assertThat(stored.getString("id")).isEqualTo(ids.get(0));
    assertThat(stored.getString("stored")).isEqualTo(stored.getString("timestamp"));
    assertThat(stored.getString("version")).isEqualTo("1.0.3");
    assertThat(stored.getJsonObject("authority")).isEqualTo(writer.authority());
  }

  @Test
  void replacesAnAuthorityTheClientSent() {
    var id = UUID.randomUUID().toString();
    var forged =
        Json.createObjectBuilder(statement(id, "https://hocso.vn/c/1"))
            .add("authority", Json.createObjectBuilder().add("mbox", "mailto:boss@example.vn"))
            .build();

    service.record(List.of(forged), XapiVersion.V2_0_0, writer);

    assertThat(stored(id).getJsonObject("authority")).isEqualTo(writer.authority());
  }

  @Test
  void acceptsTheSameStatementAgainWithoutStoringItTwice() {
    var id = UUID.randomUUID().toString();
    service.record(List.of(statement(id, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);
    var first = stored(id);

    var again =
        service.record(List.of(statement(id, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);

    assertThat(again).containsExactly(id);
    assertThat(stored(id)).isEqualTo(first);
  }

  @Test
  void refusesADifferentStatementWithAnIdAlreadyStored() {
    var id = UUID.randomUUID().toString();
    service.record(List.of(statement(id, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);

    var conflict =
        catchThrowableOfType(
            ConflictException.class,
            () ->
                service.record(
                    List.of(statement(id, "https://hocso.vn/c/2")), XapiVersion.V2_0_0, writer));

    assertThat(conflict.field()).isEqualTo("id");
    assertThat(stored(id).getJsonObject("object").getString("id"))
        .isEqualTo("https://hocso.vn/c/1");
  }

  /**
   * A batch re-sent with one more statement: the stored one is kept as it is, the new one added.
   */
  @Test
  void storesTheNewStatementsOfABatchThatRepeatsStoredOnes() {
    var old = UUID.randomUUID().toString();
    var added = UUID.randomUUID().toString();
    service.record(List.of(statement(old, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);
    var first = stored(old);

    var ids =
        service.record(
            List.of(
                statement(added, "https://hocso.vn/c/2"), statement(old, "https://hocso.vn/c/1")),
            XapiVersion.V2_0_0,
            writer);

    assertThat(ids).containsExactly(added, old);
    assertThat(stored(old)).isEqualTo(first);
    assertThat(stored(added).getJsonObject("object").getString("id"))
        .isEqualTo("https://hocso.vn/c/2");
  }

  /**
   * A conflicting id comes before the voiding rules, and the batch stores nothing, whichever way
   * (without or with the look-up) it is tried.
   */
  @Test
  void answersTheConflictFirstAndStoresNothingOfTheBatch() {
    var old = UUID.randomUUID().toString();
    service.record(List.of(statement(old, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);
    var voidingId = service.record(List.of(voiding(old)), XapiVersion.V2_0_0, writer).get(0);
    var added = UUID.randomUUID().toString();

    var conflict =
        catchThrowableOfType(
            ConflictException.class,
            () ->
                service.record(
                    List.of(
                        statement(added, "https://hocso.vn/c/3"),
                        voiding(voidingId),
                        statement(old, "https://hocso.vn/c/2")),
                    XapiVersion.V2_0_0,
                    writer));

    assertThat(conflict.field()).isEqualTo("id");
    assertThat(service.find(added, false, writer)).isEmpty();
    var alone =
        catchThrowableOfType(
            InvalidStatementException.class,
            () ->
                service.record(
                    List.of(statement(added, "https://hocso.vn/c/3"), voiding(voidingId)),
                    XapiVersion.V2_0_0,
                    writer));
    assertThat(alone.rule()).isEqualTo("voiding-target-not-voiding");
    assertThat(service.find(added, false, writer)).isEmpty();
  }

  @Test
  void refusesAWholeBatchWhenOneStatementIsInvalid() {
    var good = UUID.randomUUID().toString();
    var bad =
        Json.createObjectBuilder(statement(UUID.randomUUID().toString(), "not an iri")).build();

    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class,
            () ->
                service.record(
                    List.<JsonValue>of(statement(good, "https://hocso.vn/c/1"), bad),
                    XapiVersion.V2_0_0,
                    writer));

    assertThat(rejection.field()).isEqualTo("[1].object.id");
    assertThat(service.find(good, false, writer)).isEmpty();
  }

  @Test
  void refusesABatchThatRepeatsAnId() {
    var id = UUID.randomUUID().toString();

    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class,
            () ->
                service.record(
                    List.of(
                        statement(id, "https://hocso.vn/c/1"),
                        statement(id, "https://hocso.vn/c/1")),
                    XapiVersion.V2_0_0,
                    writer));

    assertThat(rejection.rule()).isEqualTo("batch-ids-unique");
  }

  @Test
  void voidingMovesTheTargetToVoidedStatementId() {
    var target = UUID.randomUUID().toString();
    service.record(List.of(statement(target, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);

    service.record(List.of(voiding(target)), XapiVersion.V2_0_0, writer);

    assertThat(service.find(target, false, writer)).isEmpty();
    assertThat(service.find(target, true, writer)).isPresent();
  }

  @Test
  void refusesToVoidAVoidingStatement() {
    var target = UUID.randomUUID().toString();
    service.record(List.of(statement(target, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, writer);
    var voidingId = service.record(List.of(voiding(target)), XapiVersion.V2_0_0, writer).get(0);

    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class,
            () -> service.record(List.of(voiding(voidingId)), XapiVersion.V2_0_0, writer));

    assertThat(rejection.rule()).isEqualTo("voiding-target-not-voiding");
  }

  @Test
  void refusesWritesWithoutAWriteScope() {
    var reader =
        new LrsClient(
            "reader", EnumSet.of(Scope.STATEMENTS_READ), LrsClient.defaultAuthority("reader"));

    var refusal =
        catchThrowableOfType(
            ForbiddenException.class,
            () ->
                service.record(
                    List.of(statement(null, "https://hocso.vn/c/1")), XapiVersion.V2_0_0, reader));

    assertThat(refusal.rule()).isEqualTo("scope-statements-write");
  }

  @Test
  void putRefusesABodyIdThatDiffersFromTheParameter() {
    var rejection =
        catchThrowableOfType(
            InvalidStatementException.class,
            () ->
                service.recordWithId(
                    statement(UUID.randomUUID().toString(), "https://hocso.vn/c/1"),
                    UUID.randomUUID().toString(),
                    XapiVersion.V2_0_0,
                    writer));

    assertThat(rejection.rule()).isEqualTo("id-matches-parameter");
  }

  static JsonObject voiding(String target) {
    return Json.createObjectBuilder()
        .add("actor", Json.createObjectBuilder().add("mbox", "mailto:admin@example.vn"))
        .add("verb", Json.createObjectBuilder().add("id", StatementValidator.VOIDED_VERB))
        .add(
            "object",
            Json.createObjectBuilder().add("objectType", "StatementRef").add("id", target))
        .build();
  }

  static final byte[] CERTIFICATE = "Chứng nhận hoàn thành".getBytes(StandardCharsets.UTF_8);
  static final String CERTIFICATE_SHA2 =
      AttachmentData.digest("0".repeat(64), CERTIFICATE).orElseThrow();

  static JsonObject withAttachment(String id, String sha2, boolean fileUrl) {
    var attachment =
        Json.createObjectBuilder()
            .add("usageType", "https://hocso.vn/attachments/certificate")
            .add("display", Json.createObjectBuilder().add("vi", "Chứng nhận"))
            .add("contentType", "text/plain")
            .add("length", CERTIFICATE.length)
            .add("sha2", sha2);
    if (fileUrl) {
      attachment.add("fileUrl", "https://files.hocso.vn/chung-nhan.txt");
    }
    return Json.createObjectBuilder(statement(id, "https://hocso.vn/c/1"))
        .add("attachments", Json.createArrayBuilder().add(attachment))
        .build();
  }

  InvalidStatementException refusal(List<JsonValue> statements, List<AttachmentData> parts) {
    return catchThrowableOfType(
        InvalidStatementException.class,
        () -> service.record(statements, parts, XapiVersion.V2_0_0, writer));
  }

  @Test
  void storesAttachmentDataOnceForEveryStatementCarryingIt() {
    var data = new AttachmentData(CERTIFICATE_SHA2, "text/plain", CERTIFICATE);
    var first = UUID.randomUUID().toString();
    var second = UUID.randomUUID().toString();

    service.record(
        List.of(withAttachment(first, CERTIFICATE_SHA2, false)),
        List.of(data),
        XapiVersion.V2_0_0,
        writer);
    service.record(
        List.of(withAttachment(second, CERTIFICATE_SHA2.toUpperCase(), false)),
        List.of(data),
        XapiVersion.V2_0_0,
        writer);

    var read =
        service.attachmentsOf(
            List.of(
                service.find(first, false, writer).orElseThrow().json(),
                service.find(second, false, writer).orElseThrow().json()));
    assertThat(read).containsExactly(data);
  }

  @Test
  void acceptsAFileUrlAttachmentWithoutData() {
    var id = UUID.randomUUID().toString();

    service.record(
        List.of(withAttachment(id, CERTIFICATE_SHA2, true)), List.of(), XapiVersion.V2_0_0, writer);

    assertThat(stored(id).getJsonArray("attachments")).hasSize(1);
  }

  @Test
  void refusesAnAttachmentWithoutFileUrlOrData() {
    var refusal =
        refusal(
            List.of(withAttachment(UUID.randomUUID().toString(), CERTIFICATE_SHA2, false)),
            List.of());

    assertThat(refusal.field()).isEqualTo("attachments[0].sha2");
    assertThat(refusal.rule()).isEqualTo("attachment-data-present");
  }

  @Test
  void refusesAPartNoAttachmentDeclaresAndStoresNothing() {
    var id = UUID.randomUUID().toString();
    var extra = "x".getBytes(StandardCharsets.UTF_8);
    var extraSha2 = AttachmentData.digest("0".repeat(64), extra).orElseThrow();

    var refusal =
        refusal(
            List.of(withAttachment(id, CERTIFICATE_SHA2, false)),
            List.of(
                new AttachmentData(CERTIFICATE_SHA2, "text/plain", CERTIFICATE),
                new AttachmentData(extraSha2, "text/plain", extra)));

    assertThat(refusal.rule()).isEqualTo("attachment-part-declared");
    assertThat(service.find(id, false, writer)).isEmpty();
  }

  @Test
  void refusesAPartWhoseDataDoesNotHaveItsHash() {
    var refusal =
        refusal(
            List.of(withAttachment(UUID.randomUUID().toString(), CERTIFICATE_SHA2, false)),
            List.of(new AttachmentData(CERTIFICATE_SHA2, "text/plain", "other".getBytes())));

    assertThat(refusal.field()).isEqualTo("part[1].X-Experience-API-Hash");
    assertThat(refusal.rule()).isEqualTo("attachment-hash-matches");
  }

  @Test
  void refusesASignatureThatIsNotOctetStream() {
    var signature = "a.b.c".getBytes(StandardCharsets.US_ASCII);
    var sha2 = AttachmentData.digest("0".repeat(64), signature).orElseThrow();
    var statement =
        Json.createObjectBuilder(statement(UUID.randomUUID().toString(), "https://hocso.vn/c/1"))
            .add(
                "attachments",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("usageType", StatementSignature.USAGE_TYPE)
                            .add("display", Json.createObjectBuilder().add("en-US", "Signature"))
                            .add("contentType", "text/plain")
                            .add("length", signature.length)
                            .add("sha2", sha2)))
            .build();

    var refusal =
        refusal(List.of(statement), List.of(new AttachmentData(sha2, "text/plain", signature)));

    assertThat(refusal.field()).isEqualTo("attachments[0].contentType");
    assertThat(refusal.rule()).isEqualTo("signature-content-type");
  }
}
