package vn.hocso.xapi.statements.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import vn.hocso.xapi.activities.storage.JdbcActivityStore;
import vn.hocso.xapi.outbox.storage.JdbcOutbox;
import vn.hocso.xapi.statements.entity.AttachmentData;
import vn.hocso.xapi.statements.entity.Statement;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;

/**
 * Statements in plain JDBC. Only portable SQL (no LIMIT: {@code setMaxRows}; no sequences: keys
 * come from the statements), so one implementation serves H2 2.x and MySQL/MariaDB.
 */
public class JdbcStatementStore implements StatementStore {

  private static final String COLUMNS =
      "s.statement_id, s.stored_micros, s.statement_json, s.voided, s.voiding_target";

  private final DataSource dataSource;
  private final boolean streamed;

  /** A store that writes no outbox rows: no statement stream is configured. */
  public JdbcStatementStore(DataSource dataSource) {
    this(dataSource, false);
  }

  /**
   * @param streamed whether each stored statement also gets an outbox row for the statement stream,
   *     in the same transaction
   */
  public JdbcStatementStore(DataSource dataSource, boolean streamed) {
    this.dataSource = dataSource;
    this.streamed = streamed;
  }

  /** How often a transaction the database chose as a deadlock victim is tried again. */
  private static final int DEADLOCK_RETRIES = 5;

  @Override
  public void storeAll(List<Statement> statements, Collection<AttachmentData> attachments) {
    for (int attempt = 1; ; attempt++) {
      try {
        storeOnce(statements, attachments);
        return;
      } catch (DeadlockException e) {
        if (attempt == DEADLOCK_RETRIES) {
          throw new IllegalStateException("Could not store statements: repeated deadlocks", e);
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while storing statements", interrupted);
        }
      }
    }
  }

  private void storeOnce(List<Statement> statements, Collection<AttachmentData> attachments) {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insertAttachments(connection, attachments, statements);
        insert(connection, statements);
        if (streamed) {
          JdbcOutbox.append(connection, statements);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      var state = e.getSQLState();
      if (state != null && state.startsWith("40")) {
        // Deadlock or serialisation failure: the whole transaction was rolled back; try again.
        throw new DeadlockException(e);
      }
      if (state != null && state.startsWith("23")) {
        throw new DuplicateStatementException("A statement id was stored concurrently", e);
      }
      throw new IllegalStateException("Could not store statements", e);
    }
  }

