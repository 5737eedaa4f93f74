package vn.hocso.content.course.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A course a learner can take: its stable identity (slug and activity IRI, fixed at creation) and
 * its numbered versions. At most one version is being worked on (draft or in review) and at most
 * one is published; editing a published course starts a new draft copied from it, so the published
 * version never changes. A learner keeps the version she started (her enrolment remembers its id)
 * and statements of all versions count together because activity IRIs are shared.
 */
@Entity
@Table(name = "course")
public class Course {

  @Id
  @TableGenerator(
      name = "course_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "course",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "course_ids")
  private Long id;

  @Column(name = "activity_iri", nullable = false, unique = true, updatable = false)
  private String activityIri;

  @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("number")
  private List<CourseVersion> versions = new ArrayList<>();

  @Version private long revision;

  protected Course() {
    // for JPA
  }

  /** A new course whose first version is a draft with these details. */
  public Course(
      String slug,
      String title,
      String titleEnglish,
      String summary,
      Track track,
      int estimatedMinutes) {
    this.activityIri = ActivityIri.ofCourse(slug).toString();
    versions.add(new CourseVersion(this, 1, title, titleEnglish, summary, track, estimatedMinutes));
  }

  public Long id() {
    return id;
  }

  /**
   * The optimistic-lock counter: the LMS raises it on every edit of any version (a forced
   * increment), so a page that loaded revision 7 can tell its save would overwrite someone else's.
   */
  public long revision() {
    return revision;
  }

  public URI activityIri() {
    return URI.create(activityIri);
  }

  /** The slug the course's activity IRIs are built from. */
  public String slug() {
    return ActivityIri.courseSlugOf(activityIri());
  }

  /** Every version, oldest first. */
  public List<CourseVersion> versions() {
    return Collections.unmodifiableList(versions);
  }

  /** The version with this number. */
  public CourseVersion version(int number) {
    return versions.stream()
        .filter(v -> v.number() == number)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(activityIri + " has no version " + number));
  }

  /** The version new learners start, if one is published. */
  public Optional<CourseVersion> publishedVersion() {
    return versions.stream().filter(v -> v.status() == VersionStatus.PUBLISHED).findFirst();
  }

  /** The version being written or reviewed, if any. */
  public Optional<CourseVersion> workingVersion() {
    return versions.stream().filter(CourseVersion::isWorkingVersion).findFirst();
  }

  /**
   * The draft to edit: the current draft, or a new one copied from the published version (keeping
   * every activity IRI). A version in review must first be returned to draft.
   */
  public CourseVersion edit() {
    var working = workingVersion();
    if (working.isPresent()) {
      if (working.get().status() == VersionStatus.IN_REVIEW) {
        throw new IllegalStateException(
            "Version " + working.get().number() + " is in review; return it to draft to edit it");
      }
      return working.get();
    }
    var published =
        publishedVersion()
            .orElseThrow(() -> new IllegalStateException("A course without versions"));
    var draft = published.copyAsDraft(latestNumber() + 1);
    versions.add(draft);
    return draft;
  }

  /** Hands the draft over for review; it is locked until published or returned. */
  public void submitForReview() {
    working().submitForReview();
  }

  /** Sends the version in review back to its author as a draft. */
  public void returnToDraft() {
    working().returnToDraft();
  }

  /**
   * Publishes the working version (a draft or a version in review: who may skip review is decided
   * by the LMS's roles, not here); the previously published version is superseded.
   *
   * @throws CourseNotPublishableException naming every problem, when the version is not ready
   */
  public void publish() {
    var next = working();
    next.requirePublishable();
    publishedVersion().ifPresent(CourseVersion::supersede);
    next.markPublished();
  }

  /** True once a version has been published. */
  public boolean isPublished() {
    return publishedVersion().isPresent();
  }

  /**
   * The version whose title and summary stand for the course: the published one, else the draft.
   */
  public CourseVersion currentVersion() {
    return publishedVersion().orElseGet(() -> versions.get(versions.size() - 1));
  }

  public String title() {
    return currentVersion().title();
  }

  public String titleEnglish() {
    return currentVersion().titleEnglish();
  }

  public String summary() {
    return currentVersion().summary();
  }

  public Track track() {
    return currentVersion().track();
  }

  public int estimatedMinutes() {
    return currentVersion().estimatedMinutes();
  }

  private CourseVersion working() {
    return workingVersion()
        .orElseThrow(
            () -> new IllegalStateException(activityIri + " has no draft; edit it to start one"));
  }

  private int latestNumber() {
    return versions.stream().mapToInt(CourseVersion::number).max().orElse(0);
  }
}
