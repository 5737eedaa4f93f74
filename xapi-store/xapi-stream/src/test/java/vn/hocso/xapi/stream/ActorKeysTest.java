package vn.hocso.xapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ActorKeysTest {

  static JsonObject statement(String id, String actor) {
    try (var reader =
        Json.createReader(new StringReader("{\"id\":\"" + id + "\",\"actor\":" + actor + "}"))) {
      return reader.readObject();
    }
  }

  static final String ID = "9e1a7a4e-3f0b-4c8e-9d47-3a8f0b8e2c11";

  @Test
  void sameAgentSameKeyWhateverElseTheObjectHolds() {
    var plain = ActorKeys.of(statement(ID, "{\"mbox\":\"mailto:an@example.vn\"}"));
    var named =
        ActorKeys.of(
            statement(
                "0f9d1c3a-1111-4c8e-9d47-3a8f0b8e2c11",
                "{\"name\":\"An\",\"objectType\":\"Agent\",\"mbox\":\"mailto:an@example.vn\"}"));

    assertThat(plain).isEqualTo(named).hasSize(64).doesNotContain("example");
  }

  @Test
  void distinguishesIdentifierKinds() {
    var account =
        ActorKeys.of(
            statement(ID, "{\"account\":{\"homePage\":\"https://hocso.vn\",\"name\":\"an\"}}"));
    var openid = ActorKeys.of(statement(ID, "{\"openid\":\"https://hocso.vn/an\"}"));
    var sha1 =
        ActorKeys.of(
            statement(ID, "{\"mbox_sha1sum\":\"ABCDEF0123456789ABCDEF0123456789ABCDEF01\"}"));
    var sha1Lower =
        ActorKeys.of(
            statement(ID, "{\"mbox_sha1sum\":\"abcdef0123456789abcdef0123456789abcdef01\"}"));

    assertThat(java.util.Set.of(account, openid, sha1)).hasSize(3);
    assertThat(sha1).isEqualTo(sha1Lower);
  }

  @Test
  void anonymousGroupIsKeyedByItsMembersInAnyOrderOrElseByTheStatement() {
    var ab =
        ActorKeys.of(
            statement(
                ID,
                "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@x.vn\"},"
                    + "{\"mbox\":\"mailto:b@x.vn\"}]}"));
    var ba =
        ActorKeys.of(
            statement(
                "0f9d1c3a-1111-4c8e-9d47-3a8f0b8e2c11",
                "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:b@x.vn\"},"
                    + "{\"mbox\":\"mailto:a@x.vn\"}]}"));
    var empty = ActorKeys.of(statement(ID, "{\"objectType\":\"Group\",\"member\":[]}"));
    var otherEmpty =
        ActorKeys.of(
            statement(
                "0f9d1c3a-1111-4c8e-9d47-3a8f0b8e2c11",
                "{\"objectType\":\"Group\",\"member\":[]}"));

    assertThat(ab).isEqualTo(ba);
    assertThat(empty).isNotEqualTo(otherEmpty).isNotEqualTo(ab);
  }
}
