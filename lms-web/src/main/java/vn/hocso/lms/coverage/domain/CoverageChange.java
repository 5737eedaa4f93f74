package vn.hocso.lms.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDate;

/**
 * A reorganisation the coverage counters have not applied yet: written in the reorganisation's
 * transaction, applied and deleted by the projector in one of its own (so the projector is the only
 * writer of the counters, and a reorganisation that rolls back leaves nothing to apply).
 */
@Entity
@Table(name = "cov_change")
public class CoverageChange {

  @Id
  @TableGenerator(
      name = "cov_change_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "cov_change",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "cov_change_ids")
  private Long id;

  /** {@code PERSON} or {@code UNIT}. */
  @Column(nullable = false)
  private String kind;

  /** The person or unit that moved. */
  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Column(name = "effective_on", nullable = false)
  private LocalDate effectiveOn;

  protected CoverageChange() {
    // for JPA
  }

  public CoverageChange(String kind, long subjectId, LocalDate effectiveOn) {
    this.kind = kind;
    this.subjectId = subjectId;
    this.effectiveOn = effectiveOn;
  }

  public Long id() {
    return id;
  }
}
