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
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.InstructionStep;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.content.course.domain.VideoBlock;
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

  /**
   * A new course from a course package (PACKAGE-FORMAT.md), owned by the caller, its only version a
   * draft. The package keeps its slug, so its activity IRIs stay those of the course it was
   * exported from; a package of a course this platform already has is refused (importing it again
   * would mix two courses' statements under one id). Images are re-encoded like uploads; a package
   * with other media (video files) is refused, since only images are stored here.
   *
   * @throws ImportRejectedException naming the problem; nothing is stored
   */
  public long importPackage(Caller caller, java.io.InputStream zip) {
    requireAuthor(caller);
    vn.hocso.content.packaging.CoursePackage read;
    try {
      read = new vn.hocso.content.packaging.CoursePackageReader().read(zip);
    } catch (vn.hocso.content.packaging.CoursePackageException e) {
      throw new ImportRejectedException(e.vietnameseMessage(), e.getMessage(), e);
    }
    var course = read.course();
    if (slugTaken(course.slug())) {
      throw new ImportRejectedException(
          "Khóa học này (mã " + course.activityIri() + ") đã có trên nền tảng",
          "A course with the activity id " + course.activityIri() + " already exists here",
          null);
    }
    var images = new java.util.LinkedHashMap<String, ImageUploads.EncodedImage>();
    for (var reference : course.workingVersion().orElseThrow().mediaReferences()) {
      try {
        images.put(reference, ImageUploads.reencode(read.media().get(reference)));
      } catch (ImageRejectedException e) {
        throw new ImportRejectedException(
            reference + " không phải ảnh PNG hoặc JPEG dùng được",
            reference + " is not an image this platform stores (PNG or JPEG): " + e.getMessage(),
            e);
      }
    }
    entityManager.persist(course);
    entityManager.flush();
    images.forEach(
        (reference, image) ->
            entityManager.persist(
                new CourseMedia(
                    course.id(),
                    reference.substring("media/".length()),
                    image.contentType(),
                    image.width(),
                    image.height(),
                    image.bytes(),
                    clock.instant())));
    entityManager.persist(new CourseAuthorship(course.id(), caller.accountId(), clock.instant()));
    record(course, 1, AuthoringAction.IMPORTED, caller);
    return course.id();
  }

  /**
   * Writes the course as a course package (PACKAGE-FORMAT.md): the working version, else the
   * published one, with every image it shows. Only those who may edit the course may export it (a
   * draft is not public); importing the package elsewhere gives the same course, activity IRIs
   * included.
   */
  public void exportPackage(Caller caller, long courseId, java.io.OutputStream out)
      throws java.io.IOException {
    var course = editableCourse(caller, courseId);
    var version = course.workingVersion().orElseGet(course::currentVersion);
    new vn.hocso.content.packaging.CoursePackageWriter()
        .write(
            version,
            reference ->
                findMedia(courseId, reference.substring("media/".length()))
                    .map(CourseMedia::content)
                    .orElse(null),
            out);
  }

  /**
   * A new course from a cmi5 course structure ({@code cmi5.xml}): each assignable unit becomes a
   * lesson holding it (see {@link vn.hocso.content.cmi5.Cmi5Reader}). The structure has no track or
   * length, so the caller gives them; the slug comes from the title, made free here.
   *
   * @throws ImportRejectedException naming the problem; nothing is stored
   */
  public long importCmi5(Caller caller, java.io.InputStream xml, Track track, int minutes) {
    requireAuthor(caller);
    Course course;
    try {
      var structure = new vn.hocso.content.cmi5.Cmi5Reader().read(xml);
      course =
          structure.toCourse(freeSlug(ActivityIri.slugFrom(structure.title())), track, minutes);
    } catch (vn.hocso.content.cmi5.Cmi5Exception e) {
      throw new ImportRejectedException(e.vietnameseMessage(), e.getMessage(), e);
    }
    entityManager.persist(course);
    entityManager.flush();
    entityManager.persist(new CourseAuthorship(course.id(), caller.accountId(), clock.instant()));
    record(course, 1, AuthoringAction.IMPORTED, caller);
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
        version.status() == VersionStatus.PUBLISHED ? List.of() : version.publishingProblems(),
        true,
        course.revision(),
        new EditorState.CoverAndTags(
            version.coverImage() == null ? null : version.coverImage().substring("media/".length()),
            version.tags(),
            version.prerequisites().stream().map(java.net.URI::toString).toList()));
  }

  /** The course's revision now: what a page remembers to detect a concurrent edit. */
  public long revision(Caller caller, long courseId) {
    return editableCourse(caller, courseId).revision();
  }

  /** The cover image: an image already uploaded for this course, or null for none. */
  public void useCoverImage(Caller caller, long courseId, String mediaReference) {
    if (mediaReference != null) {
      requireMedia(courseId, mediaReference); // before any change: see addImage
    }
    draft(caller, courseId).useCoverImage(mediaReference);
  }

  /** Replaces the tags (the course model cleans them: lower case, no duplicates, at most 20). */
  public void tag(Caller caller, long courseId, List<String> tags) {
    draft(caller, courseId).tag(tags);
  }

  /**
   * Replaces the prerequisites: each must be another course with a published version (a learner
   * could not complete a course that was never published).
   */
  public void requirePrerequisites(Caller caller, long courseId, List<String> courseIris) {
    var allowed =
        prerequisiteChoices(caller, courseId).stream()
            .map(PrerequisiteChoice::courseIri)
            .collect(java.util.stream.Collectors.toSet());
    replacePrerequisites(draft(caller, courseId), courseIris, allowed);
  }

  /** A published course that can be made a prerequisite. */
  public record PrerequisiteChoice(String courseIri, String title) {}

  /** The other published courses, by title. */
  public List<PrerequisiteChoice> prerequisiteChoices(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    return entityManager
        .createQuery("select c from Course c", Course.class)
        .getResultList()
        .stream()
        .filter(c -> !c.id().equals(course.id()) && c.isPublished())
        .map(c -> new PrerequisiteChoice(c.activityIri().toString(), c.title()))
        .sorted(Comparator.comparing(PrerequisiteChoice::title))
        .toList();
  }

  /**
   * Everything of the details form in one change: title, summary, track, level, length, tags and
   * prerequisites (each another published course).
   */
  public void saveDetails(
      Caller caller,
      long courseId,
      CourseDetails details,
      List<String> tags,
      List<String> prerequisiteIris) {
    var allowed =
        prerequisiteChoices(caller, courseId).stream()
            .map(PrerequisiteChoice::courseIri)
            .collect(java.util.stream.Collectors.toSet());
    var draft = draft(caller, courseId);
    draft.retitle(details.title(), details.titleEnglish());
    apply(draft, details);
    draft.tag(tags);
    replacePrerequisites(draft, prerequisiteIris, allowed);
  }

  private static void replacePrerequisites(
      CourseVersion draft, List<String> courseIris, java.util.Set<String> allowed) {
    for (var iri : courseIris) {
      if (!allowed.contains(iri)) {
        throw new IllegalArgumentException(
            "A prerequisite must be another published course, not " + iri);
      }
    }
    for (var old : draft.prerequisites()) {
      draft.dropPrerequisite(old);
    }
    for (var iri : courseIris) {
      draft.requirePrerequisite(java.net.URI.create(iri));
    }
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
    // The media query comes before any change: a query flushes, and EclipseLink's shared cache
    // missed block changes made after a flush in the same transaction (the database was right).
    requireMedia(courseId, mediaReference);
    lessonOfDraft(caller, courseId, lessonKey)
        .addBlock(new ImageBlock(mediaReference, altText, caption));
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

  /**
   * A video given by its https address (YouTube, Facebook, a Union site…), with an optional
   * caption; at {@code position}, or at the end when it is -1. Uploading video files is not
   * offered: a few minutes of video are tens of megabytes, too heavy for the members' connections
   * and for our storage, while the Union's videos are already on video sites.
   */
  public void saveVideoLink(
      Caller caller, long courseId, String lessonKey, int position, String link, String caption) {
    put(caller, courseId, lessonKey, position, VideoBlock.linked(link, caption));
  }

  /** Step-by-step instructions; each step's screenshot is an image uploaded for this course. */
  public void saveInstruction(
      Caller caller,
      long courseId,
      String lessonKey,
      int position,
      String heading,
      List<StepInput> steps) {
    var made = new ArrayList<InstructionStep>();
    for (var step : steps) {
      if (step.instruction() == null || step.instruction().isBlank()) {
        if (step.screenshot() != null) {
          throw new IllegalArgumentException("A step with a screenshot needs its instruction");
        }
        continue;
      }
      if (step.screenshot() != null) {
        requireMedia(courseId, step.screenshot());
      }
      made.add(new InstructionStep(step.instruction(), step.screenshot()));
    }
    put(caller, courseId, lessonKey, position, new InstructionBlock(heading, made));
  }

  /** One step as typed: its instruction and its screenshot's media reference (or null). */
  public record StepInput(String instruction, String screenshot) {}

  /** A question inside the lesson (it keeps its activity IRI when edited). */
  public void saveQuestionBlock(
      Caller caller, long courseId, String lessonKey, int position, QuestionInput input) {
    put(caller, courseId, lessonKey, position, new QuestionBlock(question(input)));
  }

  private void put(
      Caller caller, long courseId, String lessonKey, int position, ContentBlock block) {
    var lesson = lessonOfDraft(caller, courseId, lessonKey);
    if (position < 0) {
      lesson.addBlock(block);
    } else {
      lesson.replaceBlock(position, block);
    }
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

  /**
   * An image of a course, for the media servlet. Anyone signed in may load an image the published
   * version shows; any other image (of a draft, a version in review, or not used at all) only those
   * who may edit the course, and reviewers. Everyone else gets nothing, as if it did not exist.
   */
  public Optional<MediaFile> media(Caller caller, long courseId, String fileName) {
    var course = entityManager.find(Course.class, courseId);
    if (course == null) {
      return Optional.empty();
    }
    var reference = "media/" + fileName;
    var published =
        course.publishedVersion().map(v -> v.mediaReferences().contains(reference)).orElse(false);
    if (!published && !mayEdit(caller, course) && !caller.mayReview()) {
      return Optional.empty();
    }
    return findMedia(courseId, fileName)
        .map(m -> new MediaFile(m.contentType(), m.width(), m.height(), m.content()));
  }

  private boolean mayEdit(Caller caller, Course course) {
    if (!caller.mayAuthor()) {
      return false;
    }
    if (caller.centralAdmin()) {
      return true;
    }
    var authorship = entityManager.find(CourseAuthorship.class, course.id());
    return authorship != null && authorship.isOwnedBy(caller.accountId());
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
    var course = changing(caller, courseId);
    course.submitForReview();
    record(
        course, course.workingVersion().orElseThrow().number(), AuthoringAction.SUBMITTED, caller);
  }

  public void returnToDraft(Caller caller, long courseId) {
    returnToDraft(caller, courseId, null);
  }

  /** Sends the version in review back to draft, with the reviewer's comment (kept in history). */
  public void returnToDraft(Caller caller, long courseId, String comment) {
    var course = changing(caller, courseId);
    course.returnToDraft();
    var event =
        new AuthoringEvent(
                course.id(),
                course.workingVersion().orElseThrow().number(),
                AuthoringAction.RETURNED,
                caller.accountId(),
                clock.instant())
            .withComment(comment);
    entityManager.persist(event);
  }

  /**
   * The versions waiting for review, oldest submission first: every one for a reviewer (a central
   * admin), none for anyone else.
   */
  public List<ReviewItem> reviewQueue(Caller caller) {
    if (!caller.mayReview()) {
      throw new AccessDeniedException("Only central admins review courses");
    }
    var owners = ownerNames();
    var items = new ArrayList<ReviewItem>();
    for (var course :
        entityManager.createQuery("select c from Course c", Course.class).getResultList()) {
      var working = course.workingVersion();
      if (working.isEmpty() || working.get().status() != VersionStatus.IN_REVIEW) {
        continue;
      }
      var version = working.get();
      var submitted =
          entityManager
              .createQuery(
                  "select e from AuthoringEvent e where e.courseId = :course"
                      + " and e.versionNumber = :number and e.action = :action"
                      + " order by e.happenedAt desc, e.id desc",
                  AuthoringEvent.class)
              .setParameter("course", course.id())
              .setParameter("number", version.number())
              .setParameter("action", AuthoringAction.SUBMITTED)
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
      items.add(
          new ReviewItem(
              course.id(),
              version.title(),
              version.number(),
              owners.get(course.id()),
              submitted.map(e -> displayName(e.actorAccountId())).orElse(null),
              submitted.map(AuthoringEvent::happenedAt).orElse(version.createdAt()),
              course.isPublished()));
    }
    items.sort(Comparator.comparing(ReviewItem::submittedAt));
    return items;
  }

  /**
   * Publishes the working version: learners starting the course from now on get it.
   *
   * @throws vn.hocso.content.course.domain.CourseNotPublishableException naming every problem
   */
  public void publish(Caller caller, long courseId) {
    var course = changing(caller, courseId);
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
                          e.happenedAt(),
                          e.comment()))
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
    if (!mayEdit(caller, course)) {
      throw new AccessDeniedException("Course " + courseId + " belongs to another author");
    }
    return course;
  }

  /**
   * The course, for a change: the caller may edit it, the page she saved from showed the current
   * revision ({@link Caller#seenRevision}, when it says), and the revision is raised at commit, so
   * a second save from a page that loaded the same revision is refused ({@link
   * ConcurrentEditException} here, or the provider's OptimisticLockException when both commit at
   * once).
   */
  private Course changing(Caller caller, long courseId) {
    var course = editableCourse(caller, courseId);
    if (caller.seenRevision() != null && caller.seenRevision() != course.revision()) {
      throw new ConcurrentEditException(courseId, caller.seenRevision(), course.revision());
    }
    entityManager.lock(course, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    return course;
  }

  /** The draft to edit: the current one, or a new one copied from the published version. */
  private CourseVersion draft(Caller caller, long courseId) {
    var course = changing(caller, courseId);
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
