package vn.hocso.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The IRI scan must agree with the IRI pattern it replaces on the hot path. */
class IriScanTest {

  @Test
  void agreesWithThePatternOnKnownCases() {
    for (var text :
        List.of(
            "http://adlnet.gov/expapi/verbs/experienced",
            "https://hocso.vn/xapi/activities/course/bench",
            "urn:uuid:6f1b3a64-9a3b-4d5e-8f4a-1b2c3d4e5f60",
            "mailto:a@b.c",
            "a:b",
            "a+b.c-d:x",
            "http://xn--hc-s-qua.vn/bài-học",
            "",
            ":",
            "a:",
            "1http://x",
            "http//x",
            "ht tp://x",
            "http://x y",
            "http://x\ty",
            "http://x<y",
            "http://x^y",
            "http://x`y",
            "http://x\\y",
            "http://x|y",
            "http://x\"y",
            "http://x{y}",
            "http://x\u00a0y")) {
      assertThat(StatementValidator.isIri(text))
          .as(text)
          .isEqualTo(StatementValidator.matchesIriPattern(text));
    }
  }

  @Test
  void agreesWithThePatternOnRandomTexts() {
    var alphabet = "aZ09+.-:/ \t\n\u000B\f\r<>\"{}|\\^`%é_~#?\u00a0";
    var random = new Random(20261128);
    int valid = 0;
    for (int n = 0; n < 50_000; n++) {
      // half of them shaped like an IRI (letter, scheme characters, colon), then anything
      var text = new StringBuilder(random.nextBoolean() ? "h" : "");
      if (random.nextBoolean()) {
        text.append(random(random, "aZ09+.-", 3)).append(':');
      }
      text.append(random(random, alphabet, 6));
      var candidate = text.toString();
      boolean expected = StatementValidator.matchesIriPattern(candidate);
      assertThat(StatementValidator.isIri(candidate)).as("%s", candidate).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).isGreaterThan(1_000);
  }

  private static String random(Random random, String alphabet, int maxLength) {
    var text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
