package vn.hocso.lms.authoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.content.authoring.RichText;
import vn.hocso.content.authoring.VersionChanges;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.content.course.application.OutlineView;
import vn.hocso.content.course.domain.ActivityIri;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.AttemptsPolicy;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.ContentBlock;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.authoring.domain.AuthoringAction;
import vn.hocso.lms.authoring.domain.AuthoringEvent;
import vn.hocso.lms.authoring.domain.CourseAuthorship;
import vn.hocso.lms.authoring.domain.CourseMedia;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * Everything a trainer does to her courses, with who may do it. Rules:
 *
 * <ul>
 *   <li>Trainers and central admins create courses; the creator owns the course.
 *   <li>The owner edits her course; a central admin edits any (the seeded curriculum has no owner,
 *       so only admins edit it). Nobody else sees drafts.
 *   <li>Editing a published course starts a new draft copied from it (the course model's rule):
 *       learners keep seeing the published version until the draft is published.
 *   <li>The owner or a central admin publishes, from draft or from review. Submitting for review is
 *       optional: it locks the draft until someone publishes it or returns it to draft.
 *   <li>Rich text is sanitised here, on write (OWASP java-html-sanitizer, {@link RichText}); every
 *       other text is plain text, escaped when a page shows it. Images are re-encoded ({@link
 *       ImageUploads}).
 * </ul>
 *
 * Domain rules (what a draft may hold, what blocks publishing) throw {@link
 * IllegalArgumentException}, {@link IllegalStateException} or {@link
 * vn.hocso.content.course.domain.CourseNotPublishableException}; access rules throw {@link
 * AccessDeniedException}. A transaction that throws writes nothing.
 */
@ApplicationScoped
@Transactional
public class CourseAuthoring {

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected CourseAuthoring() {
    // for CDI
  }

  /** For use outside a container (tests). */
  public CourseAuthoring(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  // ---- courses ----

  /** The courses she may edit (all of them for a central admin), latest change first. */
  public List<CourseRow> myCourses(Caller caller) {
    requireAuthor(caller);
    List<Course> courses;
    if (caller.centralAdmin()) {
      courses = entityManager.createQuery("select c from Course c", Course.class).getResultList();
    } else {
      courses =
          entityManager
              .createQuery(
                  "select c from Course c, CourseAuthorship a where a.courseId = c.id"
                      + " and a.ownerAccountId = :owner",
                  Course.class)
              .setParameter("owner", caller.accountId())
              .getResultList();
    }
    var owners = ownerNames();
    return courses.stream()
        .map(
            course -> {
              var latest = course.versions().get(course.versions().size() - 1);
              var changed =
                  latest.publishedAt() != null ? latest.publishedAt() : latest.createdAt();
              return new CourseRow(
                  course.id(),
                  latest.title(),
                  latest.number(),
                  latest.status(),
                  course.isPublished(),
                  owners.get(course.id()),
                  changed);
            })
        .sorted(Comparator.comparing(CourseRow::changedAt).reversed())
        .toList();
  }

  /** A new course owned by the caller; its first version is a draft. Returns the course id. */
  public long create(Caller caller, CourseDetails details) {
    requireAuthor(caller);
    var slug = freeSlug(ActivityIri.slugFrom(details.title()));
    var course =
        new Course(
            slug,
            details.title(),
            details.titleEnglish(),
            details.summary(),
            details.track(),
            details.estimatedMinutes());
    var draft = course.edit();
    apply(draft, details);
    entityManager.persist(course);
    entityManager.flush();
    entityManager.persist(new CourseAuthorship(course.id(), caller.accountId(), clock.instant()));
    record(course, 1, AuthoringAction.CREATED, caller);
    return course.id();
  }

  /** The editor's view: the working version, else the published one. */
  public EditorState editor(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    var version = course.workingVersion().orElseGet(course::currentVersion);
    var published = course.publishedVersion();
    return new EditorState(
        courseId,
        OutlineView.of(version),
        new CourseDetails(
            version.title(),
            version.titleEnglish(),
            version.summary(),
            version.summaryEnglish(),
            version.track(),
            version.level(),
            version.estimatedMinutes()),
        version.status() != VersionStatus.IN_REVIEW,
        published.isPresent(),
        published.map(CourseVersion::number).orElse(null),
        version.status() == VersionStatus.PUBLISHED
            ? List.of()
            : version.problemsBeforePublishing(),
        true);
  }

  /** Title, summary, track, level and length of the draft. */
  public void describe(Caller caller, long courseId, CourseDetails details) {
    var draft = draft(caller, courseId);
    draft.retitle(details.title(), details.titleEnglish());
    apply(draft, details);
  }

  private static void apply(CourseVersion draft, CourseDetails details) {
    draft.describe(details.summary(), details.summaryEnglish());
    var level = details.level() == null ? draft.level() : details.level();
    draft.classify(
        details.track(),
        level,
        details.track() == Track.UNION_WORK ? Audience.UNION_STAFF : Audience.MEMBERS);
    draft.estimate(details.estimatedMinutes());
  }

  // ---- outline ----

  public String addModule(Caller caller, long courseId, String title) {
    return draft(caller, courseId).addModule(title).key();
  }

  public void renameModule(Caller caller, long courseId, String moduleKey, String title) {
    draft(caller, courseId).module(moduleKey).retitle(title);
  }

  public void removeModule(Caller caller, long courseId, String moduleKey) {
    draft(caller, courseId).removeModule(moduleKey);
  }

  public void moveModule(Caller caller, long courseId, String moduleKey, int toPosition) {
    draft(caller, courseId).moveModule(moduleKey, toPosition);
  }

  public String addLesson(Caller caller, long courseId, String moduleKey, String title) {
    return draft(caller, courseId).module(moduleKey).addLesson(title).key();
  }

  public void renameLesson(Caller caller, long courseId, String lessonKey, String title) {
    draft(caller, courseId).lesson(lessonKey).retitle(title);
  }

  public void removeLesson(Caller caller, long courseId, String lessonKey) {
    var draft = draft(caller, courseId);
    draft.lesson(lessonKey).module().removeLesson(lessonKey);
  }

  /** Moves a lesson to a position in a module (drag and drop, or the up and down buttons). */
  public void moveLesson(
      Caller caller, long courseId, String lessonKey, String toModuleKey, int toPosition) {
    draft(caller, courseId).moveLesson(lessonKey, toModuleKey, toPosition);
  }

  // ---- lesson content ----

  /** A lesson of the working (or published) version, as its learners would see it. */
  public LessonView lesson(Caller caller, long courseId, String lessonKey) {
    var course = editableCourse(caller, courseId);
    return LessonView.of(
        course.workingVersion().orElseGet(course::currentVersion).lesson(lessonKey));
  }

  /** Adds rich text (sanitised) at the end of the lesson. */
  public void addText(Caller caller, long courseId, String lessonKey, String html) {
    lessonOfDraft(caller, courseId, lessonKey).addBlock(new RichTextBlock(safeHtml(html)));
  }

  public void addCallout(
      Caller caller, long courseId, String lessonKey, CalloutBlock.Tone tone, String text) {
    lessonOfDraft(caller, courseId, lessonKey).addBlock(new CalloutBlock(tone, text));
  }

  /** Adds an image already uploaded for this course ({@link #uploadImage}). */
  public void addImage(
      Caller caller,
      long courseId,
      String lessonKey,
      String mediaReference,
      String altText,
      String caption) {
    var lesson = lessonOfDraft(caller, courseId, lessonKey);
    requireMedia(courseId, mediaReference);
    lesson.addBlock(new ImageBlock(mediaReference, altText, caption));
  }

  /** Replaces a text block's content (sanitised). */
  public void replaceText(
      Caller caller, long courseId, String lessonKey, int position, String html) {
    replace(caller, courseId, lessonKey, position, new RichTextBlock(safeHtml(html)));
  }

  public void replaceCallout(
      Caller caller,
      long courseId,
      String lessonKey,
      int position,
      CalloutBlock.Tone tone,
      String text) {
    replace(caller, courseId, lessonKey, position, new CalloutBlock(tone, text));
  }

  public void replaceImage(
      Caller caller,
      long courseId,
      String lessonKey,
      int position,
      String mediaReference,
      String altText,
      String caption) {
    requireMedia(courseId, mediaReference);
    replace(
        caller, courseId, lessonKey, position, new ImageBlock(mediaReference, altText, caption));
  }

  private void replace(
      Caller caller, long courseId, String lessonKey, int position, ContentBlock block) {
    lessonOfDraft(caller, courseId, lessonKey).replaceBlock(position, block);
  }

  public void moveBlock(Caller caller, long courseId, String lessonKey, int from, int to) {
    lessonOfDraft(caller, courseId, lessonKey).moveBlock(from, to);
  }

  public void removeBlock(Caller caller, long courseId, String lessonKey, int position) {
    lessonOfDraft(caller, courseId, lessonKey).removeBlock(position);
  }

  /**
   * Stores an uploaded picture for the course, re-encoded; returns its media reference for an image
   * block.
   *
   * @throws ImageRejectedException when the file is not a PNG or JPEG picture we can read
   */
  public String uploadImage(Caller caller, long courseId, byte[] upload) {
    editableCourse(caller, courseId);
    var image = ImageUploads.reencode(upload);
    var name = "anh-" + UUID.randomUUID().toString().substring(0, 12) + "." + image.extension();
    var media =
        new CourseMedia(
            courseId,
            name,
            image.contentType(),
            image.width(),
            image.height(),
            image.bytes(),
            clock.instant());
    entityManager.persist(media);
    return media.reference();
  }

  private void requireMedia(long courseId, String mediaReference) {
    var name = mediaReference == null ? "" : mediaReference.replaceFirst("^media/", "");
    if (findMedia(courseId, name).isEmpty()) {
      throw new IllegalArgumentException("No uploaded image " + mediaReference + " in this course");
    }
  }

  /** A stored image: what the media servlet sends. */
  public record MediaFile(String contentType, int width, int height, byte[] content) {}

  /** An image of a course, for the media servlet (any signed-in visitor may load it). */
  public Optional<MediaFile> media(long courseId, String fileName) {
    return findMedia(courseId, fileName)
        .map(m -> new MediaFile(m.contentType(), m.width(), m.height(), m.content()));
  }

  private Optional<CourseMedia> findMedia(long courseId, String fileName) {
    return entityManager
        .createQuery(
            "select m from CourseMedia m where m.courseId = :course and m.fileName = :name",
            CourseMedia.class)
        .setParameter("course", courseId)
        .setParameter("name", fileName)
        .getResultStream()
        .findFirst();
  }

  private static String safeHtml(String html) {
    var safe = RichText.sanitise(html);
    if (RichText.isBlank(safe)) {
      throw new IllegalArgumentException("The text is empty");
    }
    return safe;
  }

  // ---- quizzes ----

  /** The quiz that ends a module, if it has one. */
  public Optional<QuizView> quiz(Caller caller, long courseId, String moduleKey) {
    var course = editableCourse(caller, courseId);
    var quiz = course.workingVersion().orElseGet(course::currentVersion).module(moduleKey).quiz();
    return Optional.ofNullable(quiz).map(q -> QuizView.of(moduleKey, q));
  }

  /** Ends a module with a quiz, or changes the quiz's title, passing score and attempts. */
  public void setQuiz(
      Caller caller,
      long courseId,
      String moduleKey,
      String title,
      int passingScore,
      Integer maxAttempts) {
    var module = draft(caller, courseId).module(moduleKey);
    var attempts =
        maxAttempts == null ? AttemptsPolicy.unlimited() : AttemptsPolicy.atMost(maxAttempts);
    var quiz = module.quiz();
    if (quiz == null) {
      module.attachQuiz(title, passingScore, attempts);
    } else {
      quiz.retitle(title);
      quiz.requireScore(passingScore);
      quiz.allowAttempts(attempts);
    }
  }

  public void removeQuiz(Caller caller, long courseId, String moduleKey) {
    draft(caller, courseId).module(moduleKey).removeQuiz();
  }

  /** Adds a question to a module's quiz; returns its key. */
  public String addQuestion(Caller caller, long courseId, String moduleKey, QuestionInput input) {
    return quizOfDraft(caller, courseId, moduleKey).addQuestion(question(input)).key();
  }

  /** Replaces a question (it keeps its key and activity IRI). */
  public void replaceQuestion(
      Caller caller, long courseId, String moduleKey, String questionKey, QuestionInput input) {
    quizOfDraft(caller, courseId, moduleKey).replaceQuestion(questionKey, question(input));
  }

  public void removeQuestion(Caller caller, long courseId, String moduleKey, String questionKey) {
    quizOfDraft(caller, courseId, moduleKey).removeQuestion(questionKey);
  }

  public void moveQuestion(
      Caller caller, long courseId, String moduleKey, String questionKey, int toPosition) {
    quizOfDraft(caller, courseId, moduleKey).moveQuestion(questionKey, toPosition);
  }

  private static Question question(QuestionInput input) {
    var options = new ArrayList<AnswerOption>();
    for (var option : input.options()) {
      if (option.text() != null && !option.text().isBlank()) {
        options.add(new AnswerOption(option.text(), option.correct(), option.feedback()));
      }
    }
    return new Question(
        null,
        input.kind(),
        input.prompt(),
        options,
        input.feedbackWhenRight(),
        input.feedbackWhenWrong());
  }

  private Quiz quizOfDraft(Caller caller, long courseId, String moduleKey) {
    var quiz = draft(caller, courseId).module(moduleKey).quiz();
    if (quiz == null) {
      throw new IllegalStateException("This module has no quiz yet");
    }
    return quiz;
  }

  // ---- life cycle ----

  /** Hands the draft over for review; it is locked until published or returned. */
  public void submitForReview(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    course.submitForReview();
    record(
        course, course.workingVersion().orElseThrow().number(), AuthoringAction.SUBMITTED, caller);
  }

  public void returnToDraft(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    course.returnToDraft();
    record(
        course, course.workingVersion().orElseThrow().number(), AuthoringAction.RETURNED, caller);
  }

  /**
   * Publishes the working version: learners starting the course from now on get it.
   *
   * @throws vn.hocso.content.course.domain.CourseNotPublishableException naming every problem
   */
  public void publish(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    var version =
        course
            .workingVersion()
            .orElseThrow(() -> new IllegalStateException("There is no draft to publish"));
    course.publish();
    record(course, version.number(), AuthoringAction.PUBLISHED, caller);
  }

  /** Every version, newest first, with what changed from the one before and what happened. */
  public List<VersionEntry> history(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    var events =
        entityManager
            .createQuery(
                "select e from AuthoringEvent e where e.courseId = :course order by e.happenedAt, e.id",
                AuthoringEvent.class)
            .setParameter("course", courseId)
            .getResultList();
    var names = new HashMap<Long, String>();
    var entries = new ArrayList<VersionEntry>();
    CourseVersion previous = null;
    for (var version : course.versions()) {
      var number = version.number();
      var happened =
          events.stream()
              .filter(e -> e.versionNumber() == number)
              .map(
                  e ->
                      new VersionEntry.Event(
                          e.action(),
                          names.computeIfAbsent(e.actorAccountId(), this::displayName),
                          e.happenedAt()))
              .toList();
      entries.add(
          new VersionEntry(
              number,
              version.status(),
              version.createdAt(),
              version.publishedAt(),
              VersionChanges.between(previous, version),
              happened));
      previous = version;
    }
    java.util.Collections.reverse(entries);
    return entries;
  }

  // ---- access ----

  private static void requireAuthor(Caller caller) {
    if (!caller.mayAuthor()) {
      throw new AccessDeniedException("Only trainers and central admins write courses");
    }
  }

  /** The course, if the caller may edit it. */
  private Course editableCourse(Caller caller, long courseId) {
    requireAuthor(caller);
    var course = entityManager.find(Course.class, courseId);
    if (course == null) {
      throw new AccessDeniedException("No course " + courseId);
    }
    if (!caller.centralAdmin()) {
      var authorship = entityManager.find(CourseAuthorship.class, courseId);
      if (authorship == null || !authorship.isOwnedBy(caller.accountId())) {
        throw new AccessDeniedException("Course " + courseId + " belongs to another author");
      }
    }
    return course;
  }

  /** The draft to edit: the current one, or a new one copied from the published version. */
  private CourseVersion draft(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    var hadWorkingVersion = course.workingVersion().isPresent();
    var draft = course.edit();
    if (!hadWorkingVersion) {
      record(course, draft.number(), AuthoringAction.NEW_DRAFT, caller);
    }
    return draft;
  }

  private Lesson lessonOfDraft(Caller caller, long courseId, String lessonKey) {
    return draft(caller, courseId).lesson(lessonKey);
  }

  private void record(Course course, int versionNumber, AuthoringAction action, Caller caller) {
    entityManager.persist(
        new AuthoringEvent(
            course.id(), versionNumber, action, caller.accountId(), clock.instant()));
  }

  private String freeSlug(String preferred) {
    var slug = preferred;
    for (int n = 2; slugTaken(slug); n++) {
      slug = preferred + "-" + n;
    }
    return slug;
  }

  private boolean slugTaken(String slug) {
    return entityManager
            .createQuery("select count(c) from Course c where c.activityIri = :iri", Long.class)
            .setParameter("iri", ActivityIri.ofCourse(slug).toString())
            .getSingleResult()
        > 0;
  }

  private Map<Long, String> ownerNames() {
    var names = new HashMap<Long, String>();
    for (var row :
        entityManager
            .createQuery(
                "select a.courseId, o.displayName from CourseAuthorship a, Account o"
                    + " where o.id = a.ownerAccountId",
                Object[].class)
            .getResultList()) {
      names.put((Long) row[0], (String) row[1]);
    }
    return names;
  }

  private String displayName(long accountId) {
    var account = entityManager.find(Account.class, accountId);
    return account == null ? "?" : account.displayName();
  }
}
