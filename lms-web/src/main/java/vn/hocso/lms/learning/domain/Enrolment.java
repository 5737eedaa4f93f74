package vn.hocso.lms.learning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A person in a course: her xAPI registration (one per enrolment, on every statement of it: xAPI
 * 2.0 Part 2 §2.4.6.1), the version number she is on, and when she enrolled. The version she
 * started stays hers until an officer migrates her ({@link #migrateTo}); her progress carries over
 * because activity ids are shared by every version. Progress itself is not kept here: it is read
 * from her statements.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment {

  @Id
  @TableGenerator(
      name = "enrolment_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "enrolment",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "enrolment_ids")
  private Long id;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Column(name = "version_number", nullable = false)
  private int versionNumber;

  @Column(nullable = false, unique = true, updatable = false, length = 36)
  private String registration;

  @Column(name = "enrolled_at", nullable = false, updatable = false)
  private Instant enrolledAt;

  /** 1 for her first enrolment in the course, 2 when she takes it again after completing it, … */
  @Column(name = "take_number", nullable = false, updatable = false)
  private int takeNumber = 1;

  @Version private long revision;

  protected Enrolment() {
    // for JPA
  }

  /** She enrols in the course's version {@code versionNumber} (the published one) now. */
  public Enrolment(long personId, long courseId, int versionNumber, Instant at) {
    if (versionNumber < 1) {
      throw new IllegalArgumentException("A course version number starts at 1");
    }
    this.personId = personId;
    this.courseId = courseId;
    this.versionNumber = versionNumber;
    this.registration = UUID.randomUUID().toString();
    this.enrolledAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * She takes the course again, after completing this take: a new enrolment with a new registration
   * in the version published now ({@code versionNumber}). Whether this take is completed is read
   * from her statements, so the learning service checks it before.
   */
  public Enrolment retake(int versionNumber, Instant at) {
    var next = new Enrolment(personId, courseId, versionNumber, at);
    next.takeNumber = takeNumber + 1;
    return next;
  }

  /**
   * An officer moves her to a later version (issue 5); what she has done counts there too, since
   * activity ids survive versions. Never backwards.
   */
  public void migrateTo(int newVersionNumber) {
    if (newVersionNumber <= versionNumber) {
      throw new IllegalArgumentException(
          "A learner moves only to a later version than " + versionNumber);
    }
    this.versionNumber = newVersionNumber;
  }

  public Long id() {
    return id;
  }

  public long personId() {
    return personId;
  }

  public long courseId() {
    return courseId;
  }

  public int versionNumber() {
    return versionNumber;
  }

  public UUID registration() {
    return UUID.fromString(registration);
  }

  public Instant enrolledAt() {
    return enrolledAt;
  }

  public int takeNumber() {
    return takeNumber;
  }
}
