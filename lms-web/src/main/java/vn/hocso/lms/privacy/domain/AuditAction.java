package vn.hocso.lms.privacy.domain;

/** What was done with personal data or roles. */
public enum AuditAction {
  VIEWED_PERSON,
  CHANGED_PERSON,
  EXPORTED_PERSON,
  ERASED_PERSON,
  CHANGED_ROLES,
  ISSUED_PASSWORD_RESET,
  RECORDED_CONSENT,
  WITHDREW_CONSENT,
  REGISTERED,
  CONFIRMED_MEMBERSHIP,
  DECLINED_MEMBERSHIP
}
