package vn.hocso.xapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.LanguageMap;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verbs;

/** Statements with attachment data as multipart/mixed (xAPI 2.0 Part 3 §1.5.2), on a fake LRS. */
class XapiClientAttachmentsTest {

  static final AttachmentContent NOTE =
      new AttachmentContent("text/plain", "Ghi chú của Lan".getBytes(StandardCharsets.UTF_8));

  FakeLrs lrs;
  XapiClient client;

  @BeforeEach
  void start() throws Exception {
    lrs = new FakeLrs();
    client =
        XapiClient.builder(lrs.endpoint())
            .basicAuth("hocso-lms", "secret")
            .timeout(Duration.ofSeconds(2))
            .build();
  }

  @AfterEach
  void stop() {
    lrs.close();
  }

  static Statement withNote() {
    return Statement.builder()
        .newId()
        .actor(Agent.account("https://hocso.vn", "p-1"))
        .verb(Verbs.COMPLETED)
        .object(Activity.of("https://hocso.vn/xapi/activities/bai-1"))
        .attachments(
            List.of(
                NOTE.describedAs(
                    "https://hocso.vn/xapi/attachments/note",
                    LanguageMap.of("vi", "Ghi chú"),
                    null)))
        .build();
  }

  @Test
  void sendsTheStatementsThenEachContentOnceAsBinaryWithItsHash() {
    var statement = withNote();
    lrs.answer(200, "[\"" + statement.id() + "\"]");

    var ids = client.postStatements(List.of(statement), List.of(NOTE, NOTE));

    assertThat(ids).containsExactly(statement.id());
    var request = lrs.last();
    var type = request.header("Content-Type");
    assertThat(type).startsWith("multipart/mixed; boundary=");
    var boundary = type.substring(type.indexOf('=') + 1);
    var parts = request.body().split("\r\n--" + boundary);
    assertThat(parts).hasSize(3);
    assertThat(parts[0])
        .startsWith("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n[{")
        .contains("\"sha2\":\"" + NOTE.sha2() + "\"");
    assertThat(parts[1])
        .isEqualTo(
            "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: "
                + NOTE.sha2()
                + "\r\n\r\nGhi chú của Lan");
    assertThat(parts[2]).isEqualTo("--\r\n");
  }

  @Test
  void refusesContentThatNoAttachmentDescribesBeforeSendingAnything() {
    var stray = new AttachmentContent("text/plain", new byte[] {1});

    assertThatThrownBy(() -> client.postStatements(List.of(withNote()), List.of(stray)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(stray.sha2());
    assertThat(lrs.requests).isEmpty();
  }

  @Test
  void readsTheAttachmentsOfAStatementByHash() {
    var statement = withNote();
    lrs.answer(
        200,
        Map.of("Content-Type", "multipart/mixed; boundary=b"),
        "--b\r\nContent-Type: application/json\r\n\r\n"
            + statement.toJsonString()
            + "\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
            + "X-Experience-API-Hash: "
            + NOTE.sha2()
            + "\r\n\r\nGhi chú của Lan\r\n--b--\r\n");

    var attachments = client.getAttachments(statement.id());

    assertThat(lrs.last().uri().getQuery()).contains("attachments=true");
    assertThat(attachments).containsExactly(Map.entry(NOTE.sha2(), NOTE));
  }
}
