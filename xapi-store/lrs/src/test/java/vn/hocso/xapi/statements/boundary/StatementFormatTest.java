package vn.hocso.xapi.statements.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** format=canonical keeps one language per language map (xAPI 2.0 Part 3 §2.1.3). */
class StatementFormatTest {

  static final String STATEMENT =
      """
      {"id": "9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
       "actor": {"mbox": "mailto:lan@example.vn", "name": "Lan"},
       "verb": {"id": "http://adlnet.gov/expapi/verbs/completed",
                "display": {"en-US": "completed", "vi-VN": "hoàn thành", "en-GB": "finished"}},
       "object": {"id": "https://hocso.vn/c/1",
                  "definition": {"name": {"en-US": "Payments", "vi-VN": "Thanh toán"},
                                 "interactionType": "choice",
                                 "choices": [{"id": "a", "description": {"en-US": "A", "vi": "Một"}}]}},
       "context": {"contextActivities": {"category": [
                   {"id": "https://hocso.vn/cat", "definition": {"description": {"en-US": "Cat", "vi-VN": "Loại"}}}]}}}
      """;

  static JsonObject format(String format, String acceptLanguage) {
    var text = StatementFormat.apply(format, STATEMENT, StatementFormat.languages(acceptLanguage));
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void canonicalKeepsTheBestLanguageOfTheAcceptLanguageHeader() {
    var statement = format("canonical", "vi;q=0.9, en-GB;q=0.5");

    assertThat(statement.getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("vi-VN");
    var definition = statement.getJsonObject("object").getJsonObject("definition");
    assertThat(definition.getJsonObject("name").keySet()).containsExactly("vi-VN");
    assertThat(
            definition
                .getJsonArray("choices")
                .getJsonObject(0)
                .getJsonObject("description")
                .keySet())
        .containsExactly("vi");
    assertThat(
            statement
                .getJsonObject("context")
                .getJsonObject("contextActivities")
                .getJsonArray("category")
                .getJsonObject(0)
                .getJsonObject("definition")
                .getJsonObject("description")
                .keySet())
        .containsExactly("vi-VN");
    assertThat(statement.getJsonObject("actor").getString("name")).isEqualTo("Lan");
  }

  @Test
  void canonicalPrefersTheExactTagAndFallsBackToTheFirstLanguage() {
    assertThat(format("canonical", "en-GB").getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("en-GB");
    assertThat(format("canonical", null).getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("en-US");
    assertThat(format("canonical", "fr").getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("en-US");
  }

  @Test
  void exactKeepsEveryLanguageWhateverTheHeader() {
    assertThat(format("exact", "vi").getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactlyInAnyOrder("en-US", "vi-VN", "en-GB");
  }
}
