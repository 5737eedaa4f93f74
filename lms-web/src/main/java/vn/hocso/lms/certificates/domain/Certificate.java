package vn.hocso.lms.certificates.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * A certificate of completion: issued once per person and enrolment (registration) when she meets
 * the course's completion rule. What it states — her name, the course title and version, the day,
 * the issuing unit — is copied at issue time and never follows later renames. It can be revoked
 * once, with a reason; a revoked certificate stays, so its verification page can say so. Erasing
 * her personal data empties the name only: the page then says it was issued, without whom to.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

  /** The day on a certificate is the day in Vietnam. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  public static final int MAX_REASON = 500;

  @Id
  @TableGenerator(
      name = "certificate_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "certificate",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "certificate_ids")
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String code;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id", updatable = false)
  private Person holder;

  @Column(nullable = false, updatable = false)
  private String registration;

  @Column(name = "course_iri", nullable = false, updatable = false)
  private String courseIri;

  @Column(name = "course_version", nullable = false, updatable = false)
  private int courseVersion;

  @Column(name = "course_title", nullable = false, updatable = false)
  private String courseTitle;

  @Column(name = "holder_name")
  private String holderName;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "unit_id", updatable = false)
  private OrgUnit unit;

  @Column(name = "unit_name", nullable = false, updatable = false)
  private String unitName;

  @Column(name = "issued_on", nullable = false, updatable = false)
  private LocalDate issuedOn;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "earned_statement_id", nullable = false, updatable = false)
  private String earnedStatementId;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "revocation_reason")
  private String revocationReason;

  @Column(name = "voiding_statement_id")
  private String voidingStatementId;

  @Version private long revision;

  protected Certificate() {
    // for JPA
  }

  /**
   * Issues a certificate to her for the course she completed on that enrolment, by the unit she
   * belongs to at that moment.
   */
  public Certificate(
      String code,
      Person holder,
      UUID registration,
      URI courseIri,
      int courseVersion,
      String courseTitle,
      OrgUnit unit,
      Instant issuedAt,
      UUID earnedStatementId) {
    if (!CertificateCode.isWellFormed(code)) {
      throw new IllegalArgumentException("Not a certificate code: " + code);
    }
    if (courseTitle == null || courseTitle.isBlank()) {
      throw new IllegalArgumentException("A certificate names its course");
    }
    if (courseVersion < 1) {
      throw new IllegalArgumentException("Course versions start at 1");
    }
    this.code = code;
    this.holder = Objects.requireNonNull(holder, "holder");
    this.registration = registration.toString();
    this.courseIri = courseIri.toString();
    this.courseVersion = courseVersion;
    this.courseTitle = courseTitle.strip();
    // An already erased person gets her certificate, but no name is written on it.
    this.holderName = holder.isErased() ? null : holder.fullName();
    this.unit = Objects.requireNonNull(unit, "unit");
    this.unitName = unit.name();
    this.issuedAt = issuedAt.truncatedTo(ChronoUnit.MICROS);
    this.issuedOn = issuedAt.atZone(VIETNAM).toLocalDate();
    this.earnedStatementId = earnedStatementId.toString();
  }

  /**
   * Revokes it (an officer's decision, with a reason she gives). A certificate is revoked once; the
   * voiding statement's id is kept beside the reason.
   */
  public void revoke(String reason, String by, Instant at, UUID voidingStatement) {
    if (isRevoked()) {
      throw new IllegalStateException("Chứng nhận này đã bị thu hồi");
    }
    var text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Cần ghi lý do thu hồi");
    }
    if (text.length() > MAX_REASON) {
      throw new IllegalArgumentException("Lý do thu hồi dài tối đa " + MAX_REASON + " ký tự");
    }
    this.revocationReason = text;
    this.revokedBy = Objects.requireNonNull(by);
    this.revokedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.voidingStatementId = voidingStatement.toString();
  }

  /** Her personal data was erased: the certificate no longer says whose it is. */
  public void forgetHolderName() {
    holderName = null;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public CertificateStatus status() {
    return isRevoked() ? CertificateStatus.REVOKED : CertificateStatus.VALID;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public Person holder() {
    return holder;
  }

  public UUID registration() {
    return UUID.fromString(registration);
  }

  public URI courseIri() {
    return URI.create(courseIri);
  }

  public int courseVersion() {
    return courseVersion;
  }

  public String courseTitle() {
    return courseTitle;
  }

  /** Her name at issue time; empty once her personal data is erased. */
  public Optional<String> holderName() {
    return Optional.ofNullable(holderName);
  }

  public OrgUnit unit() {
    return unit;
  }

  public String unitName() {
    return unitName;
  }

  public LocalDate issuedOn() {
    return issuedOn;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public UUID earnedStatementId() {
    return UUID.fromString(earnedStatementId);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<String> revokedBy() {
    return Optional.ofNullable(revokedBy);
  }

  public Optional<String> revocationReason() {
    return Optional.ofNullable(revocationReason);
  }

  public Optional<UUID> voidingStatementId() {
    return Optional.ofNullable(voidingStatementId).map(UUID::fromString);
  }
}
