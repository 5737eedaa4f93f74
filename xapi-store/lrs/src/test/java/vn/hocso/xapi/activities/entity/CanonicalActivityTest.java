package vn.hocso.xapi.activities.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canonical Activity Object (xAPI 2.0 Part 3 §2.5). */
class CanonicalActivityTest {

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  @Test
  void anUnknownActivityIsStillAnActivityObject() {
    assertThat(CanonicalActivity.unknown("https://hocso.vn/a").toString())
        .isEqualTo("{\"objectType\":\"Activity\",\"id\":\"https://hocso.vn/a\"}");
  }

  @Test
  void languageMapsFromSeveralStatementsAreAllKept() {
    var first =
        CanonicalActivity.merge(
            Optional.empty(),
            json("{'id':'https://hocso.vn/a','definition':{'name':{'vi':'Bài 1'},'type':'t:1'}}"));
    var second =
        CanonicalActivity.merge(
            Optional.of(first),
            json(
                "{'id':'https://hocso.vn/a','definition':{'name':{'en':'Lesson 1'},'type':'t:2'}}"));

    assertThat(second)
        .isEqualTo(
            json(
                "{'objectType':'Activity','id':'https://hocso.vn/a','definition':"
                    + "{'name':{'vi':'Bài 1','en':'Lesson 1'},'type':'t:2'}}"));
  }

  @Test
  void aStatementWithoutDefinitionKeepsTheKnownOne() {
    var known =
        CanonicalActivity.merge(
            Optional.empty(), json("{'id':'https://hocso.vn/a','definition':{'type':'t:1'}}"));

    assertThat(CanonicalActivity.merge(Optional.of(known), json("{'id':'https://hocso.vn/a'}")))
        .isEqualTo(known);
  }
}
