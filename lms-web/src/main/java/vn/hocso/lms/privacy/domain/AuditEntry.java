package vn.hocso.lms.privacy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the audit log: who did what to whose data, when. It names people by id only and
 * carries no personal data itself, so erasing a person leaves the log true and clean.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @TableGenerator(
      name = "audit_entry_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "audit_entry",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_entry_ids")
  private Long id;

  @Column(name = "happened_at", nullable = false)
  private Instant happenedAt;

  /** The username of the account that acted. */
  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditAction action;

  @Column(name = "subject_person_id")
  private Long subjectPersonId;

  /** What changed, by field name only (never the values). */
  @Column(length = 500)
  private String detail;

  protected AuditEntry() {
    // for JPA
  }

  public AuditEntry(
      Instant happenedAt, String actor, AuditAction action, Long subjectPersonId, String detail) {
    this.happenedAt = happenedAt.truncatedTo(ChronoUnit.MICROS);
    this.actor = Objects.requireNonNull(actor);
    this.action = Objects.requireNonNull(action);
    this.subjectPersonId = subjectPersonId;
    // The column holds 500 characters; an entry must never fail the work it records.
    this.detail =
        detail == null || detail.length() <= MAX_DETAIL
            ? detail
            : detail.substring(0, MAX_DETAIL - 1) + "…";
  }

  /** The length of the detail column. */
  public static final int MAX_DETAIL = 500;

  public Instant happenedAt() {
    return happenedAt;
  }

  public String actor() {
    return actor;
  }

  public AuditAction action() {
    return action;
  }

  public Long subjectPersonId() {
    return subjectPersonId;
  }

  public String detail() {
    return detail;
  }
}
