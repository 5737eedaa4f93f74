package vn.hocso.xapi.documents.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import vn.hocso.xapi.documents.entity.Document;
import vn.hocso.xapi.documents.entity.DocumentContext;

/** Documents in plain JDBC; the same SQL runs on H2 2.x and MySQL/MariaDB. */
public class JdbcDocumentStore implements DocumentStore {

  private final DataSource dataSource;

  public JdbcDocumentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Document> find(DocumentContext context, String documentId) {
    try (var connection = dataSource.getConnection();
        var select =
            connection.prepareStatement(
                "select content, content_type, etag, updated_micros from lrs_document where"
                    + " document_key = ?")) {
      select.setString(1, context.documentKey(documentId));
      try (var rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Document(rows.getBytes(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a document", e);
    }
  }

  @Override
  public boolean write(
      DocumentContext context,
      String documentId,
      Optional<String> expectedEtag,
      Document document) {
    var key = context.documentKey(documentId);
    try (var connection = dataSource.getConnection()) {
      if (expectedEtag.isPresent()) {
        try (var update =
            connection.prepareStatement(
                "update lrs_document set content = ?, content_type = ?, etag = ?, updated_micros"
                    + " = ? where document_key = ? and etag = ?")) {
          update.setBytes(1, document.content());
          update.setString(2, document.contentType());
          update.setString(3, document.etag());
          update.setLong(4, document.updatedMicros());
          update.setString(5, key);
          update.setString(6, expectedEtag.get());
          return update.executeUpdate() == 1;
        }
      }
      try (var insert =
          connection.prepareStatement(
              "insert into lrs_document (document_key, context_key, registration, document_id,"
                  + " content_type, etag, updated_micros, content) values (?, ?, ?, ?, ?, ?, ?,"
                  + " ?)")) {
        insert.setString(1, key);
        insert.setString(2, context.contextKey());
        insert.setString(3, context.registration().orElse(null));
        insert.setString(4, documentId);
        insert.setString(5, document.contentType());
        insert.setString(6, document.etag());
        insert.setLong(7, document.updatedMicros());
        insert.setBytes(8, document.content());
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return false; // created meanwhile
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store a document", e);
    }
  }

  @Override
  public boolean delete(DocumentContext context, String documentId, Optional<String> expectedEtag) {
    var sql =
        "delete from lrs_document where document_key = ?"
            + (expectedEtag.isPresent() ? " and etag = ?" : "");
    try (var connection = dataSource.getConnection();
        var delete = connection.prepareStatement(sql)) {
      delete.setString(1, context.documentKey(documentId));
      if (expectedEtag.isPresent()) {
        delete.setString(2, expectedEtag.get());
      }
      return delete.executeUpdate() == 1 || expectedEtag.isEmpty();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete a document", e);
    }
  }

  @Override
  public List<String> ids(DocumentContext context, OptionalLong sinceMicros) {
    var sql = new StringBuilder("select document_id from lrs_document where context_key = ?");
    var parameters = new ArrayList<Object>();
    parameters.add(context.contextKey());
    context
        .registration()
        .ifPresent(
            registration -> {
              sql.append(" and registration = ?");
              parameters.add(registration);
            });
    if (sinceMicros.isPresent()) {
      sql.append(" and updated_micros > ?");
      parameters.add(sinceMicros.getAsLong());
    }
    sql.append(" order by updated_micros, document_key");
    try (var connection = dataSource.getConnection();
        var select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      var ids = new ArrayList<String>();
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list documents", e);
    }
  }

  @Override
  public void deleteAll(DocumentContext context) {
    var sql =
        "delete from lrs_document where context_key = ?"
            + (context.registration().isPresent() ? " and registration = ?" : "");
    try (var connection = dataSource.getConnection();
        var delete = connection.prepareStatement(sql)) {
      delete.setString(1, context.contextKey());
      if (context.registration().isPresent()) {
        delete.setString(2, context.registration().get());
      }
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete documents", e);
    }
  }
}
