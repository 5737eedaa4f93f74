package vn.hocso.xapi.statements.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.ForbiddenException;
import vn.hocso.xapi.statements.storage.JdbcStatementStore;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.validation.InvalidStatementException;
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
}
