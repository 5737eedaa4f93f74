package vn.hocso.xapi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict parsing of JSON bodies. */
class RequestBodiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1}", " [1, {\"b\":[]}] ", "\"text\"", "42", "true", "{}\n"})
  void acceptsOneJsonValue(String text) {
    assertThat(RequestBodies.parseJson(text)).isInstanceOf(JsonValue.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"a\":1}{", "{}[", "[1]]", "{} {}", "1 2", "{\"a\":1,\"a\":2}", "{\"a\":"})
  void rejectsTrailingTextDuplicateKeysAndBrokenJson(String text) {
    assertThatThrownBy(() -> RequestBodies.parseJson(text))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "json-syntax");
  }

  @ParameterizedTest
  @ValueSource(ints = {1_001, 100_000})
  void rejectsNestingDeeperThanTheParserAllowsAsBadInput(int depth) {
    var arrays = "[".repeat(depth) + "]".repeat(depth);
    var objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    for (var text : new String[] {arrays, objects}) {
      assertThatThrownBy(() -> RequestBodies.parseJson(text))
          .isInstanceOf(InvalidRequestException.class)
          .hasFieldOrPropertyWithValue("rule", "json-syntax");
    }
  }
}
