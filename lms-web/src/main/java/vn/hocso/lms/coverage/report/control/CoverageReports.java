package vn.hocso.lms.coverage.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.hocso.lms.coverage.control.CoverageFreeze;
import vn.hocso.lms.coverage.control.CoverageProjection;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.report.domain.CoverageReport;
import vn.hocso.lms.coverage.report.domain.ReportPeriod;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException.Reason;
import vn.hocso.lms.coverage.report.storage.FrozenReportReader;
import vn.hocso.lms.coverage.report.storage.StoredReport;
import vn.hocso.lms.coverage.storage.CoverageTables;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * The 6-month and annual reports of a unit: generated from a closed period's frozen figures
 * (freezing the period first if no report or dashboard has), rendered as XLSX and PDF from one
 * {@link CoverageReport}, stored, listed and downloaded. An officer reaches the units of her
 * subtree only, the central admin every unit; anything else is an {@link AccessDeniedException}.
 *
 * <p>A period still running is refused, not drafted: its figures can still change, and a draft with
 * the same layout as a report would be sent on as one. The dashboards show the running period's
 * figures.
 */
@ApplicationScoped
@Transactional
public class CoverageReports {

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected CoverageReports() {
    // for CDI
  }

  /** Outside a container. */
  public CoverageReports(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** The unit's name, if it lies in her scope. */
  public String unitName(long unitId, ManagedScope scope) {
    return require(unitId, scope).name();
  }

  /**
   * Generates and stores the unit's report for a closed period. The period is frozen first if it is
   * not yet, so its figures never change afterwards.
   */
  public ReportSummary generate(
      long unitId, ReportPeriod period, String generatedBy, ManagedScope scope) {
    // The counters' lock before anything is read: under REPEATABLE READ the first plain read fixes
    // the transaction's snapshot, and a freeze must see what the projector or a recompute it
    // waited for has just committed.
    try (var tables = new CoverageTables(entityManager.unwrap(Connection.class))) {
      tables.lockCounters();
    } catch (SQLException e) {
      throw new PersistenceException("Locking the coverage counters failed", e);
    }
    var unit = require(unitId, scope);
    period.requireClosedOn(LocalDate.now(clock.withZone(StatementReading.VIETNAM)));
    var now = clock.instant();
    CoverageReport report;
    try {
      var connection = entityManager.unwrap(Connection.class);
      freezeIfNeeded(connection, period, now);
      report = new FrozenReportReader(connection).read(period, unit.id(), generatedBy, now);
    } catch (SQLException e) {
      throw new PersistenceException("Reading the frozen period " + period + " failed", e);
    }
    var stored =
        new StoredReport(
            unit.id(),
            report.unitName(),
            period.code(),
            period.kind(),
            generatedBy,
            now,
            report.frozenAt(),
            ReportXlsx.render(report),
            ReportPdf.render(report));
    entityManager.persist(stored);
    entityManager.flush();
    return summary(stored);
  }

  private static void freezeIfNeeded(
      Connection connection, ReportPeriod period, java.time.Instant now) throws SQLException {
    var freeze = new CoverageFreeze(connection);
    if (freeze.isFrozen(period.code())) {
      return;
    }
    // Reorganisations not yet applied to the counters are applied here, in this transaction, as
    // the projector would: without a projector (none configured, or stopped) they would wait
    // forever and no period could be frozen.
    try (var tables = new CoverageTables(connection)) {
      new CoverageProjection(tables).applyChanges();
    }
    try (var pending = connection.prepareStatement("select count(*) from cov_change");
        var rows = pending.executeQuery()) {
      if (rows.next() && rows.getLong(1) > 0) {
        throw new ReportRefusedException(Reason.CHANGES_PENDING, period.code());
      }
    }
    try {
      freeze.freeze(period.code(), period.from(), period.to(), period.lastDay(), now);
    } catch (SQLException e) {
      // Two reports freezing the same period at once: the second insert of its header fails.
      throw new ReportRefusedException(Reason.BEING_FROZEN, period.code());
    }
  }

  /** How many reports the unit has. */
  public long count(long unitId, ManagedScope scope) {
    require(unitId, scope);
    return entityManager
        .createQuery("select count(r) from StoredReport r where r.unitId = :unit", Long.class)
        .setParameter("unit", unitId)
        .getSingleResult();
  }

  /** A page of the unit's reports, newest first. */
  public List<ReportSummary> list(long unitId, ManagedScope scope, int first, int max) {
    require(unitId, scope);
    return entityManager
        .createQuery(
            "select new vn.hocso.lms.coverage.report.control.ReportSummary(r.id, r.unitId,"
                + " r.unitName, r.period, r.kind, r.generatedBy, r.generatedAt, r.frozenAt,"
                + " r.xlsxSha256, r.pdfSha256) from StoredReport r where r.unitId = :unit"
                + " order by r.generatedAt desc, r.id desc",
            ReportSummary.class)
        .setParameter("unit", unitId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * One file of a stored report, exactly as generated. An unknown report and one outside her scope
   * are refused alike, so ids tell nothing.
   */
  public ReportFile file(long reportId, ReportFormat format, ManagedScope scope) {
    var report = entityManager.find(StoredReport.class, reportId);
    if (report == null) {
      throw new AccessDeniedException("No report " + reportId);
    }
    var unit = entityManager.find(OrgUnit.class, report.unitId());
    if (unit == null || !scope.covers(unit)) {
      throw new AccessDeniedException("Report " + reportId + " lies outside the caller's scope");
    }
    var bytes = format == ReportFormat.XLSX ? report.xlsx() : report.pdf();
    var name =
        "Báo cáo "
            + ReportPeriod.parse(report.period()).vietnameseName()
            + " - "
            + report.unitName()
            + "."
            + format.extension();
    var ascii =
        "bao-cao-" + report.period() + "-" + slug(report.unitName()) + "." + format.extension();
    return new ReportFile(bytes, format, name, ascii);
  }

  private static String slug(String text) {
    var plain =
        Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    return plain.isEmpty() ? "don-vi" : plain;
  }

  private static ReportSummary summary(StoredReport r) {
    return new ReportSummary(
        r.id(),
        r.unitId(),
        r.unitName(),
        r.period(),
        r.kind(),
        r.generatedBy(),
        r.generatedAt(),
        r.frozenAt(),
        r.xlsxSha256(),
        r.pdfSha256());
  }

  private OrgUnit require(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null) {
      if (scope.isEmpty()) {
        throw new AccessDeniedException("No unit " + unitId);
      }
      throw new ReportRefusedException(Reason.UNKNOWN_UNIT, Long.toString(unitId));
    }
    if (!scope.covers(unit)) {
      throw new AccessDeniedException(unit.name() + " lies outside the caller's scope");
    }
    return unit;
  }
}
