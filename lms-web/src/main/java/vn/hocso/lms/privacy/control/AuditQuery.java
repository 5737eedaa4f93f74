package vn.hocso.lms.privacy.control;

import java.time.Instant;

/**
 * What the central admin searches the audit log for; every part may be null (no filter).
 *
 * @param actor the account that acted, as logged
 * @param from entries at or after this moment
 * @param until entries before this moment
 */
public record AuditQuery(
    String actor,
    vn.hocso.lms.privacy.domain.AuditAction action,
    Long personId,
    Instant from,
    Instant until) {

  public static AuditQuery everything() {
    return new AuditQuery(null, null, null, null, null);
  }
}
