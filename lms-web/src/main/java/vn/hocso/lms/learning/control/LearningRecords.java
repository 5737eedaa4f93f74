package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import vn.hocso.lms.learning.domain.LearningStatements;
import vn.hocso.lms.learning.storage.StatementQueue;
import vn.hocso.xapi.client.StatementQuery;
import vn.hocso.xapi.client.XapiException;
import vn.hocso.xapi.client.model.Statement;

/**
 * Reads an enrolment's statements: those in the LRS (the source of truth; query by agent and
 * registration, xAPI 2.0 Part 3 §2.1.3) followed by those still queued. The queue is read first: a
 * row delivered meanwhile is then found in the LRS too and counted once, while reading the LRS
 * first could miss a row delivered in between.
 */
@ApplicationScoped
public class LearningRecords {

  private static final Logger LOG = Logger.getLogger(LearningRecords.class.getName());

  @Inject StatementQueue queue;
  @Inject LrsConnection lrs;
  @Inject DeliveredStatements delivered;

  /**
   * Her statements, oldest first.
   *
   * @param complete false when the LRS did not answer and this instance knew nothing of the
   *     registration: then only the queued statements are there
   */
  public record Records(List<Statement> statements, boolean fromLrs, boolean complete) {}

  public Records of(String xapiAccount, UUID registration) {
    var waiting = queue.waitingFor(registration);
    List<Statement> stored;
    boolean fromLrs;
    boolean complete;
    try {
      stored =
          lrs.client()
              .streamStatements(
                  StatementQuery.builder()
                      .agent(LearningStatements.actor(xapiAccount))
                      .registration(registration)
                      .ascending(true)
                      .limit(500)
                      .build())
              .toList();
      delivered.replace(registration, stored);
      fromLrs = true;
      complete = true;
    } catch (XapiException e) {
      LOG.fine(() -> "LRS not answering, progress from what this instance knows: " + e);
      var known = delivered.of(registration);
      stored = known.orElse(List.of());
      fromLrs = false;
      complete = known.isPresent();
    }
    var all = new ArrayList<Statement>(stored.size() + waiting.size());
    all.addAll(stored);
    all.addAll(waiting);
    return new Records(all, fromLrs, complete);
  }
}
