package vn.hocso.xapi.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.hocso.xapi.documents.entity.Document;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.DocumentMerge;
import vn.hocso.xapi.documents.entity.Preconditions;
import vn.hocso.xapi.documents.storage.DocumentStore;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.RequestBodies;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.version.XapiVersion;

/**
 * Reads and writes documents under the concurrency rules (xAPI 2.0 Part 3 §1.3, §2.2). Each write
 * checks the preconditions against the document it read and stores only if that document is still
 * the current one; when another write came in between, it reads again and checks again.
 */
@ApplicationScoped
public class DocumentService {

  private static final int ATTEMPTS = 5;

  @Inject DocumentStore store;

  /** For CDI. */
  public DocumentService() {}

  public DocumentService(DocumentStore store) {
    this.store = store;
  }

  public Optional<Document> find(DocumentContext context, String documentId) {
    return store.find(context, documentId);
  }

  public List<String> ids(DocumentContext context, OptionalLong sinceMicros) {
    return store.ids(context, sinceMicros);
  }

  /**
   * Stores a document, replacing any (PUT). Without If-Match or If-None-Match an existing document
   * is not overwritten when the version requires the headers: 2.0 for every document resource,
   * 1.0.3 only for the profile resources (1.0.3 §6.3 exempts State).
   */
  public void put(
      DocumentContext context,
      String documentId,
      byte[] content,
      String contentType,
      Preconditions preconditions,
      XapiVersion version) {
    if (Document.isJsonType(contentType)) {
      try {
        RequestBodies.parseJson(new String(content, java.nio.charset.StandardCharsets.UTF_8));
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(
            "body",
            "json-document-valid",
            "The document is sent as application/json but is not valid JSON (xAPI 2.0 Part 3"
                + " §2.2)");
      }
    }
    var headerRequired = version.isTwo() || context.kind().isProfile();
    if (!version.isTwo() && context.kind().isProfile() && preconditions.isEmpty()) {
      // 1.0.3 §6.3 (Communication 3.1.s3.b1): a PUT to a profile MUST carry If-Match or
      // If-None-Match; over an existing document that is the 409 below, otherwise a bad request.
      write(
          context,
          documentId,
          preconditions,
          true,
          current -> {
            throw new InvalidRequestException(
                "If-Match",
                "concurrency-header-required",
                "A PUT to a profile document must carry If-Match (with the ETag) or If-None-Match: *"
                    + " (xAPI 1.0.3 §6.3)");
          },
          contentType);
      return;
    }
    write(context, documentId, preconditions, headerRequired, current -> content, contentType);
  }

  /** Merges a JSON object into the document, or stores it if there is none (POST, §2.2). */
  public void post(
      DocumentContext context,
      String documentId,
      byte[] content,
      String contentType,
      Preconditions preconditions) {
    write(
        context,
        documentId,
        preconditions,
        false,
        current -> DocumentMerge.merge(current, content, contentType),
        Document.JSON);
  }

  /** Deletes one document; deleting one that does not exist is no error (§2.3). */
  public void delete(DocumentContext context, String documentId, Preconditions preconditions) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var current = store.find(context, documentId);
      preconditions.check(current, false);
      if (current.isEmpty() || store.delete(context, documentId, current.map(Document::etag))) {
        return;
      }
    }
    throw changedMeanwhile();
  }

  public void deleteAll(DocumentContext context) {
    store.deleteAll(context);
  }

  private interface Content {
    byte[] from(Optional<Document> current);
  }

  private void write(
      DocumentContext context,
      String documentId,
      Preconditions preconditions,
      boolean headerRequired,
      Content content,
      String contentType) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var current = store.find(context, documentId);
      preconditions.check(current, headerRequired);
      var bytes = content.from(current);
      // Last-Modified must move forward even within one clock tick.
      var updated =
          Math.max(Timestamps.nowMicros(), current.map(Document::updatedMicros).orElse(0L) + 1);
      if (store.write(
          context,
          documentId,
          current.map(Document::etag),
          Document.of(bytes, contentType, updated))) {
        return;
      }
    }
    throw changedMeanwhile();
  }

  private static ConflictException changedMeanwhile() {
    return new ConflictException(
        null,
        "document-changed-concurrently",
        "The document kept changing while this request was applied; try again");
  }
}
