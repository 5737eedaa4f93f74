package vn.hocso.xapi.auth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.version.XapiVersion;

/** The body of a credential-management request, and the keys and secrets the LRS makes. */
class ClientChangeTest {

  static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  static InvalidRequestException rejected(String body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> ClientChange.read(json(body)));
  }

  @Test
  void readsScopesAndAnOptionalSecret() {
    var change =
        ClientChange.read(
            json("{\"scopes\":[\"statements/write\",\"state\"],\"secret\":\"a-long-secret-16+\"}"));

    assertThat(change.scopes()).containsExactlyInAnyOrder(Scope.STATEMENTS_WRITE, Scope.STATE);
    assertThat(change.secret()).contains("a-long-secret-16+");
    assertThat(ClientChange.read(json("{\"scopes\":[\"all\"]}")).secret()).isEmpty();
  }

  @Test
  void namesTheFieldAndRuleOfEachMistake() {
    assertThat(rejected("[]").rule()).isEqualTo("client-body-object");
    assertThat(rejected("{}").field()).isEqualTo("scopes");
    assertThat(rejected("{\"scopes\":\"all\"}").rule()).isEqualTo("client-scopes-array");
    assertThat(rejected("{\"scopes\":[]}").rule()).isEqualTo("client-scopes-empty");
    assertThat(rejected("{\"scopes\":[1]}").field()).isEqualTo("scopes[0]");
    var unknown = rejected("{\"scopes\":[\"all\",\"statements/delete\"]}");
    assertThat(unknown.field()).isEqualTo("scopes[1]");
    assertThat(unknown.getMessage()).contains("statements/delete");
    assertThat(rejected("{\"scopes\":[\"all\"],\"secret\":\"short\"}").rule())
        .isEqualTo("client-secret-length");
    assertThat(rejected("{\"scopes\":[\"all\"],\"secret\":42}").rule())
        .isEqualTo("client-secret-string");
    assertThat(rejected("{\"scopes\":[\"all\"],\"name\":\"x\"}").field()).isEqualTo("name");
  }

  @Test
  void readsTheVersionTheClientSpeaks() {
    assertThat(ClientChange.read(json("{\"scopes\":[\"all\"]}")).speaks()).isEmpty();
    assertThat(ClientChange.read(json("{\"scopes\":[\"all\"],\"xapiVersion\":\"1.0.3\"}")).speaks())
        .contains(XapiVersion.V1_0_3);
    assertThat(ClientChange.read(json("{\"scopes\":[\"all\"],\"xapiVersion\":\"2.0\"}")).speaks())
        .contains(XapiVersion.V2_0_0);
    for (var bad : new String[] {"\"0.9\"", "\"3.0.0\"", "103", "null", "\"\""}) {
      var refused = rejected("{\"scopes\":[\"all\"],\"xapiVersion\":" + bad + "}");
      assertThat(refused).as(bad).isNotNull();
      assertThat(refused.field()).isEqualTo("xapiVersion");
      assertThat(refused.rule()).isEqualTo("client-xapi-version");
    }
  }

  @Test
  void keysFitUrlsAndHttpBasic() {
    assertThat(ClientChange.checkKey("lms-web_1.0~x")).isEqualTo("lms-web_1.0~x");
    for (var bad : new String[] {"", "a:b", "a b", "a/b", "x".repeat(191), "hội"}) {
      assertThat(
              catchThrowableOfType(InvalidRequestException.class, () -> ClientChange.checkKey(bad)))
          .as(bad)
          .isNotNull();
    }
  }

  @Test
  void madeKeysAndSecretsAreFreshAndValid() {
    var key = ClientChange.newKey();
    assertThat(ClientChange.checkKey(key)).isNotEqualTo(ClientChange.newKey());
    assertThat(ClientChange.newSecret())
        .hasSizeGreaterThanOrEqualTo(ClientChange.MIN_SECRET_LENGTH)
        .isNotEqualTo(ClientChange.newSecret());
  }
}
