package vn.hocso.xapi.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;
import vn.hocso.xapi.statements.storage.DuplicateStatementException;
import vn.hocso.xapi.statements.storage.StatementStore;
import vn.hocso.xapi.validation.InvalidStatementException;
import vn.hocso.xapi.validation.StatementValidator;
import vn.hocso.xapi.version.XapiVersion;

/**
 * Records and reads statements: validates, applies the conflict and voiding rules, completes what
 * the LRS sets and stores, committed before it returns (xAPI 2.0 Part 3 §2.1.1–2.1.3).
 */
@ApplicationScoped
public class StatementService {

  private static final String VOIDING = "xAPI 2.0 Part 2 §2.3.2";

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
    record(List.of(withId), version, client);
  }

  /**
   * Records one statement or a batch, all or nothing (xAPI 2.0 Part 3 §2.1.2); returns their ids in
   * order. A statement already stored under its id is accepted once more if it is the same, and
   * refused with 409 if it is not.
   */
  public List<String> record(List<JsonValue> submitted, XapiVersion version, LrsClient client) {
    client.requireStatementWrite();
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
      requireAttachmentData(statement, submitted.size() == 1 ? "" : "[" + i + "].");
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
    try {
      return storeNew(statements, version, client);
    } catch (DuplicateStatementException raced) {
      return storeNew(statements, version, client); // now the existing one is seen and compared
    }
  }

  private List<String> storeNew(
      List<JsonObject> statements, XapiVersion version, LrsClient client) {
    var fresh = new ArrayList<JsonObject>();
    var ids = new ArrayList<String>();
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
      return idsOf(statements);
    }
    long first = clock.reserve(fresh.size());
    try {
      var accepted = new ArrayList<Statement>();
      for (int i = 0; i < fresh.size(); i++) {
        accepted.add(
            Statement.accept(
                fresh.get(i), first + i, client.authority(), version.text(), client.key()));
      }
      store.storeAll(accepted);
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
   * Attachments without a fileUrl need their data in a multipart/mixed request, which this LRS does
   * not take yet (xAPI 2.0 Part 3 §1.5.2).
   */
  private static void requireAttachmentData(JsonObject statement, String prefix) {
    if (statement.get("attachments") instanceof JsonArray attachments) {
      for (int i = 0; i < attachments.size(); i++) {
        if (!attachments.getJsonObject(i).containsKey("fileUrl")) {
          throw new InvalidStatementException(
              prefix + "attachments[" + i + "].fileUrl",
              "attachment-data-present",
              "an attachment without fileUrl needs its data in a multipart/mixed request",
              "xAPI 2.0 Part 3 §1.5.2");
        }
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

  /** Whether the client reads only its own statements (statements/read/mine). */
  public boolean readsOnlyOwn(LrsClient client) {
    return client.requireStatementRead();
  }
}
