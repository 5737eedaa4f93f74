package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.net.URI;
import java.util.Objects;

/** A course a learner can take. Its activity IRI is fixed at creation and never changes. */
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

  @Column(nullable = false)
  private String title;

  @Column(name = "title_en")
  private String titleEnglish;

  @Column(nullable = false, length = 2000)
  private String summary;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Track track;

  @Column(name = "estimated_minutes", nullable = false)
  private int estimatedMinutes;

  @Column(nullable = false)
  private boolean published;

  @Version private long revision;

  protected Course() {
    // for JPA
  }

  /** A new, unpublished course. */
  public Course(
      String slug,
      String title,
      String titleEnglish,
      String summary,
      Track track,
      int estimatedMinutes) {
    this.activityIri = ActivityIri.ofCourse(slug).toString();
    retitle(title, titleEnglish);
    describe(summary);
    this.track = Objects.requireNonNull(track, "A course belongs to a track");
    estimate(estimatedMinutes);
  }

  public void retitle(String title, String titleEnglish) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("A course needs a title");
    }
    if (title.length() > 200) {
      throw new IllegalArgumentException("A course title has at most 200 characters");
    }
    this.title = title.strip();
    this.titleEnglish = titleEnglish == null ? null : titleEnglish.strip();
  }

  public void describe(String summary) {
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("A course needs a summary");
    }
    if (summary.length() > 2000) {
      throw new IllegalArgumentException("A course summary has at most 2000 characters");
    }
    this.summary = summary.strip();
  }

  public void estimate(int minutes) {
    if (minutes < 1 || minutes > 6000) {
      throw new IllegalArgumentException("A course takes between 1 and 6000 minutes");
    }
    this.estimatedMinutes = minutes;
  }

  public void publish() {
    this.published = true;
  }

  public Long id() {
    return id;
  }

  public URI activityIri() {
    return URI.create(activityIri);
  }

  public String title() {
    return title;
  }

  public String titleEnglish() {
    return titleEnglish;
  }

  public String summary() {
    return summary;
  }

  public Track track() {
    return track;
  }

  public int estimatedMinutes() {
    return estimatedMinutes;
  }

  public boolean isPublished() {
    return published;
  }
}
