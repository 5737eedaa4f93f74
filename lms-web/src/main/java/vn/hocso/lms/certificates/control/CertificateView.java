package vn.hocso.lms.certificates.control;

import java.time.Instant;
import java.time.LocalDate;
import vn.hocso.lms.certificates.domain.Certificate;
import vn.hocso.lms.certificates.domain.CertificateStatus;

/**
 * What pages and the PDF show of a certificate. {@code holderName} is null once her personal data
 * was erased (and always on a view of an unknown code).
 */
public record CertificateView(
    long id,
    String code,
    CertificateStatus status,
    String holderName,
    String courseTitle,
    int courseVersion,
    String unitName,
    LocalDate issuedOn,
    Instant revokedAt,
    String revocationReason) {

  static CertificateView of(Certificate certificate) {
    return new CertificateView(
        certificate.id(),
        certificate.code(),
        certificate.status(),
        certificate.holderName().orElse(null),
        certificate.courseTitle(),
        certificate.courseVersion(),
        certificate.unitName(),
        certificate.issuedOn(),
        certificate.revokedAt().orElse(null),
        certificate.revocationReason().orElse(null));
  }

  public boolean revoked() {
    return status == CertificateStatus.REVOKED;
  }

  /** The day it was issued, as Vietnam writes it (dd/MM/yyyy). */
  public String issuedOnText() {
    return CertificateRow.DAY.format(issuedOn);
  }

  /** The day it was revoked, as Vietnam writes it; null while valid. */
  public String revokedOnText() {
    return revokedAt == null ? null : CertificateRow.DAY.format(revokedOn());
  }

  /** The day it was revoked, in Vietnam. */
  public LocalDate revokedOn() {
    return revokedAt == null ? null : revokedAt.atZone(Certificate.VIETNAM).toLocalDate();
  }
}
