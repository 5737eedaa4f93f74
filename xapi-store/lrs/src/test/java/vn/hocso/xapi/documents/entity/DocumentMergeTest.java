package vn.hocso.xapi.documents.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.platform.InvalidRequestException;

/** The JSON merge of a POST to a document resource (xAPI 2.0 Part 3 §2.2). */
class DocumentMergeTest {

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Optional<Document> stored(String text, String type) {
    return Optional.of(Document.of(bytes(text), type, 1));
  }

  static String merge(Optional<Document> stored, String posted) {
    return new String(
        DocumentMerge.merge(stored, bytes(posted), "application/json"), StandardCharsets.UTF_8);
  }

  @Test
  void postedPropertiesReplaceStoredOnesAndTheOthersStay() {
    var merged =
        merge(stored("{\"a\":1,\"b\":{\"x\":1,\"y\":2}}", "application/json"), "{\"b\":{\"x\":3}}");

    assertThat(merged).isEqualTo("{\"a\":1,\"b\":{\"x\":3}}");
  }

  @Test
  void withoutAStoredDocumentThePostedOneIsStored() {
    assertThat(merge(Optional.empty(), "{\"a\":\"Lan\"}")).isEqualTo("{\"a\":\"Lan\"}");
  }

  @Test
  void acceptsJsonWithACharsetParameter() {
    var merged =
        DocumentMerge.merge(
            stored("{\"a\":1}", "application/json; charset=utf-8"),
            bytes("{\"b\":2}"),
            "Application/JSON; charset=UTF-8");

    assertThat(new String(merged, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  void rejectsAPostedDocumentThatIsNotJson() {
    assertThatThrownBy(() -> DocumentMerge.merge(Optional.empty(), bytes("{}"), "text/plain"))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "merge-json-only");
  }

  @Test
  void rejectsAPostedJsonValueThatIsNotAnObject() {
    assertThatThrownBy(() -> merge(Optional.empty(), "[1,2]"))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "merge-json-object");
  }

  @Test
  void rejectsMalformedPostedJson() {
    assertThatThrownBy(() -> merge(stored("{}", "application/json"), "{\"a\":"))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "merge-json-object");
  }

  @Test
  void rejectsMergingIntoAStoredDocumentThatIsNotJson() {
    assertThatThrownBy(() -> merge(stored("hello", "text/plain"), "{\"a\":1}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("rule", "merge-stored-json-only");
  }

  @Test
  void rejectsMergingIntoAStoredJsonDocumentThatIsNotAnObject() {
    assertThatThrownBy(() -> merge(stored("\"text\"", "application/json"), "{\"a\":1}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasFieldOrPropertyWithValue("field", "document");
  }
}
