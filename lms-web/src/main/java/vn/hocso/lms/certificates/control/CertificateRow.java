package vn.hocso.lms.certificates.control;

import java.time.LocalDate;
import vn.hocso.lms.certificates.domain.Certificate;
import vn.hocso.lms.certificates.domain.CertificateStatus;

/** One line of an officer's certificate list. */
public record CertificateRow(
    long id,
    String code,
    CertificateStatus status,
    String holderName,
    String unitName,
    String courseTitle,
    LocalDate issuedOn) {

  static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public String issuedOnText() {
    return DAY.format(issuedOn);
  }

  static CertificateRow of(Certificate certificate) {
    return new CertificateRow(
        certificate.id(),
        certificate.code(),
        certificate.status(),
        certificate.holderName().orElse(null),
        certificate.holder().homeUnit().name(),
        certificate.courseTitle(),
        certificate.issuedOn());
  }

  public boolean revoked() {
    return status == CertificateStatus.REVOKED;
  }
}
