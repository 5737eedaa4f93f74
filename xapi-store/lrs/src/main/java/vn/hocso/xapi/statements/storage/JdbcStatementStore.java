package vn.hocso.xapi.statements.storage;

import java.sql.Connection;
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
    // A voiding statement may arrive before its target (xAPI 2.0 Part 2 §2.3.2): one query
    // finds which of these statements are already targeted.
    var targeted = targetedAmong(connection, statements);
    var rows = new ArrayList<Object[]>();
    var agents = new ArrayList<Object[]>();
    var activities = new ArrayList<Object[]>();
    for (var statement : statements) {
      rows.add(
          new Object[] {
            statement.id(),
            statement.storedMicros(),
            statement.verbKey(),
            statement.registration().orElse(null),
            statement.voidingTarget().orElse(null),
            !statement.isVoiding() && targeted.contains(statement.id()),
            statement.authorityKey(),
            statement.json().toString(),
            statement.statementRef().orElse(null)
          });
      relations(agents, statement, statement.directAgents(), true);
      relations(agents, statement, statement.relatedAgents(), false);
      relations(activities, statement, statement.directActivities(), true);
      relations(activities, statement, statement.relatedActivities(), false);
    }
    insertRows(
        connection,
        "lrs_statement (statement_id, stored_micros, verb_hash, registration, voiding_target,"
            + " voided, authority_key, statement_json, statement_ref)",
        rows);
    insertRows(
        connection,
        "lrs_statement_agent (agent_hash, stored_micros, statement_id, direct)",
        agents);
    insertRows(
        connection,
        "lrs_statement_activity (activity_hash, stored_micros, statement_id, direct)",
        activities);
    if (statements.stream().anyMatch(Statement::isVoiding)) {
      try (var voidTarget =
          connection.prepareStatement(
              "update lrs_statement set voided = true where statement_id = ? and voiding_target"
                  + " is null")) {
        for (var statement : statements) {
          if (statement.voidingTarget().isPresent()) {
            voidTarget.setString(1, statement.voidingTarget().get());
            voidTarget.executeUpdate();
          }
        }
      }
    }
    var defined = new ArrayList<jakarta.json.JsonObject>();
    statements.forEach(statement -> defined.addAll(statement.definedActivities()));
    if (!defined.isEmpty()) {
      JdbcActivityStore.record(
          connection, defined, statements.get(statements.size() - 1).storedMicros());
    }
  }

  /** Rows per multi-row INSERT: one round trip for a batch of 50 statements' rows. */
  private static final int ROWS_PER_INSERT = 100;

  /**
   * Inserts the rows with multi-row VALUES lists (plain SQL on H2 and MySQL/MariaDB), so a batch
   * costs one round trip per table, whatever batching options the JDBC driver was given.
   */
  static void insertRows(Connection connection, String tableAndColumns, List<Object[]> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.get(0).length;
    var row = "(" + placeholders(width) + ")";
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      var sql =
          new StringBuilder("insert into ")
              .append(tableAndColumns)
              .append(" values ")
              .append(String.join(", ", java.util.Collections.nCopies(chunk.size(), row)));
      try (var insert = connection.prepareStatement(sql.toString())) {
        int index = 1;
        for (var values : chunk) {
          for (var value : values) {
            if (value instanceof Boolean flag) {
              insert.setBoolean(index++, flag);
            } else if (value instanceof Long number) {
              insert.setLong(index++, number);
            } else {
              insert.setString(index++, (String) value);
            }
          }
        }
        insert.executeUpdate();
      }
    }
  }

  private static void relations(
      List<Object[]> into, Statement statement, Iterable<String> keys, boolean direct) {
    for (var key : keys) {
      into.add(new Object[] {key, statement.storedMicros(), statement.id(), direct});
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
   * whose StatementRef object points at a statement matching the filters, voided or not, through
   * any number of references (xAPI 2.0 Part 3 §2.1.3, "Filter Conditions for StatementRefs": "This
   * rule applies recursively"). Time, order, limit and voided apply to the returned statements
   * themselves. Two queries merged in (stored, id) order.
   */
  @Override
  public List<StoredStatement> query(StatementQuery query) {
    var page = direct(query);
    if (!hasFilters(query)) {
      return page;
    }
    var references = referring(query);
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

  /**
   * The statements matching the filters themselves. With an agent or activity filter the query
   * walks that key's relation rows in (stored, id) order, joined to their statements by the
   * statement table's primary key (stored, id), and stops after a page: its cost follows the page
   * size, not the number of statements stored or matching.
   */
  private List<StoredStatement> direct(StatementQuery query) {
    var sql = new StringBuilder("select ").append(COLUMNS);
    var parameters = new ArrayList<Object>();
    String order;
    if (query.agentKey().isPresent()) {
      sql.append(
          " from lrs_statement_agent d join lrs_statement s on s.stored_micros ="
              + " d.stored_micros and s.statement_id = d.statement_id where d.agent_hash = ?");
      parameters.add(query.agentKey().get());
      sql.append(query.relatedAgents() ? "" : " and d.direct = true");
      order = "d";
    } else if (query.activityKey().isPresent()) {
      sql.append(
          " from lrs_statement_activity d join lrs_statement s on s.stored_micros ="
              + " d.stored_micros and s.statement_id = d.statement_id where d.activity_hash = ?");
      parameters.add(query.activityKey().get());
      sql.append(query.relatedActivities() ? "" : " and d.direct = true");
      order = "d";
    } else {
      sql.append(" from lrs_statement s where 1 = 1");
      order = "s";
    }
    window(query, order, sql, parameters);
    statementFilters(query, "s", sql, parameters);
    if (query.agentKey().isPresent()) {
      activityFilter(query, "s", sql, parameters); // the agent drove; the activity is checked
    }
    order(query, order, sql);
    return run(sql.toString(), parameters, query.limit());
  }

  /**
   * The statements in the window whose StatementRef chain (one reference or more) reaches a
   * statement matching the filters. The chains start from the statements that have a reference at
   * all (an index range), so this costs little while references are few among the statements; the
   * depth bound only stops reference cycles.
   */
  private List<StoredStatement> referring(StatementQuery query) {
    var sql =
        new StringBuilder(
            "with recursive refs (statement_id, target_id, depth) as (select s.statement_id,"
                + " s.statement_ref, 1 from lrs_statement s where s.statement_ref is not null");
    var parameters = new ArrayList<Object>();
    window(query, "s", sql, parameters);
    sql.append(
            " union all select refs.statement_id, t.statement_ref, refs.depth + 1 from refs join"
                + " lrs_statement t on t.statement_id = refs.target_id where t.statement_ref is"
                + " not null and refs.depth < ")
        .append(MAX_REFERENCE_DEPTH)
        .append(") select ")
        .append(COLUMNS)
        .append(
            " from lrs_statement s where s.statement_id in (select refs.statement_id from refs"
                + " join lrs_statement r on r.statement_id = refs.target_id where 1 = 1");
    statementFilters(query, "r", sql, parameters);
    agentFilter(query, "r", sql, parameters);
    activityFilter(query, "r", sql, parameters);
    sql.append(")");
    order(query, "s", sql);
    return run(sql.toString(), parameters, query.limit());
  }

  /** References followed at most: far beyond any real chain, and a bound on reference cycles. */
  private static final int MAX_REFERENCE_DEPTH = 32;

  private static final java.util.Comparator<StatementQuery.Position> POSITION_ORDER =
      java.util.Comparator.comparingLong(StatementQuery.Position::storedMicros)
          .thenComparing(StatementQuery.Position::id);

  private static boolean hasFilters(StatementQuery query) {
    return query.verbKey().isPresent()
        || query.registration().isPresent()
        || query.agentKey().isPresent()
        || query.activityKey().isPresent();
  }

  /**
   * What applies to the returned statements themselves: not voided, time, page, authority. Times
   * and the page position are read from {@code order}, the rows the query walks in order (the
   * statement's own or its relation rows, which carry the same stored time and id).
   */
  private static void window(
      StatementQuery query, String order, StringBuilder sql, List<Object> parameters) {
    sql.append(" and s.voided = false and ").append(order).append(".stored_micros <= ?");
    parameters.add(query.upperMicros());
    query
        .sinceMicros()
        .ifPresent(
            since -> {
              sql.append(" and ").append(order).append(".stored_micros > ?");
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
              sql.append(" and (")
                  .append(order)
                  .append(".stored_micros ")
                  .append(comparison)
                  .append(" ? or (")
                  .append(order)
                  .append(".stored_micros = ? and ")
                  .append(order)
                  .append(".statement_id ")
                  .append(comparison)
                  .append(" ?))");
              parameters.add(position.storedMicros());
              parameters.add(position.storedMicros());
              parameters.add(position.id());
            });
  }

  /** The filters on columns of the statement aliased {@code alias}: verb and registration. */
  private static void statementFilters(
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
  }

  /** The agent filter on the statement aliased {@code alias}: one primary-key look-up. */
  private static void agentFilter(
      StatementQuery query, String alias, StringBuilder sql, List<Object> parameters) {
    query
        .agentKey()
        .ifPresent(
            agent -> {
              sql.append(" and exists (select 1 from lrs_statement_agent a where a.agent_hash = ?")
                  .append(" and a.stored_micros = ")
                  .append(alias)
                  .append(".stored_micros and a.statement_id = ")
                  .append(alias)
                  .append(".statement_id")
                  .append(query.relatedAgents() ? ")" : " and a.direct = true)");
              parameters.add(agent);
            });
  }

  /** The activity filter on the statement aliased {@code alias}: one primary-key look-up. */
  private static void activityFilter(
      StatementQuery query, String alias, StringBuilder sql, List<Object> parameters) {
    query
        .activityKey()
        .ifPresent(
            activity -> {
              sql.append(
                      " and exists (select 1 from lrs_statement_activity t where t.activity_hash"
                          + " = ? and t.stored_micros = ")
                  .append(alias)
                  .append(".stored_micros and t.statement_id = ")
                  .append(alias)
                  .append(".statement_id")
                  .append(query.relatedActivities() ? ")" : " and t.direct = true)");
              parameters.add(activity);
            });
  }

  private static void order(StatementQuery query, String order, StringBuilder sql) {
    var direction = query.ascending() ? " asc" : " desc";
    sql.append(" order by ")
        .append(order)
        .append(".stored_micros")
        .append(direction)
        .append(", ")
        .append(order)
        .append(".statement_id")
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
