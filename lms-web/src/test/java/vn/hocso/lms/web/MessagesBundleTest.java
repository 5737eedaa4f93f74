package vn.hocso.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every UI string exists in Vietnamese (the base bundle) and in English, and none is empty. */
class MessagesBundleTest {

  @Test
  void vietnameseAndEnglishHaveTheSameKeysAndNoEmptyText() throws Exception {
    var vietnamese = load("messages.properties");
    var english = load("messages_en.properties");

    assertThat(english.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(vietnamese.stringPropertyNames());
    assertThat(vietnamese.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
    assertThat(english.values()).allSatisfy(text -> assertThat((String) text).isNotBlank());
  }

  private static Properties load(String name) throws Exception {
    var properties = new Properties();
    try (var in = MessagesBundleTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
