package vn.hocso.lms.privacy.domain;

/** What was done with personal data or roles. */
public enum AuditAction {
  VIEWED_PERSON,
  /** Looked at a list of people (one entry per page shown); the detail names the filter. */
  LISTED_PEOPLE,
  /** Downloaded a list of people; the detail names the filter and how many rows. */
  EXPORTED_PEOPLE,
  CHANGED_PERSON,
  EXPORTED_PERSON,
  ERASED_PERSON,
  CHANGED_ROLES,
  ISSUED_PASSWORD_RESET,
  RECORDED_CONSENT,
  WITHDREW_CONSENT,
  REGISTERED,
  CONFIRMED_MEMBERSHIP,
  DECLINED_MEMBERSHIP,
  IMPORTED_PEOPLE,
  /** Looked at a page of the certificates of her scope's people. */
  LISTED_CERTIFICATES,
  REVOKED_CERTIFICATE,
  /** Moved a person's home to another unit ("chuyển sinh hoạt"); the detail names both units. */
  MOVED_PERSON
}
