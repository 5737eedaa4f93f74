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
 * first could miss a row delivered in between. The LRS part comes from {@link DeliveredStatements}
 * while it may answer for the LRS (read less than a minute ago, every delivery since made here):
 * the LRS query over HTTP was the costliest part of a lesson or an answer under load, and her row
 * stayed locked while it ran.
 */
@ApplicationScoped
public class LearningRecords {

  private static final Logger LOG = Logger.getLogger(LearningRecords.class.getName());

  @Inject StatementQueue queue;
  @Inject LrsConnection lrs;
  @Inject DeliveredStatements delivered;
  @Inject StatementDelivery delivery;

  /**
   * Her statements, oldest first.
   *
   * @param complete false when the LRS did not answer and this instance knew nothing of the
   *     registration: then only the queued statements are there
   */
  public record Records(List<Statement> statements, boolean fromLrs, boolean complete) {}

  public Records of(String xapiAccount, UUID registration) {
    var mark = delivered.mark(delivery.leaseTerm());
    var waiting = queue.waitingFor(registration);
    var fresh = delivered.fresh(registration, mark);
    if (fresh.isPresent()) {
      return new Records(concat(fresh.get(), waiting), true, true);
    }
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
      delivered.replace(registration, stored, mark);
      fromLrs = true;
      complete = true;
    } catch (XapiException e) {
      LOG.fine(() -> "LRS not answering, progress from what this instance knows: " + e);
      var known = delivered.of(registration);
      stored = known.orElse(List.of());
      fromLrs = false;
      complete = known.isPresent();
    }
    return new Records(concat(stored, waiting), fromLrs, complete);
  }

  private static List<Statement> concat(List<Statement> stored, List<Statement> waiting) {
    var all = new ArrayList<Statement>(stored.size() + waiting.size());
    all.addAll(stored);
    all.addAll(waiting);
    return all;
  }
}
