package vn.hocso.lms.coverage.report.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.report.control.CoverageReports;
import vn.hocso.lms.coverage.report.control.ReportSummary;
import vn.hocso.lms.coverage.report.domain.ReportPeriod;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;
import vn.hocso.lms.web.Pager;

/**
 * The reports page, /app/reports.xhtml?unit=&lt;id&gt;[&amp;period=2026-H1]: a unit's stored
 * reports (newest first, paged) with download links, and the form that generates one. The service
 * decides what she may; this binds the page and turns refusals into form messages.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 10;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Inject CoverageReports reports;
  @Inject AccessScope access;
  @Inject Messages messages;

  private String unitParameter;
  private String periodParameter;
  private Long unitId;
  private String unitName;
  private String year;
  private ReportPeriod.Span span;
  private final Pager<ReportSummary> pager = new Pager<>(PAGE_SIZE, new Stored());

  /** Reads the parameters: the unit (default: the first unit of her scope) and a period to fill. */
  public void load() {
    var today = LocalDate.now(StatementReading.VIETNAM);
    // The last closed half year by default.
    year = Integer.toString(today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1);
    span =
        today.getMonthValue() >= 7 ? ReportPeriod.Span.FIRST_HALF : ReportPeriod.Span.SECOND_HALF;
    if (!isOfficer()) {
      return;
    }
    long id;
    if (unitParameter == null || unitParameter.isBlank()) {
      id = access.managed().rootUnitIds().stream().sorted().findFirst().orElseThrow();
    } else {
      try {
        id = Long.parseLong(unitParameter.strip());
      } catch (NumberFormatException e) {
        FormFeedback.error(format("report.badUnit", unitParameter.strip()));
        return;
      }
    }
    if (periodParameter != null && !periodParameter.isBlank()) {
      try {
        var period = ReportPeriod.parse(periodParameter);
        year = Integer.toString(period.year());
        span = period.span();
      } catch (ReportRefusedException e) {
        refused(e);
      }
    }
    if (attempt(() -> unitName = reports.unitName(id, access.managed()))) {
      unitId = id;
    }
  }

  public void generate() {
    if (unitId == null) {
      return;
    }
    int number;
    try {
      number = Integer.parseInt(year == null ? "" : year.strip());
    } catch (NumberFormatException e) {
      FormFeedback.error(format("report.badYear", year == null ? "" : year.strip()));
      return;
    }
    attempt(
        () -> {
          var period = new ReportPeriod(number, span);
          var made =
              reports.generate(unitId, period, access.requester().username(), access.managed());
          FormFeedback.info(
              format("report.generated", periodLabel(made.period()), made.unitName()));
          pager.reset();
        });
  }

  private boolean attempt(Runnable action) {
    try {
      action.run();
      return true;
    } catch (RuntimeException e) {
      var cause = FormFeedback.unwrap(e);
      if (cause instanceof ReportRefusedException refused) {
        refused(refused);
      } else if (cause instanceof AccessDeniedException) {
        FormFeedback.error(messages.get("form.denied"));
      } else {
        throw e;
      }
      return false;
    }
  }

  private void refused(ReportRefusedException e) {
    var arguments = new java.util.ArrayList<Object>(e.arguments());
    boolean aboutAPeriod =
        e.reason() != ReportRefusedException.Reason.UNKNOWN_UNIT
            && e.reason() != ReportRefusedException.Reason.NOT_A_PERIOD;
    if (aboutAPeriod && !arguments.isEmpty()) {
      arguments.set(0, periodLabel((String) arguments.get(0)));
    }
    FormFeedback.error(format("report.refused." + e.reason(), arguments.toArray()));
  }

  private String format(String key, Object... arguments) {
    return new MessageFormat(messages.get(key)).format(arguments);
  }

  public boolean isOfficer() {
    return !access.managed().isEmpty();
  }

  public boolean isUnitChosen() {
    return unitId != null;
  }

  public Pager<ReportSummary> getPager() {
    return pager;
  }

  /** The chosen unit's stored reports, newest first. */
  private final class Stored implements Pager.Source<ReportSummary> {
    private static final long serialVersionUID = 1L;

    @Override
    public long count() {
      return unitId == null ? 0 : reports.count(unitId, access.managed());
    }

    @Override
    public List<ReportSummary> page(int first, int max) {
      return unitId == null ? List.of() : reports.list(unitId, access.managed(), first, max);
    }
  }

  public String when(Instant instant) {
    return MINUTE.format(instant.atZone(StatementReading.VIETNAM));
  }

  /** E.g. "6 tháng đầu năm 2026" / "First half of 2026". */
  public String periodLabel(String code) {
    var period = ReportPeriod.parse(code);
    return format("report.period." + period.span(), period.year());
  }

  public ReportPeriod.Span[] getSpans() {
    return ReportPeriod.Span.values();
  }

  public String getUnitParameter() {
    return unitParameter;
  }

  public void setUnitParameter(String unitParameter) {
    this.unitParameter = unitParameter;
  }

  public String getPeriodParameter() {
    return periodParameter;
  }

  public void setPeriodParameter(String periodParameter) {
    this.periodParameter = periodParameter;
  }

  public Long getUnitId() {
    return unitId;
  }

  public String getUnitName() {
    return unitName;
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year;
  }

  public ReportPeriod.Span getSpan() {
    return span;
  }

  public void setSpan(ReportPeriod.Span span) {
    this.span = span;
  }
}
