package vn.hocso.xapi.statements.storage;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.xapi.statements.entity.AttachmentData;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;

/** Statement storage: writes in one transaction, reads by id and by query. */
public interface StatementStore {

  /**
   * Stores new statements in one transaction, committed when this returns; voids the targets of
   * voiding statements among them, and marks voided those a stored voiding statement targets.
   *
   * @throws DuplicateStatementException if one of the ids was stored meanwhile
   */
  default void storeAll(List<Statement> statements) {
    storeAll(statements, List.of());
  }

  /**
   * Stores new statements and the attachment data they came with in one transaction; attachment
   * data already stored under its hash is kept as it is (stored once per hash).
   */
  void storeAll(List<Statement> statements, Collection<AttachmentData> attachments);

  /** The stored attachment data among these hashes (lower case), by hash. */
  Map<String, AttachmentData> attachments(Collection<String> sha2s);

  Optional<StoredStatement> find(String statementId);

  /** The stored statements among these ids, by id; one round trip where the store allows it. */
  default Map<String, StoredStatement> findAll(Collection<String> statementIds) {
    var found = new HashMap<String, StoredStatement>();
    for (var id : statementIds) {
      find(id).ifPresent(statement -> found.put(id, statement));
    }
    return found;
  }

  /** Up to {@code query.limit() + 1} statements, so the caller knows whether there are more. */
  List<StoredStatement> query(StatementQuery query);
}
