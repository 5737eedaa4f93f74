package vn.hocso.xapi.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.statements.entity.AttachmentData;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;
import vn.hocso.xapi.statements.storage.DuplicateStatementException;
import vn.hocso.xapi.statements.storage.StatementStore;
import vn.hocso.xapi.validation.InvalidStatementException;
import vn.hocso.xapi.validation.StatementSignature;
import vn.hocso.xapi.validation.StatementValidator;
import vn.hocso.xapi.version.XapiVersion;

/**
 * Records and reads statements: validates, applies the conflict and voiding rules, completes what
 * the LRS sets and stores, committed before it returns (xAPI 2.0 Part 3 §2.1.1–2.1.3).
 */
@ApplicationScoped
public class StatementService {

  private static final String VOIDING = "xAPI 2.0 Part 2 §2.3.2";
  private static final String ATTACHMENTS = "xAPI 2.0 Part 3 §1.5.2";

  @Inject StatementStore store;
  @Inject StoredClock clock;

  /** For CDI. */
  public StatementService() {}

  public StatementService(StatementStore store, StoredClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records a statement under the id of a PUT (xAPI 2.0 Part 3 §2.1.1): the body's id, if any, must
   * be that id.
   */
  public void recordWithId(
      JsonValue body, String statementId, XapiVersion version, LrsClient client) {
    recordWithId(body, List.of(), statementId, version, client);
  }

  /** As {@link #recordWithId(JsonValue, String, XapiVersion, LrsClient)}, with attachment data. */
  public void recordWithId(
      JsonValue body,
      List<AttachmentData> attachments,
      String statementId,
      XapiVersion version,
      LrsClient client) {
    if (!(body instanceof JsonObject statement)) {
      throw new InvalidStatementException(
          "statement", "is-object", "a PUT carries one statement object", "xAPI 2.0 Part 3 §2.1.1");
    }
    if (statement.get("id") instanceof JsonString id
        && !id.getString().equalsIgnoreCase(statementId)) {
      throw new InvalidStatementException(
          "id",
          "id-matches-parameter",
          "differs from the statementId parameter",
          "xAPI 2.0 Part 3 §2.1.1");
    }
    var withId =
        statement.containsKey("id")
            ? statement
            : Json.createObjectBuilder(statement).add("id", statementId).build();
    record(List.of(withId), attachments, version, client);
  }

  /**
   * Records one statement or a batch, all or nothing (xAPI 2.0 Part 3 §2.1.2); returns their ids in
   * order. A statement already stored under its id is accepted once more if it is the same, and
   * refused with 409 if it is not.
   */
  public List<String> record(List<JsonValue> submitted, XapiVersion version, LrsClient client) {
    return record(submitted, List.of(), version, client);
  }

  /**
   * Records statements sent with the data of their attachments (multipart/mixed, xAPI 2.0 Part 3
   * §1.5.2): every part must be the data of an attachment of these statements, with the hash it
   * claims; every attachment without a fileUrl needs its part; signatures must verify (xAPI 2.0
   * Part 2 §2.6). The data is stored once per hash, in the statements' transaction.
   */
  public List<String> record(
      List<JsonValue> submitted,
      List<AttachmentData> attachments,
      XapiVersion version,
      LrsClient client) {
    client.requireStatementWrite();
    var data = new java.util.LinkedHashMap<String, AttachmentData>();
    for (int i = 0; i < attachments.size(); i++) {
      var part = attachments.get(i);
      if (!part.hashMatches()) {
        throw new InvalidStatementException(
            "part[" + (i + 1) + "].X-Experience-API-Hash",
            "attachment-hash-matches",
            "is not the SHA-2 hash of the part's data",
            ATTACHMENTS);
      }
      data.put(part.sha2(), part);
    }
    var validator = new StatementValidator(version);
    var statements = new ArrayList<JsonObject>();
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < submitted.size(); i++) {
      try {
        validator.validate(submitted.get(i));
      } catch (InvalidStatementException e) {
        throw submitted.size() == 1 ? e : e.inBatchAt(i);
      }
      var statement = submitted.get(i).asJsonObject();
      requireAttachmentData(statement, submitted.size() == 1 ? "" : "[" + i + "].", data);
      if (statement.get("id") instanceof JsonString id) {
        var previous = seen.put(id.getString().toLowerCase(Locale.ROOT), i);
        if (previous != null) {
          throw new InvalidStatementException(
              "[" + i + "].id",
              "batch-ids-unique",
              "repeats the id of statement " + previous,
              "xAPI 2.0 Part 3 §2.1.2");
        }
      }
      statements.add(statement);
    }
    requireEveryPartUsed(statements, data);
    var parts = List.copyOf(data.values());
    var stored = storeOptimistically(statements, parts, version, client);
    if (stored.isPresent()) {
      return stored.get();
    }
    try {
      return storeNew(statements, parts, version, client);
    } catch (DuplicateStatementException raced) {
      // now the existing statement or attachment is seen and compared
      return storeNew(statements, parts, version, client);
    }
  }

