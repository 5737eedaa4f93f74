package vn.hocso.xapi.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.TreeMap;
import vn.hocso.xapi.statements.entity.Timestamps;

/**
 * Hands out {@code stored} times: strictly increasing microseconds, so (stored, id) orders
 * statements as they were stored. It also knows which of them are still being written, and so the
 * latest time up to which every statement is committed: X-Experience-API-Consistent-Through (xAPI
 * 2.0 Part 3 §2.1.3). One clock per LRS process; a cluster would need a shared one.
 */
@ApplicationScoped
public class StoredClock {

  private long last;
  private final TreeMap<Long, Integer> inFlight = new TreeMap<>();

  /** Reserves {@code count} consecutive stored times; returns the first. Release it when done. */
  public synchronized long reserve(int count) {
    long first = Math.max(Timestamps.nowMicros(), last + 1);
    last = first + count - 1;
    inFlight.merge(first, 1, Integer::sum);
    return first;
  }

  /** The statements reserved at {@code first} are committed or abandoned. */
  public synchronized void release(long first) {
    inFlight.computeIfPresent(first, (key, count) -> count == 1 ? null : count - 1);
  }

  /** Every statement stored at or before this time is committed and visible to queries. */
  public synchronized long consistentThrough() {
    if (inFlight.isEmpty()) {
      last = Math.max(last, Timestamps.nowMicros()); // later reservations come after it
      return last;
    }
    return inFlight.firstKey() - 1;
  }
}