  /** The database rolled the transaction back to break a deadlock. */
  private static final class DeadlockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlockException(SQLException cause) {
      super(cause);
    }
  }

  /**
   * Stores attachment data not stored yet: once per hash (a concurrent insert of the same hash
   * fails the transaction as a duplicate, and the caller's retry then finds it stored).
   */
  private static void insertAttachments(
      Connection connection, Collection<AttachmentData> attachments, List<Statement> statements)
      throws SQLException {
    if (attachments.isEmpty()) {
      return;
    }
    var known =
        attachmentsIn(connection, attachments.stream().map(AttachmentData::sha2).toList(), false);
    var micros = statements.isEmpty() ? 0L : statements.get(statements.size() - 1).storedMicros();
    try (var insert =
        connection.prepareStatement(
            "insert into lrs_attachment (sha2, content_type, content_length, content,"
                + " stored_micros) values (?, ?, ?, ?, ?)")) {
      var added = new java.util.HashSet<String>();
      for (var attachment : attachments) {
        if (known.containsKey(attachment.sha2()) || !added.add(attachment.sha2())) {
          continue;
        }
        insert.setString(1, attachment.sha2());
        insert.setString(2, attachment.contentType());
        insert.setLong(3, attachment.content().length);
        insert.setBytes(4, attachment.content());
        insert.setLong(5, micros);
        insert.addBatch();
      }
      if (!added.isEmpty()) {
        insert.executeBatch();
      }
    }
  }

  @Override
  public Map<String, AttachmentData> attachments(Collection<String> sha2s) {
    if (sha2s.isEmpty()) {
      return Map.of();
    }
    try (var connection = dataSource.getConnection()) {
      return attachmentsIn(connection, List.copyOf(new java.util.LinkedHashSet<>(sha2s)), true);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read attachments", e);
    }
  }

  /** The stored attachments among these hashes, by hash; their content only if asked for. */
  private static Map<String, AttachmentData> attachmentsIn(
      Connection connection, List<String> sha2s, boolean withContent) throws SQLException {
    var found = new HashMap<String, AttachmentData>();
    for (int from = 0; from < sha2s.size(); from += IN_CHUNK) {
      var chunk = sha2s.subList(from, Math.min(sha2s.size(), from + IN_CHUNK));
      try (var select =
          connection.prepareStatement(
              "select sha2, content_type"
                  + (withContent ? ", content" : "")
                  + " from lrs_attachment where sha2 in ("
                  + placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (var rows = select.executeQuery()) {
          while (rows.next()) {
            found.put(
                rows.getString(1),
                new AttachmentData(
                    rows.getString(1),
                    rows.getString(2),
                    withContent ? rows.getBytes(3) : new byte[0]));
          }
        }
      }
    }
    return found;
  }

  private static void insert(Connection connection, List<Statement> statements)
      throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    try (var insert =
            connection.prepareStatement(
                "insert into lrs_statement (statement_id, stored_micros, verb_hash,"
                    + " registration, voiding_target, voided, authority_key, statement_json,"
                    + " statement_ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        var agents =
            connection.prepareStatement(
                "insert into lrs_statement_agent (statement_id, agent_hash, direct) values (?, ?,"
                    + " ?)");
        var activities =
            connection.prepareStatement(
                "insert into lrs_statement_activity (statement_id, activity_hash, direct) values"
                    + " (?, ?, ?)");
        var voidTarget =
            connection.prepareStatement(
                "update lrs_statement set voided = true where statement_id = ? and voiding_target"
                    + " is null")) {
      // A voiding statement may arrive before its target (xAPI 2.0 Part 2 §2.3.2): one query
      // finds which of these statements are already targeted.
      var targeted = targetedAmong(connection, statements);
      for (var statement : statements) {
        insert.setString(1, statement.id());
        insert.setLong(2, statement.storedMicros());
        insert.setString(3, statement.verbKey());
        insert.setString(4, statement.registration().orElse(null));
        insert.setString(5, statement.voidingTarget().orElse(null));
        insert.setBoolean(6, !statement.isVoiding() && targeted.contains(statement.id()));
        insert.setString(7, statement.authorityKey());
        insert.setString(8, statement.json().toString());
        insert.setString(9, statement.statementRef().orElse(null));
        insert.addBatch();
        addRelations(agents, statement.id(), statement.directAgents(), true);
        addRelations(agents, statement.id(), statement.relatedAgents(), false);
        addRelations(activities, statement.id(), statement.directActivities(), true);
        addRelations(activities, statement.id(), statement.relatedActivities(), false);
      }
      insert.executeBatch();
      for (var statement : statements) {
        if (statement.voidingTarget().isPresent()) {
          voidTarget.setString(1, statement.voidingTarget().get());
          voidTarget.executeUpdate();
        }
      }
      agents.executeBatch();
      activities.executeBatch();
    }
    var defined = new ArrayList<jakarta.json.JsonObject>();
    statements.forEach(statement -> defined.addAll(statement.definedActivities()));
    if (!defined.isEmpty()) {
      JdbcActivityStore.record(
          connection, defined, statements.get(statements.size() - 1).storedMicros());
    }
  }

  /** Which of these statements a stored voiding statement already targets. */
  private static java.util.Set<String> targetedAmong(
      Connection connection, List<Statement> statements) throws SQLException {
    var ids = statements.stream().filter(s -> !s.isVoiding()).map(Statement::id).toList();
    var targeted = new java.util.HashSet<String>();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      try (var select =
          connection.prepareStatement(
              "select voiding_target from lrs_statement where voiding_target in ("
                  + placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (var rows = select.executeQuery()) {
          while (rows.next()) {
            targeted.add(rows.getString(1));
          }
        }
      }
    }
    return targeted;
  }

  private static void addRelations(
      PreparedStatement insert, String statementId, Iterable<String> keys, boolean direct)
      throws SQLException {
    for (var key : keys) {
      insert.setString(1, statementId);
      insert.setString(2, key);
      insert.setBoolean(3, direct);
      insert.addBatch();
    }
  }

  @Override
  public Optional<StoredStatement> find(String statementId) {
    try (var connection = dataSource.getConnection();
        var select =
            connection.prepareStatement(
                "select " + COLUMNS + " from lrs_statement s where s.statement_id = ?")) {
      select.setString(1, statementId);
      try (var rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read statement " + statementId, e);
    }
  }

  @Override
  public Map<String, StoredStatement> findAll(Collection<String> statementIds) {
    var found = new HashMap<String, StoredStatement>();
    if (statementIds.isEmpty()) {
      return found;
    }
    var ids = new ArrayList<>(new java.util.LinkedHashSet<>(statementIds));
    try (var connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += IN_CHUNK) {
        var chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
        try (var select =
            connection.prepareStatement(
                "select "
                    + COLUMNS
                    + " from lrs_statement s where s.statement_id in ("
                    + placeholders(chunk.size())
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 1, chunk.get(i));
          }
          try (var rows = select.executeQuery()) {
            while (rows.next()) {
              var statement = read(rows);
              found.put(rows.getString("statement_id"), statement);
            }
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read statements", e);
    }
  }

  /** Ids per IN list: well below every database's parameter limit. */
  private static final int IN_CHUNK = 500;

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /**
   * The statements matching the query's filters, and, when it filters on more than time, also those
   * whose StatementRef object points at a statement matching the filters, voided or not (xAPI 2.0
   * Part 3 §2.1.3, "Filter Conditions for StatementRefs"; one level of reference). Time, order,
   * limit and voided apply to the returned statements themselves. Two indexed queries merged in
   * (stored, id) order keep the common case as fast as a single one.
   */
  @Override
  public List<StoredStatement> query(StatementQuery query) {
    var direct = new StringBuilder("select ").append(COLUMNS).append(" from lrs_statement s");
    var directParameters = new ArrayList<Object>();
    window(query, direct, directParameters);
    filters(query, "s", direct, directParameters);
    order(query, direct);
    var page = run(direct.toString(), directParameters, query.limit());
    if (!hasFilters(query)) {
      return page;
    }
    var referring =
        new StringBuilder("select ")
            .append(COLUMNS)
            .append(
                " from lrs_statement s join lrs_statement r on r.statement_id ="
                    + " s.statement_ref");
    var referringParameters = new ArrayList<Object>();
    window(query, referring, referringParameters);
    filters(query, "r", referring, referringParameters);
    order(query, referring);
    var references = run(referring.toString(), referringParameters, query.limit());
    if (references.isEmpty()) {
      return page;
    }
    var merged =
        new java.util.TreeMap<StatementQuery.Position, StoredStatement>(
            query.ascending() ? POSITION_ORDER : POSITION_ORDER.reversed());
    for (var statement : page) {
      merged.put(new StatementQuery.Position(statement.storedMicros(), statement.id()), statement);
    }
    for (var statement : references) {
      merged.put(new StatementQuery.Position(statement.storedMicros(), statement.id()), statement);
    }
    return merged.values().stream().limit(query.limit() + 1L).toList();
  }

  private static final java.util.Comparator<StatementQuery.Position> POSITION_ORDER =
      java.util.Comparator.comparingLong(StatementQuery.Position::storedMicros)
          .thenComparing(StatementQuery.Position::id);

  private static boolean hasFilters(StatementQuery query) {
    return query.verbKey().isPresent()
        || query.registration().isPresent()
        || query.agentKey().isPresent()
        || query.activityKey().isPresent();
  }

  /** What applies to the returned statements themselves: not voided, time, page, authority. */
  private static void window(StatementQuery query, StringBuilder sql, List<Object> parameters) {
    sql.append(" where s.voided = false and s.stored_micros <= ?");
    parameters.add(query.upperMicros());
    query
        .sinceMicros()
        .ifPresent(
            since -> {
              sql.append(" and s.stored_micros > ?");
              parameters.add(since);
            });
    query
        .onlyAuthorityKey()
        .ifPresent(
            authority -> {
              sql.append(" and s.authority_key = ?");
              parameters.add(authority);
            });
    var comparison = query.ascending() ? ">" : "<";
    query
        .after()
        .ifPresent(
            position -> {
              sql.append(" and (s.stored_micros ")
                  .append(comparison)
                  .append(" ? or (s.stored_micros = ?" + " and s.statement_id ")
                  .append(comparison)
                  .append(" ?))");
              parameters.add(position.storedMicros());
              parameters.add(position.storedMicros());
              parameters.add(position.id());
            });
  }

  /** The filters on what a statement says, on the statement aliased {@code alias}. */
  private static void filters(
      StatementQuery query, String alias, StringBuilder sql, List<Object> parameters) {
    query
        .verbKey()
        .ifPresent(
            verb -> {
              sql.append(" and ").append(alias).append(".verb_hash = ?");
              parameters.add(verb);
            });
    query
        .registration()
        .ifPresent(
            registration -> {
              sql.append(" and ").append(alias).append(".registration = ?");
              parameters.add(registration);
            });
    query
        .agentKey()
        .ifPresent(
            agent -> {
              sql.append(" and exists (select 1 from lrs_statement_agent a where a.statement_id = ")
                  .append(alias)
                  .append(".statement_id and a.agent_hash = ?");
              parameters.add(agent);
              sql.append(query.relatedAgents() ? ")" : " and a.direct = true)");
            });
    query
        .activityKey()
        .ifPresent(
            activity -> {
              sql.append(
                      " and exists (select 1 from lrs_statement_activity t where t.statement_id = ")
                  .append(alias)
                  .append(".statement_id and t.activity_hash = ?");
              parameters.add(activity);
              sql.append(query.relatedActivities() ? ")" : " and t.direct = true)");
            });
  }

  private static void order(StatementQuery query, StringBuilder sql) {
    var direction = query.ascending() ? " asc" : " desc";
    sql.append(" order by s.stored_micros")
        .append(direction)
        .append(", s.statement_id")
        .append(direction);
  }

  private List<StoredStatement> run(String sql, List<Object> parameters, int limit) {
    try (var connection = dataSource.getConnection();
        var select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      select.setMaxRows(limit + 1);
      var page = new ArrayList<StoredStatement>();
      try (var rows = select.executeQuery()) {
        while (rows.next() && page.size() <= limit) {
          page.add(read(rows));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not query statements", e);
    }
  }

  private static StoredStatement read(ResultSet rows) throws SQLException {
    return new StoredStatement(
        rows.getString(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getBoolean(4),
        rows.getString(5) != null);
  }
}