  /**
   * The usual case without a look-up: none of these statements is stored yet. If one is (a client
   * re-sending a batch, or a different statement under a used id), the unique index on the
   * statement id refuses the insert, the transaction rolls back whole, and the caller takes the
   * careful way ({@link #storeNew}): look up, compare, accept the same again or answer 409. So does
   * a batch the voiding rules refuse, so that errors come in the same order as on the careful way.
   * The profile of the ingest benchmark showed the look-up (its own connection and query) at 6–8 %
   * of the POST path.
   */
  private Optional<List<String>> storeOptimistically(
      List<JsonObject> statements,
      List<AttachmentData> attachments,
      XapiVersion version,
      LrsClient client) {
    try {
      requireVoidableTargets(statements);
    } catch (InvalidStatementException refused) {
      return Optional.empty();
    }
    try {
      return Optional.of(storeFresh(statements, statements, attachments, version, client));
    } catch (DuplicateStatementException stored) {
      return Optional.empty();
    }
  }

  /**
   * A part that is no attachment of these statements is an excess part (xAPI 2.0 Part 3 §1.5.2).
   */
  private static void requireEveryPartUsed(
      List<JsonObject> statements, Map<String, AttachmentData> data) {
    var declared = new java.util.HashSet<String>();
    for (var statement : statements) {
      if (statement.get("attachments") instanceof JsonArray list) {
        for (var attachment : list) {
          declared.add(attachment.asJsonObject().getString("sha2").toLowerCase(Locale.ROOT));
        }
      }
    }
    for (var sha2 : data.keySet()) {
      if (!declared.contains(sha2)) {
        throw new InvalidStatementException(
            "attachments",
            "attachment-part-declared",
            "no attachment has the sha2 " + sha2 + " of a part sent with the statements",
            ATTACHMENTS);
      }
    }
  }

  private List<String> storeNew(
      List<JsonObject> statements,
      List<AttachmentData> attachments,
      XapiVersion version,
      LrsClient client) {
    var fresh = new ArrayList<JsonObject>();
    // One look-up for the whole batch: statements with client-made ids may be re-sent.
    var stored =
        store.findAll(
            statements.stream()
                .filter(statement -> statement.get("id") instanceof JsonString)
                .map(statement -> statement.getString("id").toLowerCase(Locale.ROOT))
                .toList());
    for (var statement : statements) {
      if (statement.get("id") instanceof JsonString id) {
        var existing = Optional.ofNullable(stored.get(id.getString().toLowerCase(Locale.ROOT)));
        if (existing.isPresent()) {
          if (!restore(existing.get()).isSameAs(statement)) {
            throw new ConflictException(
                "id",
                "statement-id-unique",
                "A different statement is already stored with id "
                    + id.getString()
                    + " (xAPI 2.0 Part 3 §2.1.2)");
          }
          continue; // the same statement again: accepted, not stored twice
        }
      }
      fresh.add(statement);
    }
    requireVoidableTargets(fresh);
    if (fresh.isEmpty()) {
      if (!attachments.isEmpty()) {
        store.storeAll(List.of(), attachments); // e.g. the data of a fileUrl attachment, later
      }
      return idsOf(statements);
    }
    return storeFresh(statements, fresh, attachments, version, client);
  }

  /**
   * Stores the statements of the batch not stored yet ({@code fresh}), committed before it returns;
   * answers the ids of the whole batch, in order.
   */
  private List<String> storeFresh(
      List<JsonObject> statements,
      List<JsonObject> fresh,
      List<AttachmentData> attachments,
      XapiVersion version,
      LrsClient client) {
    var ids = new ArrayList<String>();
    long first = clock.reserve(fresh.size());
    try {
      var accepted = new ArrayList<Statement>();
      for (int i = 0; i < fresh.size(); i++) {
        accepted.add(
            Statement.accept(
                fresh.get(i), first + i, client.authority(), version.text(), client.key()));
      }
      store.storeAll(accepted, attachments);
      var generated =
          new IdentityHashMap<JsonObject, String>(); // equal statements may differ only by id
      for (int i = 0; i < fresh.size(); i++) {
        generated.put(fresh.get(i), accepted.get(i).json().getString("id"));
      }
      for (var statement : statements) {
        ids.add(
            statement.get("id") instanceof JsonString id
                ? id.getString()
                : generated.get(statement));
      }
      return ids;
    } finally {
      clock.release(first);
    }
  }

