package vn.hocso.xapi.statements.boundary;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.MultipartMixed;
import vn.hocso.xapi.platform.RequestBodies;
import vn.hocso.xapi.statements.entity.AttachmentData;

/**
 * What a statements PUT or POST carries: the JSON, and the attachment data of a multipart/mixed
 * request (xAPI 2.0 Part 3 §1.5.2): the statements first, as application/json, then one part per
 * attachment, each with a Content-Type, Content-Transfer-Encoding: binary and
 * X-Experience-API-Hash. Whether the parts match the statements is the service's business.
 */
record StatementSubmission(JsonValue json, List<AttachmentData> attachments) {

  static final String ATTACHMENT_HASH = "X-Experience-API-Hash";
  private static final String SECTION = " (xAPI 2.0 Part 3 §1.5.2)";

  static StatementSubmission read(String contentType, byte[] body) {
    var mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals("application/json")) {
      return new StatementSubmission(
          RequestBodies.parseJson(new String(body, StandardCharsets.UTF_8)), List.of());
    }
    if (!mediaType.equals("multipart/mixed")) {
      throw new InvalidRequestException(
          HttpHeaders.CONTENT_TYPE,
          "content-type-statements",
          "Statements are sent as application/json or multipart/mixed (xAPI 2.0 Part 3 §1.5)");
    }
    var parts = MultipartMixed.parse(body, MultipartMixed.boundaryOf(contentType));
    if (!parts.get(0).mediaType().equals("application/json")) {
      throw new InvalidRequestException(
          HttpHeaders.CONTENT_TYPE,
          "multipart-statements-first",
          "The first part of a multipart/mixed request holds the statements as application/json"
              + SECTION);
    }
    var json = RequestBodies.parseJson(new String(parts.get(0).body(), StandardCharsets.UTF_8));
    var attachments = new ArrayList<AttachmentData>();
    for (int i = 1; i < parts.size(); i++) {
      var part = parts.get(i);
      var where = "part[" + i + "].";
      if (!part.header("Content-Transfer-Encoding").map("binary"::equalsIgnoreCase).orElse(false)) {
        throw new InvalidRequestException(
            where + "Content-Transfer-Encoding",
            "attachment-part-binary",
            "Each attachment part has Content-Transfer-Encoding: binary" + SECTION);
      }
      var hash = part.header(ATTACHMENT_HASH).map(String::trim).filter(value -> !value.isEmpty());
      if (hash.isEmpty()) {
        throw new InvalidRequestException(
            where + ATTACHMENT_HASH,
            "attachment-part-hash",
            "Each attachment part has an X-Experience-API-Hash header" + SECTION);
      }
      var type = part.header(HttpHeaders.CONTENT_TYPE).filter(value -> !value.isBlank());
      if (type.isEmpty()) {
        throw new InvalidRequestException(
            where + "Content-Type",
            "attachment-part-type",
            "Each attachment part has a Content-Type header" + SECTION);
      }
      attachments.add(new AttachmentData(hash.get(), type.get(), part.body()));
    }
    return new StatementSubmission(json, attachments);
  }
}
