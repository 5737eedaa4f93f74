package vn.hocso.xapi.stream;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How far a reader of the xAPI query transport has read: the {@code since} of its next query and
 * the statements stored after it that it has already seen.
 *
 * <p>{@code since} is exclusive (xAPI 2.0 Part 3 §2.1.3) and several statements may share one
 * {@code stored} time, so the reader keeps {@code since} a little behind the newest statement it
 * read and remembers the ids it has seen after it; those are skipped when they come again.
 *
 * @param since the {@code since} of the next query
 * @param seen the ids already read that were stored after {@code since}, with their stored time
 */
public record QueryStreamPosition(Instant since, Map<UUID, Instant> seen) {

  public QueryStreamPosition {
    Objects.requireNonNull(since, "since");
    seen = Map.copyOf(seen);
  }

  /** Before the first statement: the whole history is read. */
  public static QueryStreamPosition beginning() {
    return new QueryStreamPosition(Instant.EPOCH, Map.of());
  }
}
