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
        .anySatisfy(p -> assertThat(p).contains("Chưa có đáp án"));
  }
}
