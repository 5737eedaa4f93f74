package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.util.Set;

/**
 * One piece of a lesson: rich text, an image, a video, a callout, step-by-step instructions or an
 * embedded question. A block is a value once made: editing a block replaces it in its lesson. All
 * kinds share one table, told apart by {@code kind}.
 */
@Entity
@Table(name = "content_block")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 32)
public abstract class ContentBlock {

  @Id
  @TableGenerator(
      name = "content_block_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "content_block",
      allocationSize = 100)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "content_block_ids")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "lesson_id", nullable = false)
  private Lesson lesson;

  @Column(nullable = false)
  private int position;

  protected ContentBlock() {
    // for JPA and subclasses
  }

  /** The same block, not yet in any lesson. */
  abstract ContentBlock copy();

  /** The media files this block shows. */
  public Set<String> mediaReferences() {
    return Set.of();
  }

  void placeIn(Lesson lesson, int position) {
    this.lesson = lesson;
    this.position = position;
  }

  void placeAt(int position) {
    this.position = position;
  }

  public Long id() {
    return id;
  }

  Lesson lesson() {
    return lesson;
  }

  public int position() {
    return position;
  }
}
