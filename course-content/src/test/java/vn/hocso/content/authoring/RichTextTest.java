package vn.hocso.content.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What an author's HTML may keep, and the payloads that must never reach a learner as markup. */
class RichTextTest {

  /** Classic XSS vectors (OWASP cheat sheet and friends), as an author might paste them. */
  static List<String> payloads() {
    return List.of(
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">bấm</a>",
        "<a href=\"&#106;avascript:alert(1)\">bấm</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">bấm</a>",
        "<p onclick=\"alert(1)\">chữ</p>",
        "<p style=\"background:url(javascript:alert(1))\">chữ</p>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input name=a></form>",
        "<body onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<details open ontoggle=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>@import 'https://evil.example/x.css';</style>",
        "\"><script>alert(1)</script>",
        "<li data-list=\"javascript:alert(1)\" class=\"x onmouseover=alert(1)\">x</li>",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">ok</a>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void leavesNoScriptHandlerOrDangerousAddress(String payload) {
    var safe = RichText.sanitise(payload).toLowerCase();

    assertThat(safe)
        .doesNotContain("<script", "<svg", "<img", "<iframe", "<object", "<embed", "<form")
        .doesNotContain("<style", "<link", "<meta", "<base", "<math", "<details", "<body")
        .doesNotContain("javascript:", "data:", "onerror", "onload", "onclick", "onmouseover")
        .doesNotContain("ontoggle", "style=");
  }

  @Test
  void keepsWhatTheEditorMakes() {
    var html =
        "<h2>Quét mã</h2><p class=\"ql-align-center\">Mở <strong>ứng dụng</strong>, <em>chọn</em>"
            + " <u>QR</u> <s>cũ</s></p><ol><li data-list=\"bullet\">Một</li>"
            + "<li data-list=\"ordered\" class=\"ql-indent-1\">Hai</li></ol>"
            + "<blockquote>Trích</blockquote><p>Dòng<br />mới</p>";

    assertThat(RichText.sanitise(html)).isEqualTo(html);
    assertThat(RichText.sanitise(RichText.sanitise(html))).isEqualTo(html);
  }

  @Test
  void keepsHttpsLinksAndMakesThemSafeToFollow() {
    var safe = RichText.sanitise("<a href=\"https://dichvucong.gov.vn\">Cổng</a>");

    assertThat(safe)
        .contains("href=\"https://dichvucong.gov.vn\"")
        .containsPattern("rel=\"[a-z ]*noopener[a-z ]*\"")
        .contains(">Cổng</a>");
    assertThat(RichText.sanitise("<a href=\"http://x.example\">x</a>")).doesNotContain("href");
  }

  @Test
  void escapesTextThatLooksLikeMarkup() {
    assertThat(RichText.sanitise("1 < 2 & 3 > 2")).isEqualTo("1 &lt; 2 &amp; 3 &gt; 2");
  }

  @Test
  void tellsAnEmptyEditorFromText() {
    assertThat(RichText.isBlank("<p><br></p>")).isTrue();
    assertThat(RichText.isBlank("<p>&nbsp;</p>")).isTrue();
    assertThat(RichText.isBlank(null)).isTrue();
    assertThat(RichText.isBlank("<p>Chữ</p>")).isFalse();
  }
}
