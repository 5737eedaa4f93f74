package vn.hocso.xapi.client.model;

/**
 * Metadata of an attachment (xAPI 2.0 Part 2 §2.4.11). The content itself travels in a
 * multipart/mixed request ({@code XapiClient.postStatements(statements, contents)}); a {@code
 * fileUrl} attachment needs no content.
 */
public record Attachment(
    String usageType,
    LanguageMap display,
    LanguageMap description,
    String contentType,
    long length,
    String sha2,
    String fileUrl) {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.11";

  public Attachment {
    Rules.iri(usageType, "usageType", SECTION);
    Rules.required(display, "display", SECTION);
    Rules.nonEmpty(contentType, "contentType", SECTION);
    if (length < 0) {
      throw Rules.fail("length", "length-is-integer", "must be a whole number of octets", SECTION);
    }
    Rules.sha2(sha2, "sha2", SECTION);
    Rules.optionalIri(fileUrl, "fileUrl", SECTION);
  }
}
