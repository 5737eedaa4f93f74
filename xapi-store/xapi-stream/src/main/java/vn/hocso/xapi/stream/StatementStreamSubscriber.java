package vn.hocso.xapi.stream;

import java.time.Duration;
import java.util.List;

/**
 * Reads the statement stream as one member of a named group of readers: each statement goes to one
 * member of the group, and the group remembers how far it has read.
 *
 * <p>Poll a batch, apply it, then {@link #commit()}. Statements polled but not committed are
 * delivered again (to this or another member) after a restart, so applying must be idempotent. Not
 * thread-safe: use one subscriber per thread.
 */
public interface StatementStreamSubscriber extends AutoCloseable {

  /**
   * Waits up to {@code timeout} for statements and returns the next batch, which is empty if none
   * arrived. Statements with the same actor key arrive in the order they were published.
   *
   * @throws StatementStreamUnavailableException if the stream failed while reading
   */
  List<StreamedStatement> poll(Duration timeout);

  /**
   * Records that every statement returned by the polls so far has been applied.
   *
   * @throws StatementStreamUnavailableException if the stream did not record it; the batch will be
   *     delivered again
   */
  void commit();

  @Override
  void close();
}
