package vn.hocso.lms.authoring.domain;

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

/** One step in the life of a version of a course: who did it and when. */
@Entity
@Table(name = "authoring_event")
public class AuthoringEvent {

  @Id
  @TableGenerator(
      name = "authoring_event_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "authoring_event",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "authoring_event_ids")
  private Long id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private Long courseId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private AuthoringAction action;

  @Column(name = "actor_account_id", nullable = false, updatable = false)
  private Long actorAccountId;

  @Column(name = "happened_at", nullable = false, updatable = false)
  private Instant happenedAt;

  /** What the reviewer wrote when she returned the version, or null. */
  @Column(name = "comment_text", length = 2000, updatable = false)
  private String comment;

  protected AuthoringEvent() {
    // for JPA
  }

  public AuthoringEvent(
      long courseId,
      int versionNumber,
      AuthoringAction action,
      long actorAccountId,
      Instant happenedAt) {
    this.courseId = courseId;
    this.versionNumber = versionNumber;
    this.action = Objects.requireNonNull(action);
    this.actorAccountId = actorAccountId;
    this.happenedAt = happenedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The same event with a comment (a reviewer's reason for returning a version). */
  public AuthoringEvent withComment(String text) {
    if (text != null && text.strip().length() > 2000) {
      throw new IllegalArgumentException("A comment has at most 2000 characters");
    }
    this.comment = text == null || text.isBlank() ? null : text.strip();
    return this;
  }

  public String comment() {
    return comment;
  }

  public long courseId() {
    return courseId;
  }

  public int versionNumber() {
    return versionNumber;
  }

  public AuthoringAction action() {
    return action;
  }

  public long actorAccountId() {
    return actorAccountId;
  }

  public Instant happenedAt() {
    return happenedAt;
  }
}
