package vn.hocso.xapi.statements.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.platform.InvalidRequestException;

/** The body of a statements PUT or POST: JSON, or multipart/mixed (xAPI 2.0 Part 3 §1.5.2). */
class StatementSubmissionTest {

  static final String MULTIPART = "multipart/mixed; boundary=b";

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String statementPart(String type) {
    return "--b\r\nContent-Type: " + type + "\r\n\r\n{\"id\":\"x\"}\r\n";
  }

  static String attachmentPart(String headers) {
    return "--b\r\n" + headers + "\r\n\r\nabc\r\n";
  }

  static InvalidRequestException refusal(String contentType, String body) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidRequestException.class, () -> StatementSubmission.read(contentType, bytes(body)));
  }

  @Test
  void readsJsonWithoutAttachments() {
    var submission = StatementSubmission.read("application/json; charset=utf-8", bytes("[]"));

    assertThat(submission.json().toString()).isEqualTo("[]");
    assertThat(submission.attachments()).isEmpty();
  }

  @Test
  void readsTheStatementsAndEachAttachmentPart() {
    var submission =
        StatementSubmission.read(
            MULTIPART,
            bytes(
                statementPart("application/json")
                    + attachmentPart(
                        "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                            + "X-Experience-API-Hash: ABC123")
                    + "--b--"));

    assertThat(submission.json().asJsonObject().getString("id")).isEqualTo("x");
    assertThat(submission.attachments()).hasSize(1);
    var data = submission.attachments().get(0);
    assertThat(data.sha2()).isEqualTo("abc123");
    assertThat(data.contentType()).isEqualTo("text/plain");
    assertThat(data.content()).isEqualTo(bytes("abc"));
  }

  @Test
  void refusesOtherContentTypes() {
    assertThat(refusal("multipart/form-data; boundary=b", statementPart("application/json")).rule())
        .isEqualTo("content-type-statements");
    assertThat(refusal(null, "{}").rule()).isEqualTo("content-type-statements");
  }

  @Test
  void refusesAFirstPartThatIsNotJson() {
    var refusal = refusal(MULTIPART, statementPart("text/plain") + "--b--");

    assertThat(refusal.rule()).isEqualTo("multipart-statements-first");
  }

  @Test
  void refusesAnAttachmentPartThatIsNotBinary() {
    var refusal =
        refusal(
            MULTIPART,
            statementPart("application/json")
                + attachmentPart("Content-Type: text/plain\r\nX-Experience-API-Hash: abc")
                + "--b--");

    assertThat(refusal.field()).isEqualTo("part[1].Content-Transfer-Encoding");
    assertThat(refusal.rule()).isEqualTo("attachment-part-binary");
  }

  @Test
  void refusesAnAttachmentPartWithoutHash() {
    var refusal =
        refusal(
            MULTIPART,
            statementPart("application/json")
                + attachmentPart("Content-Type: text/plain\r\nContent-Transfer-Encoding: binary")
                + "--b--");

    assertThat(refusal.field()).isEqualTo("part[1].X-Experience-API-Hash");
    assertThat(refusal.rule()).isEqualTo("attachment-part-hash");
  }

  @Test
  void refusesAnAttachmentPartWithoutContentType() {
    var refusal =
        refusal(
            MULTIPART,
            statementPart("application/json")
                + attachmentPart("Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: abc")
                + "--b--");

    assertThat(refusal.rule()).isEqualTo("attachment-part-type");
  }

  @Test
  void refusesStatementsSplitOverTwoJsonParts() {
    // The second JSON part is not binary: it is no attachment (the CTS's "multiple parts" case).
    assertThatThrownBy(
            () ->
                StatementSubmission.read(
                    MULTIPART,
                    bytes(
                        statementPart("application/json")
                            + statementPart("application/json")
                            + "--b--")))
        .hasFieldOrPropertyWithValue("rule", "attachment-part-binary");
  }
}
