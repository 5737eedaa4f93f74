package vn.hocso.xapi.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.hocso.xapi.client.StatementPage;
import vn.hocso.xapi.client.StatementQuery;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.XapiException;
import vn.hocso.xapi.client.model.Statement;

/**
 * Reads the statement stream through the standard statements query (xAPI 2.0 Part 3 §2.1.3): {@code
 * GET statements?since=…&ascending=true&format=exact}, following {@code more}. So it works against
 * any conformant LRS, ours without Kafka included. Its position (see {@link QueryStreamPosition})
 * is kept by a {@link QueryStreamPositionStore} and moves there on {@link #commit()}.
 *
 * <p>Three things make {@code since} safe to follow:
 *
 * <ul>
 *   <li>statements may share a {@code stored} time and {@code since} is exclusive, so {@code since}
 *       stays {@code overlap} behind what was read and ids already seen are skipped;
 *   <li>a statement may become visible after a later-stored one (its transaction committed later):
 *       nothing stored after the LRS's {@code X-Experience-API-Consistent-Through} is taken, and
 *       the overlap covers an LRS whose header is only approximate;
 *   <li>after reading everything up to the consistent-through time, the position moves up to it, so
 *       an idle reader does not read its last statements again and again.
 * </ul>
 *
 * <p>Unlike the Kafka transport, a statement voided before it is read is not delivered (queries
 * leave voided statements out, xAPI 2.0 Part 3 §2.1.3); its voiding statement is. The credentials
 * need the {@code statements/read} scope ({@code statements/read/mine} would show only the client's
 * own). One reader per position; not thread-safe.
 */
public final class XapiQueryStatementSubscriber implements StatementStreamSubscriber {

  /**
   * How the reader pages and waits.
   *
   * @param pageSize statements per request
   * @param overlap how far behind the newest statement read the next {@code since} stays
   * @param pollInterval the pause between queries while {@link #poll} waits for new statements
   */
  public record Settings(int pageSize, Duration overlap, Duration pollInterval) {

    public Settings {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
      }
      Objects.requireNonNull(overlap, "overlap");
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (overlap.isNegative() || pollInterval.isNegative()) {
        throw new IllegalArgumentException("overlap and pollInterval must not be negative");
      }
    }

    /** 500 statements per page, one second of overlap, a query every half second when idle. */
    public static Settings defaults() {
      return new Settings(500, Duration.ofSeconds(1), Duration.ofMillis(500));
    }
  }

  private final XapiClient client;
  private final QueryStreamPositionStore positions;
  private final Settings settings;
  private QueryStreamPosition read;

  /**
   * @param client a client whose credentials may read every statement
   * @param positions where the position is loaded from now and saved at each commit
   */
  public XapiQueryStatementSubscriber(
      XapiClient client, QueryStreamPositionStore positions, Settings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.positions = Objects.requireNonNull(positions, "positions");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.read = positions.load();
  }

  @Override
  public List<StreamedStatement> poll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      var batch = readNew();
      long left = deadline - System.nanoTime();
      if (!batch.isEmpty() || left <= 0) {
        return batch;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(settings.pollInterval().toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return batch;
      }
    }
  }

  /** One query (and its {@code more} pages, until something new turns up). */
  private List<StreamedStatement> readNew() {
    var query =
        StatementQuery.builder()
            .since(read.since())
            .ascending(true)
            .format(StatementQuery.Format.EXACT)
            .limit(settings.pageSize())
            .build();
    var fresh = new ArrayList<StreamedStatement>();
    var seen = new HashMap<>(read.seen());
    Instant newest = read.since();
    Instant consistentThrough;
    boolean readToTheEnd;
    try {
      StatementPage page = client.queryStatements(query);
      // Our LRS bounds every page of a query by the first page's time; another may not say.
      consistentThrough = page.consistentThrough();
      while (true) {
        boolean pastConsistent = false;
        for (Statement statement : page.statements()) {
          Instant stored = statement.storedInstant();
          if (stored == null) {
            throw new StatementStreamUnavailableException(
                "The LRS returned statement " + statement.id() + " without a stored time", null);
          }
          if (consistentThrough != null && stored.isAfter(consistentThrough)) {
            pastConsistent = true; // ascending: the rest of the page is later still
            break;
          }
          if (seen.putIfAbsent(statement.id(), stored) == null) {
            fresh.add(streamed(statement));
          }
          if (stored.isAfter(newest)) {
            newest = stored;
          }
        }
        readToTheEnd = !pastConsistent && !page.hasMore();
        if (pastConsistent || !page.hasMore() || fresh.size() >= settings.pageSize()) {
          break;
        }
        page = client.nextPage(page);
      }
      if (readToTheEnd && consistentThrough != null && !consistentThrough.isBefore(newest)) {
        // Everything stored up to it is visible and was read: nothing can still arrive at or
        // before it, so the position may move up to it.
        read = advance(seen, consistentThrough, settings.overlap());
        return fresh;
      }
    } catch (XapiException e) {
      throw new StatementStreamUnavailableException(
          "Could not read the statement stream from " + client.endpoint() + ": " + e.getMessage(),
          e);
    }
    // More statements may share the newest stored time: since (exclusive) stays below it.
    var justBelow = max(settings.overlap(), Duration.ofNanos(1000));
    if (consistentThrough != null
        && !newest.isAfter(consistentThrough.minus(settings.overlap()).plusNanos(1000))) {
      // Still more than the overlap behind the consistent-through time (a backlog, read a page
      // at a time): what was stored before the newest statement read is all visible and read
      // already, so the next query starts just below it. Keeping the whole overlap behind it
      // would read the overlap's statements again with every page: at 3,000 statements a second
      // and an overlap of a second, six pages of old statements for each page of new ones.
      justBelow = Duration.ofNanos(1000);
    }
    read = advance(seen, newest, justBelow);
    return fresh;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private QueryStreamPosition advance(Map<UUID, Instant> seen, Instant newest, Duration overlap) {
    Instant since = newest.minus(overlap);
    if (since.isBefore(read.since())) {
      since = read.since();
    }
    Instant bound = since;
    seen.values().removeIf(stored -> !stored.isAfter(bound)); // the next query leaves them out
    return new QueryStreamPosition(since, seen);
  }

  private static StreamedStatement streamed(Statement statement) {
    var json = statement.toJson();
    return new StreamedStatement(
        statement.id(), ActorKeys.of(json), statement.storedInstant(), json.toString());
  }

  /** Saves the position reached by the polls so far. */
  @Override
  public void commit() {
    positions.save(read);
  }

  /** Nothing to release: the client belongs to the caller. */
  @Override
  public void close() {}
}
