package vn.hocso.xapi.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.xapi.documents.entity.Document;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.storage.TestDatabases;

/** The JDBC document store on the real migrations, on H2 and on MariaDB, through the same code. */
class JdbcDocumentStoreTest {

  static final String ACTIVITY = "https://hocso.vn/xapi/activities/" + "a".repeat(600);
  static final JsonObject LAN =
      Json.createObjectBuilder().add("mbox", "mailto:lan@hocso.example").build();

  TestDatabases.TestDatabase database;
  JdbcDocumentStore store;

  void open(TestDatabases kind) {
    database = kind.create();
    store = new JdbcDocumentStore(database.dataSource());
  }

  @AfterEach
  void drop() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  static Document document(String text, String type, long micros) {
    return Document.of(text.getBytes(StandardCharsets.UTF_8), type, micros);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesBytesAndContentTypeUnderALongActivityIri(TestDatabases kind) {
    open(kind);
    var context = DocumentContext.state(ACTIVITY, LAN, Optional.empty());
    var binary = new byte[] {0, (byte) 0xff, 42};

    var written =
        store.write(context, "tiến độ", Optional.empty(), Document.of(binary, "image/png", 7));
    var found = store.find(context, "tiến độ");

    assertThat(written).isTrue();
    assertThat(found).isPresent();
    assertThat(found.get().content()).containsExactly(binary);
    assertThat(found.get().contentType()).isEqualTo("image/png");
    assertThat(found.get().etag()).isEqualTo(Document.etagOf(binary));
    assertThat(found.get().updatedMicros()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void writesOnlyOverTheExpectedVersion(TestDatabases kind) {
    open(kind);
    var context = DocumentContext.activityProfile(ACTIVITY);
    store.write(context, "p", Optional.empty(), document("{\"v\":1}", "application/json", 1));
    var first = store.find(context, "p").get().etag();

    var createAgain =
        store.write(context, "p", Optional.empty(), document("{\"v\":2}", "application/json", 2));
    var overFirst =
        store.write(context, "p", Optional.of(first), document("{\"v\":3}", "application/json", 3));
    var overStale =
        store.write(context, "p", Optional.of(first), document("{\"v\":4}", "application/json", 4));

    assertThat(createAgain).isFalse();
    assertThat(overFirst).isTrue();
    assertThat(overStale).isFalse();
    assertThat(store.find(context, "p").get().text()).isEqualTo("{\"v\":3}");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void listsIdsSinceATimeOfOneRegistrationOrOfAll(TestDatabases kind) {
    open(kind);
    var registration = UUID.randomUUID().toString();
    var withRegistration = DocumentContext.state(ACTIVITY, LAN, Optional.of(registration));
    var without = DocumentContext.state(ACTIVITY, LAN, Optional.empty());
    var someoneElse =
        DocumentContext.state(
            ACTIVITY,
            Json.createObjectBuilder().add("mbox", "mailto:minh@hocso.example").build(),
            Optional.empty());
    store.write(without, "a", Optional.empty(), document("1", "text/plain", 10));
    store.write(withRegistration, "b", Optional.empty(), document("2", "text/plain", 20));
    store.write(someoneElse, "c", Optional.empty(), document("3", "text/plain", 30));

    assertThat(store.ids(without, OptionalLong.empty())).containsExactly("a", "b");
    assertThat(store.ids(withRegistration, OptionalLong.empty())).containsExactly("b");
    assertThat(store.ids(without, OptionalLong.of(10))).containsExactly("b");
    assertThat(store.find(without, "b")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void deletesOneOrAllOfAContext(TestDatabases kind) {
    open(kind);
    var profile = DocumentContext.agentProfile(LAN);
    var state = DocumentContext.state(ACTIVITY, LAN, Optional.empty());
    store.write(profile, "x", Optional.empty(), document("1", "text/plain", 1));
    store.write(state, "x", Optional.empty(), document("1", "text/plain", 1));
    store.write(state, "y", Optional.empty(), document("2", "text/plain", 2));

    var staleDelete = store.delete(profile, "x", Optional.of("0".repeat(40)));
    store.delete(profile, "x", Optional.empty());
    store.deleteAll(state);

    assertThat(staleDelete).isFalse();
    assertThat(store.find(profile, "x")).isEmpty();
    assertThat(store.ids(state, OptionalLong.empty())).isEmpty();
  }
}
