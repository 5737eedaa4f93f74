package vn.hocso.lms.authoring.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * An image of a course, already re-encoded (so it is a plain bitmap, never SVG or HTML). Files
 * never change: every version of the course refers to it as {@code media/<fileName>}.
 */
@Entity
@Table(name = "course_media")
public class CourseMedia {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  @Id
  @TableGenerator(
      name = "course_media_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "course_media",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "course_media_ids")
  private Long id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private Long courseId;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false, updatable = false)
  private String contentType;

  @Column(nullable = false, updatable = false)
  private int width;

  @Column(nullable = false, updatable = false)
  private int height;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected CourseMedia() {
    // for JPA
  }

  public CourseMedia(
      long courseId,
      String fileName,
      String contentType,
      int width,
      int height,
      byte[] content,
      Instant createdAt) {
    if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("Not a media file name: " + fileName);
    }
    this.courseId = courseId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.width = width;
    this.height = height;
    this.content = content.clone();
    this.sizeBytes = content.length;
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }

  public long courseId() {
    return courseId;
  }

  public String fileName() {
    return fileName;
  }

  /** How a course's content refers to it. */
  public String reference() {
    return "media/" + fileName;
  }

  public String contentType() {
    return contentType;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public byte[] content() {
    return content.clone();
  }
}
