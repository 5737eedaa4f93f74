package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statements with attachment data on the running platform (MariaDB): multipart/mixed in and out
 * (xAPI 2.0 Part 3 §1.5.2, §2.1.3), all or nothing, and xAPI 1.0.3's Alternate Request Syntax.
 */
class LrsAttachmentsIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();

  /** Binary data that is not UTF-8, with line breaks and dashes that must survive as they are. */
  static final byte[] CERTIFICATE = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', '-', '-', 0, (byte) 0xff, (byte) 0xfe, '\r', '\n'
  };

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  static String statement(String id, String activity, String sha2) {
    return """
        {"id": "%s",
         "actor": {"mbox": "mailto:lan@hocso.example", "name": "Nguyễn Thị Lan"},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
         "object": {"id": "%s"},
         "attachments": [{"usageType": "https://hocso.vn/xapi/attachments/certificate",
                          "display": {"vi": "Giấy chứng nhận"}, "contentType": "image/png",
                          "length": %d, "sha2": "%s"}]}"""
        .formatted(id, activity, CERTIFICATE.length, sha2);
  }

  static byte[] multipart(String boundary, String json, String hashHeader, boolean closed) {
    var body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: "
                + hashHeader
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(CERTIFICATE);
    body.writeBytes(("\r\n--" + boundary + (closed ? "--" : "") + "\r\n").getBytes());
    return body.toByteArray();
  }

  HttpRequest.Builder request(String pathAndQuery, String version) {
    return HttpRequest.newBuilder(platform.uri("/xapi/" + pathAndQuery))
        .header("X-Experience-API-Version", version)
        .header("Authorization", authorization());
  }

  static String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (SharedPlatform.LRS_KEY + ":" + SharedPlatform.LRS_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postMultipart(byte[] body, String boundary) throws Exception {
    return http.send(
        request("statements", "2.0.0")
            .header("Content-Type", "multipart/mixed; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void statementWithAttachmentDataComesBackAsMultipartWithTheSameBytes() throws Exception {
    var id = UUID.randomUUID().toString();
    var sha2 = sha256(CERTIFICATE);
    var boundary = "hocso-" + UUID.randomUUID();

    var posted =
        postMultipart(
            multipart(
                boundary,
                statement(id, "https://hocso.vn/xapi/activities/" + id, sha2),
                sha2,
                true),
            boundary);
    var plain =
        http.send(
            request("statements?statementId=" + id, "2.0.0").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    var withData =
        http.send(
            request("statements?statementId=" + id + "&attachments=true", "2.0.0").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("[\"" + id + "\"]");
    assertThat(plain.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(withData.statusCode()).isEqualTo(200);
    var type = withData.headers().firstValue("Content-Type").orElseThrow();
    assertThat(type).matches("multipart/mixed; ?boundary=.+");
    var answerBoundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
    var text = new String(withData.body(), StandardCharsets.ISO_8859_1);
    var parts = text.split("\r\n--" + answerBoundary);
    assertThat(parts).hasSize(3); // the statement, the attachment, the close delimiter
    assertThat(parts[0]).startsWith("--" + answerBoundary + "\r\n").contains("\"id\":\"" + id);
    assertThat(parts[1])
        .contains("X-Experience-API-Hash: " + sha2)
        .contains("Content-Transfer-Encoding: binary")
        .endsWith("\r\n\r\n" + new String(CERTIFICATE, StandardCharsets.ISO_8859_1));
    assertThat(parts[2]).startsWith("--");
  }

  @Test
  void brokenMultipartRequestsAre400AndStoreNothing() throws Exception {
    var sha2 = sha256(CERTIFICATE);
    var unclosedId = UUID.randomUUID().toString();
    var wrongHashId = UUID.randomUUID().toString();
    var boundary = "hocso-" + UUID.randomUUID();
    var activity = "https://hocso.vn/xapi/activities/broken-" + UUID.randomUUID();

    var unclosed =
        postMultipart(
            multipart(boundary, statement(unclosedId, activity, sha2), sha2, false), boundary);
    var wrongHash =
        postMultipart(
            multipart(boundary, statement(wrongHashId, activity, sha2), "ab".repeat(32), true),
            boundary);
    var query =
        http.send(
            request(
                    "statements?activity=" + URLEncoder.encode(activity, StandardCharsets.UTF_8),
                    "2.0.0")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unclosed.statusCode()).isEqualTo(400);
    assertThat(unclosed.body()).contains("\"rule\":\"multipart-close\"");
    assertThat(wrongHash.statusCode()).isEqualTo(400);
    assertThat(wrongHash.body()).contains("\"rule\":\"attachment-hash-matches\"");
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body()).startsWith("{\"statements\":[]");
  }

  @Test
  void xapi103AlternateRequestSyntaxPutsAStatementAnd20RefusesIt() throws Exception {
    var id = UUID.randomUUID().toString();
    var json =
        """
        {"actor": {"mbox": "mailto:mai@hocso.example"},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
         "object": {"id": "https://hocso.vn/xapi/activities/alternate"}}""";
    var form =
        "statementId="
            + id
            + "&content="
            + URLEncoder.encode(json, StandardCharsets.UTF_8)
            + "&X-Experience-API-Version=1.0.3&Authorization="
            + URLEncoder.encode(authorization(), StandardCharsets.UTF_8);

    var put =
        http.send(
            HttpRequest.newBuilder(platform.uri("/xapi/statements?method=PUT"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var fetched =
        http.send(
            request("statements?statementId=" + id, "1.0.3").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    var in20 =
        http.send(
            request("statements?method=GET", "2.0.0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("limit=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).contains("\"version\":\"1.0.3\"");
    assertThat(in20.statusCode()).isEqualTo(400);
    assertThat(in20.body()).contains("alternate-syntax-removed");
  }
}
