package vn.hocso.xapi.documents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.Preconditions;
import vn.hocso.xapi.documents.storage.JdbcDocumentStore;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.PreconditionFailedException;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.version.XapiVersion;

/** Document writes under the concurrency rules, on H2 (the store runs on MariaDB in its test). */
class DocumentServiceTest {

  static final String ACTIVITY = "https://hocso.vn/xapi/activities/bai-1";

  TestDatabases.TestDatabase database;
  DocumentService service;
  final DocumentContext state =
      DocumentContext.state(
          ACTIVITY,
          Json.createObjectBuilder().add("mbox", "mailto:lan@hocso.example").build(),
          Optional.empty());
  final DocumentContext profile = DocumentContext.activityProfile(ACTIVITY);

  @BeforeEach
  void open() {
    database = TestDatabases.H2.create();
    service = new DocumentService(new JdbcDocumentStore(database.dataSource()));
  }

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  void put(DocumentContext context, String text, Preconditions preconditions, XapiVersion version) {
    service.put(context, "d", bytes(text), "application/json", preconditions, version);
  }

  @Test
  void xapi2RefusesToOverwriteAStateDocumentWithoutAConcurrencyHeader() {
    put(state, "{\"a\":1}", Preconditions.none(), XapiVersion.V2_0_0);

    assertThatThrownBy(() -> put(state, "{\"a\":2}", Preconditions.none(), XapiVersion.V2_0_0))
        .isInstanceOf(ConflictException.class);
    assertThat(service.find(state, "d").get().text()).isEqualTo("{\"a\":1}");
  }

  @Test
  void xapi103RequiresAConcurrencyHeaderOnEveryProfilePut() {
    assertThatThrownBy(() -> put(profile, "{}", Preconditions.none(), XapiVersion.V1_0_3))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "concurrency-header-required");
    assertThat(service.find(profile, "d")).isEmpty();
  }

  @Test
  void xapi103OverwritesStateWithoutHeaderButNotProfiles() {
    put(state, "{\"a\":1}", Preconditions.none(), XapiVersion.V1_0_3);
    put(profile, "{\"a\":1}", Preconditions.of(null, "*"), XapiVersion.V1_0_3);

    assertThatCode(() -> put(state, "{\"a\":2}", Preconditions.none(), XapiVersion.V1_0_3))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> put(profile, "{\"a\":2}", Preconditions.none(), XapiVersion.V1_0_3))
        .isInstanceOf(ConflictException.class);
    assertThat(service.find(state, "d").get().text()).isEqualTo("{\"a\":2}");
  }

  @Test
  void putWithTheCurrentEtagReplacesAndAStaleOneIs412() {
    put(profile, "{\"a\":1}", Preconditions.none(), XapiVersion.V2_0_0);
    var etag = "\"" + service.find(profile, "d").get().etag() + "\"";
    put(profile, "{\"a\":2}", Preconditions.of(etag, null), XapiVersion.V2_0_0);

    assertThatThrownBy(
            () -> put(profile, "{\"a\":3}", Preconditions.of(etag, null), XapiVersion.V2_0_0))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(service.find(profile, "d").get().text()).isEqualTo("{\"a\":2}");
  }

  @Test
  void postMergesAndMovesLastModifiedForward() {
    service.post(state, "d", bytes("{\"a\":1,\"b\":1}"), "application/json", Preconditions.none());
    var before = service.find(state, "d").get().updatedMicros();
    service.post(state, "d", bytes("{\"b\":2}"), "application/json", Preconditions.none());

    var merged = service.find(state, "d").get();
    assertThat(merged.text()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(merged.contentType()).isEqualTo("application/json");
    assertThat(merged.updatedMicros()).isGreaterThan(before);
  }

  @Test
  void putOfMalformedJsonIsRefusedButOtherTypesAreStoredAsTheyCome() {
    assertThatThrownBy(
            () ->
                service.put(
                    state,
                    "d",
                    bytes("{nope"),
                    "application/json",
                    Preconditions.none(),
                    XapiVersion.V2_0_0))
        .isInstanceOf(InvalidRequestException.class);
    service.put(state, "d", bytes("{nope"), "text/plain", Preconditions.none(), XapiVersion.V2_0_0);

    assertThat(service.find(state, "d").get().contentType()).isEqualTo("text/plain");
  }

  @Test
  void deleteHonoursIfMatch() {
    put(profile, "{}", Preconditions.none(), XapiVersion.V2_0_0);

    assertThatThrownBy(() -> service.delete(profile, "d", Preconditions.of("\"00\"", null)))
        .isInstanceOf(PreconditionFailedException.class);
    service.delete(profile, "d", Preconditions.none());
    assertThat(service.find(profile, "d")).isEmpty();
  }
}
