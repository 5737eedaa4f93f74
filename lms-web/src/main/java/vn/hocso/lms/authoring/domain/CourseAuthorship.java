package vn.hocso.lms.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The trainer who owns a course: she edits, submits and publishes it. Kept apart from the course
 * (course-content knows nothing of people), one row per course.
 */
@Entity
@Table(name = "course_authorship")
public class CourseAuthorship {

  @Id
  @Column(name = "course_id")
  private Long courseId;

  @Column(name = "owner_account_id", nullable = false)
  private Long ownerAccountId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CourseAuthorship() {
    // for JPA
  }

  public CourseAuthorship(long courseId, long ownerAccountId, Instant createdAt) {
    this.courseId = courseId;
    this.ownerAccountId = ownerAccountId;
    this.createdAt = Objects.requireNonNull(createdAt).truncatedTo(ChronoUnit.MICROS);
  }

  public long courseId() {
    return courseId;
  }

  public long ownerAccountId() {
    return ownerAccountId;
  }

  public boolean isOwnedBy(long accountId) {
    return ownerAccountId == accountId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
