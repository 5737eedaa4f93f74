package vn.hocso.lms.privacy.domain;

/** What a person agrees her data may be used for; each purpose is consented to on its own. */
public enum ConsentPurpose {
  /** Taking courses and keeping her learning records (needed to use the platform). */
  LEARNING_RECORDS,
  /** Counting her training in her Union unit's reports. */
  UNION_REPORTING,
  /** Being contacted by phone by her unit's officers. */
  PHONE_CONTACT
}
