package vn.hocso.content.course.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A lesson: an ordered list of content blocks a learner reads in one sitting. Blocks are values: to
 * change one, replace it.
 */
@Entity
@Table(name = "lesson")
public class Lesson {

  @Id
  @TableGenerator(
      name = "lesson_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "lesson",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "lesson_ids")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "module_id", nullable = false)
  private CourseModule module;

  @Column(nullable = false)
  private int position;

  @Column(name = "content_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "activity_iri", nullable = false, updatable = false)
  private String activityIri;

  @Column(nullable = false)
  private String title;

  @OneToMany(mappedBy = "lesson", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<ContentBlock> blocks = new ArrayList<>();

  protected Lesson() {
    // for JPA
  }

  Lesson(CourseModule module, String key, String title, int position) {
    this.module = module;
    this.key = key;
    this.activityIri = ActivityIri.ofLesson(module.version().courseSlug(), key).toString();
    this.position = position;
    this.title = Text.required(title, 200, "A lesson title");
  }

  Lesson copyInto(CourseModule newModule) {
    var copy = new Lesson();
    copy.module = newModule;
    copy.position = position;
    copy.key = key;
    copy.activityIri = activityIri;
    copy.title = title;
    for (var block : blocks) {
      var blockCopy = block.copy();
      blockCopy.placeIn(copy, block.position());
      copy.blocks.add(blockCopy);
    }
    return copy;
  }

  public void retitle(String title) {
    requireDraft();
    this.title = Text.required(title, 200, "A lesson title");
  }

  /** Appends a block. */
  public void addBlock(ContentBlock block) {
    insertBlock(blocks.size(), block);
  }

  /** Inserts a block at a position; the blocks after it shift down. */
  public void insertBlock(int position, ContentBlock block) {
    requireDraft();
    Positions.requireInsertionIndex(blocks, position);
    adopt(block);
    blocks.add(position, block);
    Positions.renumber(blocks, ContentBlock::placeAt);
  }

  /** Puts a new block in place of the one at a position (how a block is edited). */
  public void replaceBlock(int position, ContentBlock block) {
    requireDraft();
    Positions.requireIndex(blocks, position, "block");
    var previous = blocks.remove(position); // frees its question key
    try {
      if (block instanceof QuestionBlock replacement
          && previous instanceof QuestionBlock replaced
          && replacement.question().key() == null) {
        // an edited question stays the same activity
        replacement.question().keep(replaced.question());
        requireUnplaced(block);
        block.placeIn(this, position);
      } else {
        adopt(block);
      }
    } catch (RuntimeException e) {
      blocks.add(position, previous);
      throw e;
    }
    blocks.add(position, block);
    Positions.renumber(blocks, ContentBlock::placeAt);
  }

  public void moveBlock(int from, int to) {
    requireDraft();
    Positions.move(blocks, from, to, ContentBlock::placeAt);
  }

  public void removeBlock(int position) {
    requireDraft();
    Positions.requireIndex(blocks, position, "block");
    blocks.remove(position);
    Positions.renumber(blocks, ContentBlock::placeAt);
  }

  private static void requireUnplaced(ContentBlock block) {
    if (block.lesson() != null) {
      throw new IllegalArgumentException("That block already belongs to a lesson");
    }
  }

  private void adopt(ContentBlock block) {
    requireUnplaced(block);
    block.placeIn(this, 0);
    if (block instanceof QuestionBlock questionBlock) {
      var question = questionBlock.question();
      var version = module.version();
      var key = question.key() != null ? question.key() : ActivityIri.slugFrom(question.prompt());
      question.name(CourseVersion.uniqueKey(version.questionKeys(), key), version.courseSlug());
    }
  }

  void placeAt(int position) {
    this.position = position;
  }

  void moveTo(CourseModule newModule) {
    this.module = newModule;
  }

  void addProblemsTo(List<PublishingProblem> problems) {
    if (blocks.isEmpty()) {
      problems.add(
          PublishingProblem.of(
              PublishingProblem.Code.LESSON_EMPTY, PublishingProblem.Place.LESSON, title));
    }
    for (var block : blocks) {
      if (block instanceof QuestionBlock questionBlock) {
        for (var problem : questionBlock.question().publishingProblems()) {
          problems.add(problem.in(PublishingProblem.Place.LESSON, title));
        }
      }
    }
  }

  private void requireDraft() {
    module.version().requireDraft();
  }

  public Long id() {
    return id;
  }

  /** The module the lesson is in (of the same version). */
  public CourseModule module() {
    return module;
  }

  public int position() {
    return position;
  }

  public String key() {
    return key;
  }

  public URI activityIri() {
    return URI.create(activityIri);
  }

  public String title() {
    return title;
  }

  public List<ContentBlock> blocks() {
    return Collections.unmodifiableList(blocks);
  }
}