  private static List<String> idsOf(List<JsonObject> statements) {
    return statements.stream().map(statement -> statement.getString("id")).toList();
  }

  /** A voiding statement cannot void another voiding statement (xAPI 2.0 Part 2 §2.3.2). */
  private void requireVoidableTargets(List<JsonObject> statements) {
    for (var statement : statements) {
      if (!StatementValidator.VOIDED_VERB.equals(statement.getJsonObject("verb").getString("id"))) {
        continue;
      }
      var target = statement.getJsonObject("object").getString("id").toLowerCase(Locale.ROOT);
      var voidingInBatch =
          statements.stream()
              .anyMatch(
                  other ->
                      other.get("id") instanceof JsonString id
                          && id.getString().equalsIgnoreCase(target)
                          && StatementValidator.VOIDED_VERB.equals(
                              other.getJsonObject("verb").getString("id")));
      if (voidingInBatch || store.find(target).map(StoredStatement::voiding).orElse(false)) {
        throw new InvalidStatementException(
            "object.id",
            "voiding-target-not-voiding",
            "a voiding statement cannot be voided",
            VOIDING);
      }
    }
  }

  /**
   * An attachment without a fileUrl needs its data in a part of the request (xAPI 2.0 Part 3
   * §1.5.2); a signature needs its data to be checked, and must be application/octet-stream (xAPI
   * 2.0 Part 2 §2.6).
   */
  private static void requireAttachmentData(
      JsonObject statement, String prefix, Map<String, AttachmentData> data) {
    if (!(statement.get("attachments") instanceof JsonArray attachments)) {
      return;
    }
    for (int i = 0; i < attachments.size(); i++) {
      var attachment = attachments.getJsonObject(i);
      var path = prefix + "attachments[" + i + "]";
      var part = data.get(attachment.getString("sha2").toLowerCase(Locale.ROOT));
      var signature = StatementSignature.isSignature(attachment);
      if (part == null && (signature || !attachment.containsKey("fileUrl"))) {
        throw new InvalidStatementException(
            path + ".sha2",
            "attachment-data-present",
            "no part of the request has this hash; an attachment without fileUrl (and every"
                + " signature) needs its data in a multipart/mixed request",
            ATTACHMENTS);
      }
      if (signature) {
        if (!StatementSignature.CONTENT_TYPE.equals(attachment.getString("contentType"))) {
          throw new InvalidStatementException(
              path + ".contentType",
              "signature-content-type",
              "a signature is application/octet-stream",
              "xAPI 2.0 Part 2 §2.6");
        }
        StatementSignature.verify(statement, path, part.content());
      }
    }
  }

  private static Statement restore(StoredStatement stored) {
    try (var reader = Json.createReader(new java.io.StringReader(stored.json()))) {
      return Statement.restore(reader.readObject(), stored.storedMicros(), "");
    }
  }

  /**
   * The statement with this id (xAPI 2.0 Part 3 §2.1.3): voided ones only through
   * voidedStatementId, the others only through statementId.
   */
  public Optional<StoredStatement> find(String statementId, boolean voided, LrsClient client) {
    var mineOnly = client.requireStatementRead();
    return store
        .find(statementId.toLowerCase(Locale.ROOT))
        .filter(statement -> statement.voided() == voided)
        .filter(statement -> !mineOnly || isMine(statement, client));
  }

  private static boolean isMine(StoredStatement statement, LrsClient client) {
    try (var reader = Json.createReader(new java.io.StringReader(statement.json()))) {
      return client.authority().equals(reader.readObject().get("authority"));
    }
  }

  /** One page of a query: up to limit + 1 statements, so the caller can tell if there are more. */
  public List<StoredStatement> query(StatementQuery query) {
    return store.query(query);
  }

  /**
   * The stored data of the attachments these statements declare, once per hash, in the order the
   * statements declare them (for GET with attachments=true, xAPI 2.0 Part 3 §2.1.3).
   */
  public List<AttachmentData> attachmentsOf(List<String> statementJsons) {
    var hashes = new java.util.LinkedHashSet<String>();
    for (var json : statementJsons) {
      try (var reader = Json.createReader(new java.io.StringReader(json))) {
        if (reader.readObject().get("attachments") instanceof JsonArray list) {
          for (var attachment : list) {
            hashes.add(attachment.asJsonObject().getString("sha2").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    var stored = store.attachments(hashes);
    return hashes.stream().filter(stored::containsKey).map(stored::get).toList();
  }

  /** Whether the client reads only its own statements (statements/read/mine). */
  public boolean readsOnlyOwn(LrsClient client) {
    return client.requireStatementRead();
  }
}
