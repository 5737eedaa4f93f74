package vn.hocso.xapi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and writing multipart/mixed bodies (RFC 2046 §5.1.1) as xAPI sends them. */
class MultipartMixedTest {

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheStatementPartAndTheAttachmentParts() {
    var body =
        bytes(
            "--b1\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
                + "--b1\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: abc\r\n\r\nline one\r\nline two\r\n--b1--\r\n");

    var parts = MultipartMixed.parse(body, "b1");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).mediaType()).isEqualTo("application/json");
    assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(parts.get(1).header("x-experience-api-hash")).contains("abc");
    assertThat(parts.get(1).header("Content-Type")).contains("text/plain");
    assertThat(new String(parts.get(1).body(), StandardCharsets.UTF_8))
        .isEqualTo("line one\r\nline two");
  }

  @Test
  void skipsAPreambleBeforeTheFirstDelimiter() {
    var parts =
        MultipartMixed.parse(
            bytes("\r\n--b\r\nContent-Type: application/json\r\n\r\n[]\r\n--b--"), "b");

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).body()).isEqualTo(bytes("[]"));
  }

  @Test
  void refusesABodyWithoutItsCloseDelimiter() {
    assertThatThrownBy(
            () ->
                MultipartMixed.parse(
                    bytes("--b\r\nContent-Type: application/json\r\n\r\n{}\r\n"), "b"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("multipart-close"));
  }

  @Test
  void refusesABodyWithoutTheBoundary() {
    assertThatThrownBy(() -> MultipartMixed.parse(bytes("{}"), "b"))
        .hasFieldOrPropertyWithValue("rule", "multipart-delimiter");
  }

  @Test
  void refusesAPartWhoseHeadersDoNotEnd() {
    assertThatThrownBy(
            () ->
                MultipartMixed.parse(bytes("--b\r\nContent-Type: application/json\r\n--b--"), "b"))
        .hasFieldOrPropertyWithValue("rule", "multipart-headers");
  }

  @Test
  void findsTheBoundaryParameterQuotedOrNot() {
    assertThat(MultipartMixed.boundaryOf("multipart/mixed; boundary=abc")).isEqualTo("abc");
    assertThat(MultipartMixed.boundaryOf("multipart/mixed;boundary=\"a b\"; x=1")).isEqualTo("a b");
    assertThatThrownBy(() -> MultipartMixed.boundaryOf("multipart/mixed;"))
        .hasFieldOrPropertyWithValue("rule", "multipart-boundary");
  }

  @Test
  void writesWhatItReads() {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", "image/png");
    headers.put("X-Experience-API-Hash", "ff");
    var binary = new byte[] {0, '\r', '\n', '-', '-', (byte) 0xff};
    var written =
        MultipartMixed.write(
            "zz",
            List.of(
                new MultipartMixed.Part(Map.of("Content-Type", "application/json"), bytes("{}")),
                new MultipartMixed.Part(headers, binary)));

    var parts = MultipartMixed.parse(written, "zz");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).body()).isEqualTo(binary);
    assertThat(parts.get(1).header("x-experience-api-hash")).contains("ff");
  }
}
