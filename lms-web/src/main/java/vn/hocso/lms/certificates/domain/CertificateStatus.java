package vn.hocso.lms.certificates.domain;

/** What the verification page says of a code. */
public enum CertificateStatus {
  VALID,
  REVOKED,
  UNKNOWN
}
