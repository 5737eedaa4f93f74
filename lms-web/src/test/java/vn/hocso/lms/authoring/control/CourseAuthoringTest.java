package vn.hocso.lms.authoring.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.authoring.Change;
import vn.hocso.content.authoring.Change.Kind;
import vn.hocso.content.catalogue.CatalogueQuery;
import vn.hocso.content.catalogue.CatalogueSearch;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.CourseNotPublishableException;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.authoring.control.QuestionInput.OptionInput;
import vn.hocso.lms.authoring.domain.AuthoringAction;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.platform.Transactions;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * The authoring service on the real migrations and persistence unit (H2): who may do what, the
 * draft → review → published life, a new draft on editing a published course, history.
 */
class CourseAuthoringTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  static TestDatabases.TestDatabase database;
  static EntityManagerFactory factory;
  static Caller hoa;
  static Caller lan;
  static Caller admin;
  static Caller learner;

  @BeforeAll
  static void accounts() throws Exception {
    database = TestDatabases.H2.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    var callers =
        Transactions.inTransaction(
            factory,
            em -> {
              var central = OrgUnit.central("Trung ương Hội", LocalDate.of(2025, 7, 1));
              em.persist(central);
              var made = new Caller[4];
              var roles = List.of(Role.TRAINER, Role.TRAINER, Role.CENTRAL_ADMIN, Role.LEARNER);
              var names = List.of("hoa", "lan", "quantri", "hocvien");
              for (int i = 0; i < 4; i++) {
                var account =
                    new Account(names.get(i), "mat-khau-dai".toCharArray(), names.get(i), central);
                account.grant(roles.get(i), roles.get(i) == Role.LEARNER ? null : central);
                em.persist(account);
                em.flush();
                made[i] = Caller.of(account);
              }
              return made;
            });
    hoa = callers[0];
    lan = callers[1];
    admin = callers[2];
    learner = callers[3];
  }

  @AfterAll
  static void drop() throws Exception {
    factory.close();
    database.close();
  }

  static <T> T tx(Function<CourseAuthoring, T> work) {
    return Transactions.inTransaction(factory, em -> work.apply(new CourseAuthoring(em, CLOCK)));
  }

  static void run(java.util.function.Consumer<CourseAuthoring> work) {
    tx(
        service -> {
          work.accept(service);
          return null;
        });
  }

  static List<CourseRow> myCourses(Caller caller) {
    return tx(service -> service.myCourses(caller));
  }

  static CourseDetails details(String title) {
    return new CourseDetails(
        title, null, "Tóm tắt của " + title, null, Track.ELECTRONIC_PAYMENT, Level.BASIC, 20);
  }

  static QuestionInput singleChoice(String prompt) {
    return new QuestionInput(
        QuestionKind.SINGLE_CHOICE,
        prompt,
        List.of(
            new OptionInput("Chỉ tôi", true, "Đúng vậy"),
            new OptionInput("Nhân viên ngân hàng", false, "Không ai được hỏi"),
            new OptionInput("", false, null)),
        "Tốt lắm",
        "Xem lại bài 2");
  }

  /** A course by {@code author} with one module of three lessons and a quiz, ready to publish. */
  static long readyCourse(Caller author, String title) {
    return tx(
        service -> {
          var id = service.create(author, details(title));
          var module = service.addModule(author, id, "Phần 1");
          for (var lesson : List.of("Bài một", "Bài hai", "Bài ba")) {
            var key = service.addLesson(author, id, module, lesson);
            service.addText(author, id, key, "<p>Nội dung " + lesson + "</p>");
          }
          service.setQuiz(author, id, module, "Kiểm tra", 80, 3);
          service.addQuestion(author, id, module, singleChoice("Ai được biết mã OTP?"));
          return id;
        });
  }

  @Test
  void aTrainerWritesAndPublishesACourseThatLearnersThenFindWithoutDiacritics() {
    var id = readyCourse(hoa, "Giữ an toàn mã OTP khi chuyển khoản");

    run(service -> service.publish(hoa, id));

    var found =
        Transactions.inTransaction(
            factory,
            em ->
                new CatalogueSearch(em)
                    .search(new CatalogueQuery("giu an toan ma otp", null, null, null, 0, 10)));
    assertThat(found.courses()).extracting(c -> c.courseId()).contains(id);
    var lesson =
        Transactions.inTransaction(
            factory, em -> new CourseCatalog(em).publishedLesson(id, "bai-mot").orElseThrow());
    assertThat(lesson.blocks())
        .singleElement()
        .extracting(b -> b.html())
        .isEqualTo("<p>Nội dung Bài một</p>");
  }

  @Test
  void outlineEditsKeepKeysAndOrder() {
    var id = readyCourse(hoa, "Sắp xếp bài học");

    run(service -> service.moveLesson(hoa, id, "bai-ba", "phan-1", 0));
    run(service -> service.renameLesson(hoa, id, "bai-hai", "Bài hai (sửa)"));
    var outline = tx(service -> service.editor(hoa, id)).outline();

    assertThat(outline.lessonKeys()).containsExactly("bai-ba", "bai-mot", "bai-hai");
    assertThat(outline.modules().get(0).lessons().get(2).title()).isEqualTo("Bài hai (sửa)");
    assertThat(outline.modules().get(0).quiz().questionCount()).isEqualTo(1);

    run(service -> service.removeLesson(hoa, id, "bai-mot"));
    assertThat(tx(service -> service.editor(hoa, id)).outline().lessonKeys())
        .containsExactly("bai-ba", "bai-hai");
  }

  @Test
  void richTextIsSanitisedOnWriteAndCalloutsStayPlainText() {
    var id = readyCourse(hoa, "Văn bản an toàn");

    run(
        service ->
            service.addText(
                hoa, id, "bai-mot", "<p onclick=\"alert(1)\">Chào<script>alert(2)</script></p>"));
    run(
        service ->
            service.addCallout(
                hoa, id, "bai-mot", CalloutBlock.Tone.WARNING, "<b>Không</b> đọc mã OTP"));
    var blocks = tx(service -> service.lesson(hoa, id, "bai-mot")).blocks();

    assertThat(blocks.get(1).html()).isEqualTo("<p>Chào</p>");
    assertThat(blocks.get(2).text()).isEqualTo("<b>Không</b> đọc mã OTP"); // escaped by the page
    assertThatThrownBy(
            () -> run(service -> service.addText(hoa, id, "bai-mot", "<script>x</script>")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void aTrainerEditsOnlyHerOwnCoursesAndALearnerNone() {
    var id = readyCourse(hoa, "Khoá của Hoa");

    assertThatThrownBy(() -> tx(service -> service.editor(lan, id)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> run(service -> service.addModule(lan, id, "Của Lan")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> run(service -> service.publish(lan, id)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tx(service -> service.create(learner, details("Của học viên"))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(myCourses(lan)).extracting(CourseRow::courseId).doesNotContain(id);
    assertThat(myCourses(hoa)).extracting(CourseRow::courseId).contains(id);

    run(service -> service.renameLesson(admin, id, "bai-mot", "Sửa bởi quản trị"));
    assertThat(myCourses(admin)).extracting(CourseRow::courseId).contains(id);
  }

  @Test
  void publishingAnIncompleteCourseNamesEveryProblemAndWritesNothing() {
    var id = tx(service -> service.create(hoa, details("Chưa xong")));
    run(service -> service.addModule(hoa, id, "Trống"));

    assertThatThrownBy(() -> run(service -> service.publish(hoa, id)))
        .isInstanceOf(CourseNotPublishableException.class)
        .hasMessageContaining("Trống");
    assertThat(tx(service -> service.editor(hoa, id)).status()).isEqualTo(VersionStatus.DRAFT);
    assertThat(tx(service -> service.history(hoa, id)).get(0).events())
        .extracting(VersionEntry.Event::action)
        .containsExactly(AuthoringAction.CREATED);
  }

  @Test
  void editingAPublishedCourseMakesADraftLearnersDoNotSeeUntilItIsPublished() {
    var id = readyCourse(hoa, "Hai phiên bản");
    run(service -> service.publish(hoa, id));

    run(service -> service.renameLesson(hoa, id, "bai-mot", "Bài một, viết lại"));
    run(service -> service.addText(hoa, id, "bai-hai", "<p>Thêm đoạn mới</p>"));

    var editor = tx(service -> service.editor(hoa, id));
    assertThat(editor.outline().versionNumber()).isEqualTo(2);
    assertThat(editor.status()).isEqualTo(VersionStatus.DRAFT);
    assertThat(editor.publishedVersionNumber()).isEqualTo(1);
    var seenByLearners =
        Transactions.inTransaction(
            factory, em -> new CourseCatalog(em).publishedOutline(id).orElseThrow());
    assertThat(seenByLearners.versionNumber()).isEqualTo(1);
    assertThat(seenByLearners.modules().get(0).lessons().get(0).title()).isEqualTo("Bài một");

    run(service -> service.submitForReview(hoa, id));
    assertThatThrownBy(() -> run(service -> service.addModule(hoa, id, "Khoá lại")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("review");
    run(service -> service.publish(hoa, id));

    var now =
        Transactions.inTransaction(
            factory, em -> new CourseCatalog(em).publishedOutline(id).orElseThrow());
    assertThat(now.versionNumber()).isEqualTo(2);
    assertThat(now.modules().get(0).lessons().get(0).title()).isEqualTo("Bài một, viết lại");

    var history = tx(service -> service.history(hoa, id));
    assertThat(history).extracting(VersionEntry::number).containsExactly(2, 1);
    assertThat(history.get(0).status()).isEqualTo(VersionStatus.PUBLISHED);
    assertThat(history.get(1).status()).isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(history.get(0).changes())
        .containsExactlyInAnyOrder(
            new Change(Kind.LESSON_RENAMED, "Bài một, viết lại"),
            new Change(Kind.LESSON_CONTENT, "Bài hai"));
    assertThat(history.get(0).events())
        .extracting(VersionEntry.Event::action)
        .containsExactly(
            AuthoringAction.NEW_DRAFT, AuthoringAction.SUBMITTED, AuthoringAction.PUBLISHED);
    assertThat(history.get(0).events().get(0).actorName()).isEqualTo("hoa");
    assertThat(history.get(1).changes()).containsExactly(new Change(Kind.FIRST_VERSION, ""));
  }

  @Test
  void theQuizBuilderKeepsKindsOptionsFeedbackAndPassingScore() {
    var id = readyCourse(hoa, "Câu hỏi đủ loại");
    run(
        service -> {
          service.addQuestion(
              hoa,
              id,
              "phan-1",
              new QuestionInput(
                  QuestionKind.MULTIPLE_CHOICE,
                  "Những gì cần giữ bí mật?",
                  List.of(
                      new OptionInput("Mã OTP", true, null),
                      new OptionInput("Mật khẩu", true, null),
                      new OptionInput("Tên ngân hàng", false, "Tên thì không sao")),
                  null,
                  null));
          service.addQuestion(
              hoa,
              id,
              "phan-1",
              new QuestionInput(
                  QuestionKind.TRUE_FALSE,
                  "Ngân hàng có thể hỏi mã OTP.",
                  List.of(new OptionInput("Đúng", false, null), new OptionInput("Sai", true, null)),
                  null,
                  null));
          service.addQuestion(
              hoa,
              id,
              "phan-1",
              new QuestionInput(
                  QuestionKind.ORDERING,
                  "Xếp các bước",
                  List.of(
                      new OptionInput("Mở ứng dụng", false, null),
                      new OptionInput("Quét mã", false, null)),
                  null,
                  null));
          service.setQuiz(hoa, id, "phan-1", "Kiểm tra cuối", 70, null);
        });

    var quiz = tx(service -> service.quiz(hoa, id, "phan-1")).orElseThrow();
    assertThat(quiz.title()).isEqualTo("Kiểm tra cuối");
    assertThat(quiz.passingScore()).isEqualTo(70);
    assertThat(quiz.maxAttempts()).isNull();
    assertThat(quiz.questions())
        .extracting(q -> q.kind())
        .containsExactly(
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.MULTIPLE_CHOICE,
            QuestionKind.TRUE_FALSE,
            QuestionKind.ORDERING);
    var first = quiz.questions().get(0);
    assertThat(first.options()).hasSize(2); // the blank third option was dropped
    assertThat(first.options().get(0).correct()).isTrue();
    assertThat(first.options().get(1).feedback()).isEqualTo("Không ai được hỏi");
    assertThat(first.feedbackWhenWrong()).isEqualTo("Xem lại bài 2");

    var key = first.key();
    run(service -> service.replaceQuestion(hoa, id, "phan-1", key, singleChoice("Ai biết OTP?")));
    run(service -> service.moveQuestion(hoa, id, "phan-1", key, 3));
    var after = tx(service -> service.quiz(hoa, id, "phan-1")).orElseThrow();
    assertThat(after.questions().get(3).key()).isEqualTo(key);
    assertThat(after.questions().get(3).prompt()).isEqualTo("Ai biết OTP?");

    run(
        service ->
            service.addQuestion(
                hoa,
                id,
                "phan-1",
                new QuestionInput(
                    QuestionKind.SINGLE_CHOICE,
                    "Chưa có đáp án",
                    List.of(new OptionInput("A", false, null), new OptionInput("B", false, null)),
                    null,
                    null)));
    assertThat(tx(service -> service.editor(hoa, id)).problems())
        .anySatisfy(
            p -> {
              assertThat(p.code())
                  .isEqualTo(
                      vn.hocso.content.course.domain.PublishingProblem.Code
                          .QUESTION_NO_RIGHT_ANSWER);
              assertThat(p.placeTitle()).isEqualTo("Kiểm tra cuối");
              assertThat(p.prompt()).isEqualTo("Chưa có đáp án");
            });
  }

  // ---- part 2: imports, more blocks, details, review, concurrent edits, media access ----

  static long courseCount() {
    return tx(
        service ->
            service.myCourses(admin).size() + 0L); // every course, as a central admin sees them
  }

  static java.util.Optional<CourseAuthoring.MediaFile> mediaFor(
      Caller caller, long id, String file) {
    return tx(service -> service.media(caller, id, file));
  }

  static List<ReviewItem> queue(Caller caller) {
    return tx(service -> service.reviewQueue(caller));
  }

  static long revisionOf(Caller caller, long id) {
    return tx(service -> service.revision(caller, id));
  }

  static List<CourseAuthoring.PrerequisiteChoice> choices(Caller caller, long id) {
    return tx(service -> service.prerequisiteChoices(caller, id));
  }

  static java.io.InputStream resource(String name) {
    return CourseAuthoringTest.class.getResourceAsStream("/vn/hocso/lms/authoring/" + name);
  }

  @Test
  void aCmi5StructureBecomesADraftOfExternalUnitsOwnedByTheImporter() {
    var id =
        tx(
            service ->
                service.importCmi5(
                    lan, resource("cmi5-two-units.xml"), Track.ONLINE_PUBLIC_SERVICES, 25));

    var editor = tx(service -> service.editor(lan, id));
    assertThat(editor.details().title()).isEqualTo("Dùng VNeID");
    assertThat(editor.outline().modules())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.lessons())
                    .extracting(l -> l.title())
                    .containsExactly("Cài ứng dụng VNeID", "Đăng nhập VNeID"));
    assertThat(editor.problems()).isEmpty();
    assertThat(tx(service -> service.lesson(lan, id, "dang-nhap-vneid")).blocks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.kind()).isEqualTo("externalAu");
              assertThat(b.link()).isEqualTo("https://noidung.example.vn/au/dang-nhap-vneid/");
            });
    assertThat(tx(service -> service.history(lan, id)).get(0).events())
        .extracting(VersionEntry.Event::action)
        .containsExactly(AuthoringAction.IMPORTED);
    // only she (and admins) may edit it
    assertThatThrownBy(() -> tx(service -> service.editor(hoa, id)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aBrokenCmi5StructureIsRefusedNamingTheProblemAndCreatesNothing() throws Exception {
    var before = courseCount();
    String xml;
    try (var in = resource("cmi5-two-units.xml")) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var broken = xml.replace("moveOn=\"CompletedOrPassed\"", "moveOn=\"Whenever\"");

    assertThatThrownBy(
            () ->
                tx(
                    service ->
                        service.importCmi5(
                            lan,
                            new java.io.ByteArrayInputStream(
                                broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            Track.ONLINE_PUBLIC_SERVICES,
                            25)))
        .isInstanceOf(ImportRejectedException.class)
        .hasMessageContaining("cmi5 schema")
        .hasMessageContaining("Whenever");
    assertThat(courseCount()).isEqualTo(before);
    assertThatThrownBy(
            () ->
                tx(
                    service ->
                        service.importCmi5(
                            learner, resource("cmi5-two-units.xml"), Track.E_COMMERCE, 10)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aCoursePackageIsImportedAsTheImportersDraftOnceAndABrokenOneCreatesNothing()
      throws Exception {
    var id = readyCourse(hoa, "Gói để chuyển đi");
    var photo =
        ImageUploadsTest.bytes(
            new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png");
    var image = tx(service -> service.uploadImage(hoa, id, photo));
    run(service -> service.addImage(hoa, id, "bai-mot", image, "Ảnh minh họa", null));
    // her own course: exported through the service, the image included
    var zip = new java.io.ByteArrayOutputStream();
    run(
        service -> {
          try {
            service.exportPackage(hoa, id, zip);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    var read =
        new vn.hocso.content.packaging.CoursePackageReader()
            .read(new java.io.ByteArrayInputStream(zip.toByteArray()));
    assertThat(read.media()).containsOnlyKeys(image);
    var stored = tx(service -> service.media(hoa, id, image.substring("media/".length())));
    assertThat(read.media().get(image)).isEqualTo(stored.orElseThrow().content());
    assertThat(read.course().slug()).isEqualTo("goi-de-chuyen-di");
    // another trainer's draft is not hers to export
    assertThatThrownBy(() -> run(service -> exportQuietly(service, lan, id)))
        .isInstanceOf(vn.hocso.lms.units.control.AccessDeniedException.class);
    // the same course exists here: importing it would give two courses one activity id
    assertThatThrownBy(
            () ->
                tx(
                    service ->
                        service.importPackage(
                            lan, new java.io.ByteArrayInputStream(zip.toByteArray()))))
        .isInstanceOf(ImportRejectedException.class)
        .hasMessageContaining("already exists");

    var before = courseCount();
    assertThatThrownBy(
            () ->
                tx(
                    service ->
                        service.importPackage(
                            lan, new java.io.ByteArrayInputStream("không phải zip".getBytes()))))
        .isInstanceOf(ImportRejectedException.class)
        .hasMessageContaining("not a zip");
    assertThat(courseCount()).isEqualTo(before);

    // the same package with another slug is a new course, owned by the importer
    var renamed = new java.io.ByteArrayOutputStream();
    try (var in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()));
        var out = new java.util.zip.ZipOutputStream(renamed)) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var bytes = in.readAllBytes();
        if (entry.getName().equals("course.json")) {
          bytes =
              new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                  .replace("goi-de-chuyen-di", "goi-da-chuyen-den")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    var imported =
        tx(
            service ->
                service.importPackage(
                    lan, new java.io.ByteArrayInputStream(renamed.toByteArray())));
    var editor = tx(service -> service.editor(lan, imported));
    assertThat(editor.outline().modules().get(0).lessons()).hasSize(3);
    assertThat(editor.status()).isEqualTo(VersionStatus.DRAFT);
    assertThat(tx(service -> service.lesson(lan, imported, "bai-mot")).blocks())
        .extracting(b -> b.kind())
        .containsExactly("text", "image");
  }

  private static void exportQuietly(CourseAuthoring service, Caller caller, long id) {
    try {
      service.exportPackage(caller, id, java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theLessonEditorSavesVideoLinksInstructionsWithScreenshotsAndEmbeddedQuestions()
      throws Exception {
    var id = readyCourse(hoa, "Đủ loại nội dung");
    var screenshot =
        ImageUploadsTest.bytes(
            new java.awt.image.BufferedImage(300, 600, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png");
    // one action per transaction, as the pages do
    run(
        service ->
            service.saveVideoLink(
                hoa, id, "bai-mot", -1, "https://www.youtube.com/watch?v=abc", "Cách quét mã"));
    var shot = tx(service -> service.uploadImage(hoa, id, screenshot));
    run(
        service ->
            service.saveInstruction(
                hoa,
                id,
                "bai-mot",
                -1,
                "Chuyển tiền bằng mã QR",
                List.of(
                    new CourseAuthoring.StepInput("Mở ứng dụng ngân hàng.", shot),
                    new CourseAuthoring.StepInput("  ", null),
                    new CourseAuthoring.StepInput("Chọn Quét QR.", null))));
    run(
        service ->
            service.saveQuestionBlock(hoa, id, "bai-mot", -1, singleChoice("Ai được biết OTP?")));
    var blocks = tx(service -> service.lesson(hoa, id, "bai-mot")).blocks();
    assertThat(blocks)
        .extracting(b -> b.kind())
        .containsExactly("text", "video", "steps", "question");
    assertThat(blocks.get(1).link()).isEqualTo("https://www.youtube.com/watch?v=abc");
    assertThat(blocks.get(2).steps()).containsExactly("Mở ứng dụng ngân hàng.", "Chọn Quét QR.");
    assertThat(blocks.get(2).stepImages().get(0)).startsWith("anh-");
    assertThat(blocks.get(2).stepImages().get(1)).isEmpty();
    var questionKey = blocks.get(3).question().key();

    // editing keeps the question's key (its activity IRI)
    run(service -> service.saveQuestionBlock(hoa, id, "bai-mot", 3, singleChoice("Ai biết OTP?")));
    var edited = tx(service -> service.lesson(hoa, id, "bai-mot")).blocks().get(3).question();
    assertThat(edited.key()).isEqualTo(questionKey);
    assertThat(edited.prompt()).isEqualTo("Ai biết OTP?");

    assertThatThrownBy(
            () ->
                run(
                    service ->
                        service.saveVideoLink(hoa, id, "bai-mot", -1, "javascript:alert(1)", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                run(
                    service ->
                        service.saveInstruction(
                            hoa,
                            id,
                            "bai-mot",
                            -1,
                            "Ảnh của khóa khác",
                            List.of(new CourseAuthoring.StepInput("Bước", "media/khong-co.jpg")))))
        .hasMessageContaining("No uploaded image");
    assertThat(tx(service -> service.lesson(hoa, id, "bai-mot")).blocks()).hasSize(4);
  }

  @Test
  void detailsCarryTagsCoverAndOnlyPublishedCoursesAsPrerequisites() throws Exception {
    var first = readyCourse(hoa, "Học trước tiên");
    var id = readyCourse(hoa, "Học sau đó");
    var firstIri = "https://hocso.vn/xapi/activities/course/hoc-truoc-tien";
    // not published yet: not offered, and refused
    assertThat(choices(hoa, id))
        .extracting(CourseAuthoring.PrerequisiteChoice::courseIri)
        .doesNotContain(firstIri);
    assertThatThrownBy(
            () ->
                run(
                    service ->
                        service.saveDetails(
                            hoa, id, details("Học sau đó"), List.of(), List.of(firstIri))))
        .hasMessageContaining("published course");

    run(service -> service.publish(hoa, first));
    run(
        service ->
            service.saveDetails(
                hoa,
                id,
                details("Học sau đó"),
                List.of("VietQR", "vietqr", "OTP"),
                List.of(firstIri)));
    var cover =
        ImageUploadsTest.bytes(
            new java.awt.image.BufferedImage(800, 400, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "jpg");
    var coverReference = tx(service -> service.uploadImage(hoa, id, cover));
    run(service -> service.useCoverImage(hoa, id, coverReference));

    var extras = tx(service -> service.editor(hoa, id)).extras();
    assertThat(extras.tags()).containsExactly("vietqr", "otp");
    assertThat(extras.prerequisites()).containsExactly(firstIri);
    assertThat(extras.coverFile()).startsWith("anh-");
    assertThatThrownBy(
            () ->
                run(
                    service ->
                        service.saveDetails(
                            hoa,
                            id,
                            details("Học sau đó"),
                            List.of(),
                            List.of("https://hocso.vn/xapi/activities/course/hoc-sau-do"))))
        .hasMessageContaining("published course");
  }

  @Test
  void aSecondSaveFromAPageThatLoadedAnOlderRevisionIsRefusedAndWritesNothing() {
    var id = readyCourse(hoa, "Hai người cùng sửa");
    // Hoa and an admin open the editor: both pages show the same revision
    var seen = tx(service -> service.editor(hoa, id)).revision();
    assertThat(tx(service -> service.editor(admin, id)).revision()).isEqualTo(seen);

    run(service -> service.renameLesson(admin.seeing(seen), id, "bai-mot", "Bài của quản trị"));
    assertThatThrownBy(
            () ->
                run(
                    service ->
                        service.renameLesson(hoa.seeing(seen), id, "bai-mot", "Bài của Hoa")))
        .isInstanceOf(ConcurrentEditException.class);
    assertThat(tx(service -> service.lesson(hoa, id, "bai-mot")).title())
        .isEqualTo("Bài của quản trị");

    // after reloading she saves normally, and the revision moves on with every change
    var now = tx(service -> service.revision(hoa, id));
    assertThat(now).isGreaterThan(seen);
    run(service -> service.renameLesson(hoa.seeing(now), id, "bai-mot", "Bài của Hoa"));
    assertThat(revisionOf(hoa, id)).isGreaterThan(now);
    // the life cycle is guarded too: a stale page cannot publish
    assertThatThrownBy(() -> run(service -> service.publish(admin.seeing(now), id)))
        .isInstanceOf(ConcurrentEditException.class);
  }

  @Test
  void reviewersSeeSubmittedVersionsAndReturnThemWithAComment() {
    var id = readyCourse(hoa, "Chờ duyệt");
    run(service -> service.submitForReview(hoa, id));

    assertThat(queue(admin))
        .filteredOn(item -> item.courseId() == id)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).isEqualTo("Chờ duyệt");
              assertThat(item.authorName()).isEqualTo("hoa");
              assertThat(item.submittedBy()).isEqualTo("hoa");
            });
    assertThatThrownBy(() -> tx(service -> service.reviewQueue(hoa)))
        .isInstanceOf(AccessDeniedException.class);

    run(service -> service.returnToDraft(admin, id, "Bài hai cần thêm ảnh minh họa."));
    assertThat(queue(admin)).noneMatch(item -> item.courseId() == id);
    assertThat(tx(service -> service.history(hoa, id)).get(0).events())
        .filteredOn(e -> e.action() == AuthoringAction.RETURNED)
        .singleElement()
        .satisfies(e -> assertThat(e.comment()).isEqualTo("Bài hai cần thêm ảnh minh họa."));
  }

  @Test
  void imagesOfADraftAreSeenOnlyByItsEditorsUntilAVersionShowingThemIsPublished() throws Exception {
    var id = readyCourse(hoa, "Ảnh riêng tư");
    var photo =
        ImageUploadsTest.bytes(
            new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png");
    var reference =
        tx(
            service -> {
              var made = service.uploadImage(hoa, id, photo);
              service.addImage(hoa, id, "bai-mot", made, "Một mã QR", null);
              return made;
            });
    var file = reference.substring("media/".length());

    assertThat(mediaFor(hoa, id, file)).isPresent();
    assertThat(mediaFor(admin, id, file)).isPresent();
    assertThat(mediaFor(learner, id, file)).isEmpty();
    assertThat(mediaFor(lan, id, file)).isEmpty();
    assertThat(mediaFor(new Caller(-1, false, false), id, file)).isEmpty();

    run(service -> service.publish(hoa, id));
    assertThat(mediaFor(learner, id, file)).isPresent();

    // removed from the next draft: still public, since the published version shows it
    run(service -> service.removeBlock(hoa, id, "bai-mot", 1));
    assertThat(mediaFor(learner, id, file)).isPresent();
    // an upload no published version uses stays private
    var unused = tx(service -> service.uploadImage(hoa, id, photo)).substring("media/".length());
    assertThat(mediaFor(learner, id, unused)).isEmpty();
  }

  @Test
  void everyPublishingProblemHasVietnameseAndEnglishWords() {
    for (var locale : List.of(java.util.Locale.forLanguageTag("vi"), java.util.Locale.ENGLISH)) {
      var bundle = java.util.ResourceBundle.getBundle("vn.hocso.lms.web.messages", locale);
      for (var code : vn.hocso.content.course.domain.PublishingProblem.Code.values()) {
        assertThat(bundle.getString("authoring.problem." + code)).isNotBlank();
      }
    }
    var vi =
        java.util.ResourceBundle.getBundle(
            "vn.hocso.lms.web.messages", java.util.Locale.forLanguageTag("vi"));
    assertThat(
            new java.text.MessageFormat(vi.getString("authoring.problem.QUESTION_SEVERAL_RIGHT"))
                .format(new Object[] {"Kiểm tra", "Chọn một", 2L}))
        .isEqualTo("Câu hỏi «Chọn một» có 2 đáp án đúng nhưng chỉ cho chọn một.");
  }
}
