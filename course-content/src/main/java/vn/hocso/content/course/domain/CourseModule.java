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
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/** A part of a course: an ordered list of lessons, optionally ended by a quiz. */
@Entity
@Table(name = "course_module")
public class CourseModule {

  @Id
  @TableGenerator(
      name = "course_module_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "course_module",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "course_module_ids")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_version_id", nullable = false, updatable = false)
  private CourseVersion version;

  @Column(nullable = false)
  private int position;

  @Column(name = "content_key", nullable = false, updatable = false)
  private String key;

  @Column(name = "activity_iri", nullable = false, updatable = false)
  private String activityIri;

  @Column(nullable = false)
  private String title;

  @OneToMany(mappedBy = "module", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Lesson> lessons = new ArrayList<>();

  @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "quiz_id")
  private Quiz quiz;

  protected CourseModule() {
    // for JPA
  }

  CourseModule(CourseVersion version, String key, String title, int position) {
    this.version = version;
    this.key = key;
    this.activityIri = ActivityIri.ofModule(version.courseSlug(), key).toString();
    this.position = position;
    this.title = Text.required(title, 200, "A module title");
  }

  CourseModule copyInto(CourseVersion newVersion) {
    var copy = new CourseModule();
    copy.version = newVersion;
    copy.position = position;
    copy.key = key;
    copy.activityIri = activityIri;
    copy.title = title;
    for (var lesson : lessons) {
      copy.lessons.add(lesson.copyInto(copy));
    }
    copy.quiz = quiz == null ? null : quiz.copyInto(copy);
    return copy;
  }

  public void retitle(String title) {
    version.requireDraft();
    this.title = Text.required(title, 200, "A module title");
  }

  /** Appends a lesson; its key (and activity IRI) comes from its title. */
  public Lesson addLesson(String title) {
    return addLesson(ActivityIri.slugFrom(title), title);
  }

  /** Appends a lesson with a given key, made unique within the course if taken. */
  public Lesson addLesson(String key, String title) {
    version.requireDraft();
    var lesson =
        new Lesson(this, CourseVersion.uniqueKey(version.lessonKeys(), key), title, lessons.size());
    lessons.add(lesson);
    return lesson;
  }

  public Lesson lesson(String key) {
    return lessons.stream()
        .filter(l -> l.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("No lesson " + key + " in module " + this.key));
  }

  /** Moves a lesson within this module; the others shift and positions stay dense. */
  public void moveLesson(String key, int toPosition) {
    version.requireDraft();
    Positions.move(lessons, lessons.indexOf(lesson(key)), toPosition, Lesson::placeAt);
  }

  public void removeLesson(String key) {
    version.requireDraft();
    lessons.remove(lesson(key));
    Positions.renumber(lessons, Lesson::placeAt);
  }

  void detach(Lesson lesson) {
    lessons.remove(lesson);
    Positions.renumber(lessons, Lesson::placeAt);
  }

  void attach(Lesson lesson, int atPosition) {
    lesson.moveTo(this);
    lessons.add(atPosition, lesson);
    Positions.renumber(lessons, Lesson::placeAt);
  }

  /** Ends the module with a quiz; its key comes from its title. Replaces no existing quiz. */
  public Quiz attachQuiz(String title, int passingScore, AttemptsPolicy attempts) {
    return attachQuiz(ActivityIri.slugFrom(title), title, passingScore, attempts);
  }

  public Quiz attachQuiz(String key, String title, int passingScore, AttemptsPolicy attempts) {
    version.requireDraft();
    if (quiz != null) {
      throw new IllegalStateException("Module " + this.key + " already ends with a quiz");
    }
    quiz =
        new Quiz(
            this, CourseVersion.uniqueKey(version.quizKeys(), key), title, passingScore, attempts);
    return quiz;
  }

  public void removeQuiz() {
    version.requireDraft();
    quiz = null;
  }

  void placeAt(int position) {
    this.position = position;
  }

  void addProblemsTo(List<PublishingProblem> problems) {
    if (lessons.isEmpty() && quiz == null) {
      problems.add(
          PublishingProblem.of(
              PublishingProblem.Code.MODULE_EMPTY, PublishingProblem.Place.MODULE, title));
    }
    for (var lesson : lessons) {
      lesson.addProblemsTo(problems);
    }
    if (quiz != null) {
      quiz.addProblemsTo(problems);
    }
  }

  /** The version this module belongs to. */
  public CourseVersion version() {
    return version;
  }

  public Long id() {
    return id;
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

  public List<Lesson> lessons() {
    return Collections.unmodifiableList(lessons);
  }

  /** The quiz that ends the module, or null. */
  public Quiz quiz() {
    return quiz;
  }
}
