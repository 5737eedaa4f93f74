package vn.hocso.xapi.documents.storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.hocso.xapi.documents.entity.Document;
import vn.hocso.xapi.documents.entity.DocumentContext;

/**
 * Document storage. Writes are compare-and-set on the ETag, so concurrency rules checked against
 * one version cannot overwrite another written meanwhile.
 */
public interface DocumentStore {

  Optional<Document> find(DocumentContext context, String documentId);

  /**
   * Writes a document if the stored one is still the one expected.
   *
   * @param expectedEtag the ETag of the document the caller read, or empty if it read none
   * @return false, writing nothing, when the stored document is not (or no longer) that one
   */
  boolean write(
      DocumentContext context, String documentId, Optional<String> expectedEtag, Document document);

  /** Deletes a document if its ETag is the one expected (any, when empty); false if it was not. */
  boolean delete(DocumentContext context, String documentId, Optional<String> expectedEtag);

  /**
   * The ids of the context's documents changed after {@code sinceMicros}, oldest first; of one
   * registration if the context names one, else of all.
   */
  List<String> ids(DocumentContext context, OptionalLong sinceMicros);

  /** Deletes the context's documents (of one registration if the context names one, else all). */
  void deleteAll(DocumentContext context);
}
