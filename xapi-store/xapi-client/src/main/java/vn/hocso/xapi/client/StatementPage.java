package vn.hocso.xapi.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.hocso.xapi.client.model.Statement;

/**
 * One page of a statements query (xAPI 2.0 Part 3 §2.1.3, StatementResult).
 *
 * @param more the LRS's link to the next page, empty when this is the last
 * @param consistentThrough the LRS's {@code X-Experience-API-Consistent-Through}: every statement
 *     stored up to then is visible to queries (a reader following {@code since} should not go past
 *     it), or null when the LRS did not say
 */
public record StatementPage(List<Statement> statements, String more, Instant consistentThrough) {

  public StatementPage(List<Statement> statements, String more) {
    this(statements, more, null);
  }

  public StatementPage {
    statements = List.copyOf(statements);
    more = more == null ? "" : more;
  }

  public boolean hasMore() {
    return !more.isEmpty();
  }

  public Optional<String> moreLink() {
    return hasMore() ? Optional.of(more) : Optional.empty();
  }
}
