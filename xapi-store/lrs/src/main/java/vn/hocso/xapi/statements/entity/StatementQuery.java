package vn.hocso.xapi.statements.entity;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A statements query (xAPI 2.0 Part 3 §2.1.3) in the terms storage understands: index keys instead
 * of agents and IRIs, microseconds instead of timestamps, a fixed upper bound of {@code stored} so
 * that paging through {@code more} is stable while statements arrive, and the position after which
 * this page starts.
 */
public record StatementQuery(
    Optional<String> agentKey,
    boolean relatedAgents,
    Optional<String> verbKey,
    Optional<String> activityKey,
    boolean relatedActivities,
    Optional<String> registration,
    OptionalLong sinceMicros,
    OptionalLong untilMicros,
    int limit,
    boolean ascending,
    Optional<String> onlyAuthorityKey,
    long boundMicros,
    Optional<Position> after) {

  public StatementQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("A page holds at least one statement");
    }
  }

  /** A place in the order of stored statements: (stored, id) is unique. */
  public record Position(long storedMicros, String id) {}

  /** The highest {@code stored} this query may return: its until, but no later than its bound. */
  public long upperMicros() {
    return untilMicros.isPresent() ? Math.min(untilMicros.getAsLong(), boundMicros) : boundMicros;
  }
}
