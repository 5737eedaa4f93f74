package vn.hocso.lms.coverage.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.hocso.lms.coverage.control.CoverageRecomputeRunner;
import vn.hocso.lms.coverage.control.CoverageRecomputeRunner.Progress;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;

/**
 * The central admin's "recompute the coverage" panel on the dashboard: starts the run (after her
 * confirmation) and shows its progress, which the runner keeps across pages and admins; while a run
 * goes, the page polls the panel every 2 s and stops once it is over.
 */
@Named
@RequestScoped
public class CoverageRecomputeView {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  @Inject CoverageRecomputeRunner runner;
  @Inject Messages messages;

  private Progress progress;

  public boolean isAllowed() {
    return runner.allowed();
  }

  public void start() {
    try {
      runner.start();
      progress = null;
      FormFeedback.info(messages.get("coverage.recompute.started"));
    } catch (CoverageRecomputeRunner.AlreadyRunningException e) {
      FormFeedback.error(messages.get("coverage.recompute.already"));
    }
  }

  private Progress progress() {
    if (progress == null) {
      progress = runner.progress();
    }
    return progress;
  }

  public boolean isRunning() {
    return progress().running();
  }

  public int getPercent() {
    return progress().percent();
  }

  /** One sentence on the current or last run, in the visitor's language. */
  public String getStatus() {
    var now = progress();
    return switch (now.state()) {
      case NEVER -> messages.get("coverage.recompute.never");
      case RUNNING ->
          MessageFormat.format(
              messages.get(
                  now.steps() == 0 ? "coverage.recompute.starting" : "coverage.recompute.running"),
              now.startedBy(),
              TIME.format(now.started()),
              now.stepsDone(),
              Math.max(now.steps(), now.stepsDone()));
      case DONE ->
          MessageFormat.format(
              messages.get("coverage.recompute.done"),
              TIME.format(now.finished()),
              now.startedBy(),
              Math.max(1, Duration.between(now.started(), now.finished()).toSeconds()));
      case INTERRUPTED ->
          MessageFormat.format(
              messages.get("coverage.recompute.interrupted"),
              now.startedBy(),
              TIME.format(now.started()));
      case FAILED ->
          MessageFormat.format(
              messages.get("coverage.recompute.failed"),
              TIME.format(now.finished()),
              now.failure());
    };
  }
}
