package vn.hocso.xapi.stream;

import java.time.Duration;
import java.util.List;

/** Writes stored statements to the statement stream. Safe to share between threads. */
public interface StatementStreamPublisher extends AutoCloseable {

  /**
   * Publishes the statements and returns once the stream has durably accepted all of them.
   * Statements with the same actor key are published in list order.
   *
   * @throws StatementStreamUnavailableException if the stream did not accept them within the
   *     configured timeout
   */
  void publish(List<StreamedStatement> statements);

  /** Publishes one statement; see {@link #publish(List)}. */
  default void publish(StreamedStatement statement) {
    publish(List.of(statement));
  }

  /**
   * Whether the stream answers within the timeout, so the platform can report it as degraded
   * without waiting for a publish to fail.
   */
  boolean isReachable(Duration timeout);

  @Override
  void close();
}
