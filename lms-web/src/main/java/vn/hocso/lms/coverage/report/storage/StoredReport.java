package vn.hocso.lms.coverage.report.storage;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import vn.hocso.lms.coverage.report.domain.ReportKind;

/**
 * A generated report: its two files exactly as first made, with their SHA-256, so a download years
 * later is byte for byte what was sent. Never changed once stored.
 */
@Entity
@Table(name = "coverage_report")
public class StoredReport {

  @Id
  @TableGenerator(
      name = "coverage_report_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "coverage_report",
      allocationSize = 10)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "coverage_report_ids")
  private Long id;

  @Column(name = "unit_id", nullable = false, updatable = false)
  private long unitId;

  @Column(name = "unit_name", nullable = false, updatable = false)
  private String unitName;

  @Column(nullable = false, updatable = false)
  private String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ReportKind kind;

  @Column(name = "generated_by", nullable = false, updatable = false)
  private String generatedBy;

  @Column(name = "generated_at", nullable = false, updatable = false)
  private Instant generatedAt;

  @Column(name = "frozen_at", nullable = false, updatable = false)
  private Instant frozenAt;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] xlsx;

  @Column(name = "xlsx_sha256", nullable = false, updatable = false)
  private String xlsxSha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] pdf;

  @Column(name = "pdf_sha256", nullable = false, updatable = false)
  private String pdfSha256;

  protected StoredReport() {
    // for JPA
  }

  public StoredReport(
      long unitId,
      String unitName,
      String period,
      ReportKind kind,
      String generatedBy,
      Instant generatedAt,
      Instant frozenAt,
      byte[] xlsx,
      byte[] pdf) {
    this.unitId = unitId;
    this.unitName = unitName;
    this.period = period;
    this.kind = kind;
    this.generatedBy = generatedBy;
    this.generatedAt = generatedAt;
    this.frozenAt = frozenAt;
    this.xlsx = xlsx.clone();
    this.xlsxSha256 = sha256(xlsx);
    this.pdf = pdf.clone();
    this.pdfSha256 = sha256(pdf);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Long id() {
    return id;
  }

  public long unitId() {
    return unitId;
  }

  public String unitName() {
    return unitName;
  }

  public String period() {
    return period;
  }

  public ReportKind kind() {
    return kind;
  }

  public String generatedBy() {
    return generatedBy;
  }

  public Instant generatedAt() {
    return generatedAt;
  }

  public Instant frozenAt() {
    return frozenAt;
  }

  public byte[] xlsx() {
    return xlsx.clone();
  }

  public String xlsxSha256() {
    return xlsxSha256;
  }

  public byte[] pdf() {
    return pdf.clone();
  }

  public String pdfSha256() {
    return pdfSha256;
  }
}
