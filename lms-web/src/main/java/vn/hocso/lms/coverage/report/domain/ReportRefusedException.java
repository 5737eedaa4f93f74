package vn.hocso.lms.coverage.report.domain;

import java.util.List;

/**
 * A report that cannot be made as asked, with the reason the form shows (UI key {@code
 * report.refused.<REASON>}, filled with {@link #arguments()}; for a reason about a period, the
 * first argument is the period's code, which the page words in its language).
 */
public class ReportRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a report was refused. */
  public enum Reason {
    /** No unit has that id. */
    UNKNOWN_UNIT,
    /** The text names no report period (e.g. "2026-Q3"). */
    NOT_A_PERIOD,
    /** The period has not begun. */
    FUTURE_PERIOD,
    /** The period has begun but not ended: its figures can still change. */
    OPEN_PERIOD,
    /** The unit did not exist when the period was frozen. */
    UNIT_NOT_IN_PERIOD,
    /** Another report froze the period at the same moment: try again. */
    BEING_FROZEN,
    /**
     * A reorganisation is not yet in the counters (the projector applies it within seconds):
     * freezing now would freeze a tree and counters that disagree.
     */
    CHANGES_PENDING
  }

  private final Reason reason;
  private final List<String> arguments;

  public ReportRefusedException(Reason reason, String... arguments) {
    super(reason + " " + String.join(" ", arguments));
    this.reason = reason;
    this.arguments = List.of(arguments);
  }

  public Reason reason() {
    return reason;
  }

  public List<String> arguments() {
    return arguments;
  }
}
