package vn.hocso.content.course.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One numbered version of a course: what it says and how it is completed. This is the aggregate an
 * author edits: modules, lessons, blocks and quizzes change only through it and only while it is a
 * draft. Submitting for review and publishing check it is ready; once published it never changes.
 */
@Entity
@Table(name = "course_version")
public class CourseVersion {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  @Id
  @TableGenerator(
      name = "course_version_ids",
      table = "id_sequence",
      pkColumnName = "sequence_name",
      valueColumnName = "next_value",
      pkColumnValue = "course_version",
      allocationSize = 20)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "course_version_ids")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false, updatable = false)
  private Course course;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private VersionStatus status;

  @Column(nullable = false)
  private String title;

  @Column(name = "title_en")
  private String titleEnglish;

  @Column(nullable = false, length = 2000)
  private String summary;

  @Column(name = "summary_en", length = 2000)
  private String summaryEnglish;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Track track;

  @Enumerated(EnumType.STRING)
  @Column(name = "course_level", nullable = false)
  private Level level;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Audience audience;

  /** A BCP 47 language tag, "vi" for most courses. */
  @Column(nullable = false)
  private String language;

  @Column(name = "estimated_minutes", nullable = false)
  private int estimatedMinutes;

  @Column(name = "cover_image")
  private String coverImage;

  @ElementCollection
  @CollectionTable(
      name = "course_version_tag",
      joinColumns = @JoinColumn(name = "course_version_id"))
  @OrderColumn(name = "position")
  @Column(name = "tag", nullable = false)
  private List<String> tags = new ArrayList<>();

  /** Activity IRIs of the courses to complete first. */
  @ElementCollection
  @CollectionTable(
      name = "course_prerequisite",
      joinColumns = @JoinColumn(name = "course_version_id"))
  @OrderColumn(name = "position")
  @Column(name = "course_iri", nullable = false)
  private List<String> prerequisites = new ArrayList<>();

  @Column(name = "sequential_unlocking", nullable = false)
  private boolean sequentialUnlocking;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(
        name = "allLessonsSeen",
        column = @Column(name = "completion_all_lessons", nullable = false)),
    @AttributeOverride(
        name = "allQuizzesPassed",
        column = @Column(name = "completion_all_quizzes", nullable = false))
  })
  private CompletionRule completionRule;

  @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CourseModule> modules = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private long revision;

  protected CourseVersion() {
    // for JPA
  }

  CourseVersion(
      Course course,
      int number,
      String title,
      String titleEnglish,
      String summary,
      Track track,
      int estimatedMinutes) {
    this.course = course;
    this.number = number;
    this.status = VersionStatus.DRAFT;
    this.createdAt = now();
    retitle(title, titleEnglish);
    describe(summary, null);
    classify(
        track, Level.BASIC, track == Track.UNION_WORK ? Audience.UNION_STAFF : Audience.MEMBERS);
    useLanguage("vi");
    estimate(estimatedMinutes);
    this.completionRule = CompletionRule.allLessonsSeenAndQuizzesPassed();
  }

  /** A new draft with the same content and keys as {@code source}. */
  CourseVersion copyAsDraft(int newNumber) {
    var copy = new CourseVersion();
    copy.course = course;
    copy.number = newNumber;
    copy.status = VersionStatus.DRAFT;
    copy.createdAt = now();
    copy.title = title;
    copy.titleEnglish = titleEnglish;
    copy.summary = summary;
    copy.summaryEnglish = summaryEnglish;
    copy.track = track;
    copy.level = level;
    copy.audience = audience;
    copy.language = language;
    copy.estimatedMinutes = estimatedMinutes;
    copy.coverImage = coverImage;
    copy.tags = new ArrayList<>(tags);
    copy.prerequisites = new ArrayList<>(prerequisites);
    copy.sequentialUnlocking = sequentialUnlocking;
    copy.completionRule = completionRule;
    for (var module : modules) {
      copy.modules.add(module.copyInto(copy));
    }
    return copy;
  }

  // ---- description ----

  public void retitle(String title, String titleEnglish) {
    requireDraft();
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("A course needs a title");
    }
    this.title = Text.required(title, 200, "A course title");
    this.titleEnglish = Text.optional(titleEnglish, 200, "An English course title");
  }

  public void describe(String summary, String summaryEnglish) {
    requireDraft();
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("A course needs a summary");
    }
    this.summary = Text.required(summary, 2000, "A course summary");
    this.summaryEnglish = Text.optional(summaryEnglish, 2000, "An English course summary");
  }

  public void estimate(int minutes) {
    requireDraft();
    if (minutes < 1 || minutes > 6000) {
      throw new IllegalArgumentException("A course takes between 1 and 6000 minutes");
    }
    this.estimatedMinutes = minutes;
  }

  public void classify(Track track, Level level, Audience audience) {
    requireDraft();
    this.track = Objects.requireNonNull(track, "A course belongs to a track");
    this.level = Objects.requireNonNull(level, "A course has a level");
    this.audience = Objects.requireNonNull(audience, "A course has an audience");
  }

  /** The language the course is written in, as a BCP 47 tag such as "vi" or "en". */
  public void useLanguage(String languageTag) {
    requireDraft();
    if (languageTag == null || !LANGUAGE.matcher(languageTag).matches()) {
      throw new IllegalArgumentException(
          "A course language is a BCP 47 tag such as vi or en, not: " + languageTag);
    }
    this.language = languageTag;
  }

  /** The cover image, a file under media/, or null for none. */
  public void useCoverImage(String mediaReference) {
    requireDraft();
    this.coverImage =
        mediaReference == null ? null : Text.mediaReference(mediaReference, "A cover image");
  }

  /** Replaces the tags: stripped, lower case, duplicates dropped, order kept; at most 20. */
  public void tag(List<String> newTags) {
    requireDraft();
    var cleaned = new LinkedHashSet<String>();
    for (var tag : newTags) {
      cleaned.add(Text.required(tag, 40, "A tag").toLowerCase(Locale.ROOT));
    }
    if (cleaned.size() > 20) {
      throw new IllegalArgumentException("A course has at most 20 tags");
    }
    tags.clear();
    tags.addAll(cleaned);
  }

  /** Learners must complete that course (any version) before starting this one. */
  public void requirePrerequisite(URI courseIri) {
    requireDraft();
    ActivityIri.courseSlugOf(courseIri);
    if (courseIri.equals(course.activityIri())) {
      throw new IllegalArgumentException("A course cannot be its own prerequisite");
    }
    if (!prerequisites.contains(courseIri.toString())) {
      prerequisites.add(courseIri.toString());
    }
  }

  public void dropPrerequisite(URI courseIri) {
    requireDraft();
    prerequisites.remove(courseIri.toString());
  }

  /** When on, a lesson or quiz opens only after everything before it is seen or passed. */
  public void unlockInSequence(boolean sequential) {
    requireDraft();
    this.sequentialUnlocking = sequential;
  }

  public void completeWhen(CompletionRule rule) {
    requireDraft();
    this.completionRule = Objects.requireNonNull(rule, "A course needs a completion rule");
  }

  // ---- structure ----

  /** Appends a module; its key (and activity IRI) comes from its title. */
  public CourseModule addModule(String title) {
    return addModule(ActivityIri.slugFrom(title), title);
  }

  /** Appends a module with a given key, made unique within the course if taken. */
  public CourseModule addModule(String key, String title) {
    requireDraft();
    var module = new CourseModule(this, uniqueKey(moduleKeys(), key), title, modules.size());
    modules.add(module);
    return module;
  }

  public CourseModule module(String key) {
    return modules.stream()
        .filter(m -> m.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No module " + key));
  }

  public void moveModule(String key, int toPosition) {
    requireDraft();
    Positions.move(modules, modules.indexOf(module(key)), toPosition, CourseModule::placeAt);
  }

  public void removeModule(String key) {
    requireDraft();
    modules.remove(module(key));
    Positions.renumber(modules, CourseModule::placeAt);
  }

  /** Moves a lesson to a position in any module of this version (drag and drop in the outline). */
  public void moveLesson(String lessonKey, String toModuleKey, int toPosition) {
    requireDraft();
    var lesson = lesson(lessonKey);
    var from = lesson.module();
    var to = module(toModuleKey);
    if (from == to) {
      from.moveLesson(lessonKey, toPosition);
      return;
    }
    Positions.requireInsertionIndex(to.lessons(), toPosition);
    from.detach(lesson);
    to.attach(lesson, toPosition);
  }

  public List<CourseModule> modules() {
    return Collections.unmodifiableList(modules);
  }

  /** Every lesson, in course order. */
  public List<Lesson> lessons() {
    return modules.stream().flatMap(m -> m.lessons().stream()).toList();
  }

  public Lesson lesson(String key) {
    return lessons().stream()
        .filter(l -> l.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No lesson " + key));
  }

  /** Every quiz, in course order. */
  public List<Quiz> quizzes() {
    return modules.stream().map(CourseModule::quiz).flatMap(Stream::ofNullable).toList();
  }

  // ---- life cycle ----

  void submitForReview() {
    requireDraft();
    requirePublishable();
    status = VersionStatus.IN_REVIEW;
  }

  void returnToDraft() {
    if (status != VersionStatus.IN_REVIEW) {
      throw new IllegalStateException("Only a version in review can be returned to draft");
    }
    status = VersionStatus.DRAFT;
  }

  void markPublished() {
    status = VersionStatus.PUBLISHED;
    publishedAt = now();
  }

  void supersede() {
    status = VersionStatus.SUPERSEDED;
  }

  boolean isWorkingVersion() {
    return status == VersionStatus.DRAFT || status == VersionStatus.IN_REVIEW;
  }

  void requirePublishable() {
    if (!isWorkingVersion()) {
      throw new IllegalStateException("Version " + number + " is already " + status);
    }
    var problems = publishingProblems();
    if (!problems.isEmpty()) {
      throw new CourseNotPublishableException(problems);
    }
  }

  /** What stops this version from being published, in English (for logs and tests). */
  public List<String> problemsBeforePublishing() {
    return publishingProblems().stream().map(PublishingProblem::english).toList();
  }

  /** What stops this version from being published, as codes a page words in its language. */
  public List<PublishingProblem> publishingProblems() {
    var problems = new ArrayList<PublishingProblem>();
    for (var module : modules) {
      module.addProblemsTo(problems);
    }
    if (completionRule.allQuizzesPassed()
        && !completionRule.allLessonsSeen()
        && quizzes().isEmpty()) {
      problems.add(
          PublishingProblem.of(
              PublishingProblem.Code.COMPLETION_NEEDS_QUIZ, PublishingProblem.Place.COURSE, null));
    }
    return problems;
  }

  /** Edits are allowed only in a draft: a published version never changes. */
  void requireDraft() {
    if (status != null && status != VersionStatus.DRAFT) {
      throw new IllegalStateException(
          "Version "
              + number
              + " of "
              + course.activityIri()
              + " is "
              + status
              + " and cannot change; edit the course to start a new draft");
    }
  }

  // ---- learners ----

  /** True when the learner has done what the completion rule asks. */
  public boolean isCompletedBy(LearnerProgress progress) {
    var lessonsDone =
        !completionRule.allLessonsSeen()
            || lessons().stream().allMatch(l -> progress.hasSeen(l.activityIri()));
    var quizzesDone =
        !completionRule.allQuizzesPassed() || quizzes().stream().allMatch(progress::hasPassed);
    return lessonsDone && quizzesDone;
  }

  /**
   * Whether a lesson or quiz is open to the learner: always, unless the course unlocks in sequence;
   * then only once every lesson before it is seen and every quiz before it passed.
   */
  public boolean isUnlocked(URI activityIri, LearnerProgress progress) {
    var everythingBeforeDone = true;
    for (var module : modules) {
      for (var lesson : module.lessons()) {
        if (lesson.activityIri().equals(activityIri)) {
          return !sequentialUnlocking || everythingBeforeDone;
        }
        everythingBeforeDone &= progress.hasSeen(lesson.activityIri());
      }
      var quiz = module.quiz();
      if (quiz != null) {
        if (quiz.activityIri().equals(activityIri)) {
          return !sequentialUnlocking || everythingBeforeDone;
        }
        everythingBeforeDone &= progress.hasPassed(quiz);
      }
    }
    throw new NoSuchElementException("No lesson or quiz " + activityIri + " in this version");
  }

  /** True when the learner has completed every prerequisite course. */
  public boolean isOpenTo(Set<URI> completedCourses) {
    return prerequisites().stream().allMatch(completedCourses::contains);
  }

  // ---- keys ----

  String courseSlug() {
    return course.slug();
  }

  /** {@code preferred}, or {@code preferred-2}, {@code -3}… if another item of the kind has it. */
  static String uniqueKey(Set<String> taken, String preferred) {
    var base = ActivityIri.requireSlug(preferred, "key");
    var key = base;
    for (int n = 2; taken.contains(key); n++) {
      key = base + "-" + n;
    }
    return key;
  }

  Set<String> moduleKeys() {
    return collectKeys(modules.stream().map(CourseModule::key));
  }

  Set<String> lessonKeys() {
    return collectKeys(lessons().stream().map(Lesson::key));
  }

  Set<String> quizKeys() {
    return collectKeys(quizzes().stream().map(Quiz::key));
  }

  Set<String> questionKeys() {
    var inQuizzes = quizzes().stream().flatMap(q -> q.questions().stream());
    var inLessons =
        lessons().stream()
            .flatMap(l -> l.blocks().stream())
            .filter(QuestionBlock.class::isInstance)
            .map(b -> ((QuestionBlock) b).question());
    return collectKeys(Stream.concat(inQuizzes, inLessons).map(Question::key));
  }

  private static Set<String> collectKeys(Stream<String> keys) {
    var set = new LinkedHashSet<String>();
    keys.forEach(set::add);
    return set;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  // ---- reading ----

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public int number() {
    return number;
  }

  public VersionStatus status() {
    return status;
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

  public String summaryEnglish() {
    return summaryEnglish;
  }

  public Track track() {
    return track;
  }

  public Level level() {
    return level;
  }

  public Audience audience() {
    return audience;
  }

  public String language() {
    return language;
  }

  public int estimatedMinutes() {
    return estimatedMinutes;
  }

  public String coverImage() {
    return coverImage;
  }

  public List<String> tags() {
    return List.copyOf(tags);
  }

  public List<URI> prerequisites() {
    return prerequisites.stream().map(URI::create).toList();
  }

  public boolean unlocksInSequence() {
    return sequentialUnlocking;
  }

  public CompletionRule completionRule() {
    return completionRule;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /** Every media file the version refers to (cover, images, videos, screenshots). */
  public Set<String> mediaReferences() {
    var references = new LinkedHashSet<String>();
    if (coverImage != null) {
      references.add(coverImage);
    }
    for (var lesson : lessons()) {
      for (var block : lesson.blocks()) {
        references.addAll(block.mediaReferences());
      }
    }
    return references;
  }
}
