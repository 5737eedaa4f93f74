package vn.hocso.lms.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.AttemptsPolicy;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.InstructionStep;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.content.course.domain.VideoBlock;
import vn.hocso.content.packaging.CoursePackageReader;
import vn.hocso.content.packaging.CoursePackageWriter;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;

/**
 * The course structure (versions, modules, lessons, every kind of block, quizzes) through the real
 * migrations and the real persistence unit, on H2 and on MariaDB: what is written reads back equal
 * from the database, with the shared cache off.
 */
class CourseStructurePersistenceTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void readsBackACourseWithModulesLessonsBlocksAndAQuizAsWritten(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory = factoryFor(database);
      try {
        var written = richCourse();
        inTransaction(factory, em -> em.persist(written));

        var em = factory.createEntityManager();
        var read = reload(em, written);

        assertThat(read).isNotSameAs(written);
        assertThat(read.versions()).hasSize(1);
        assertThat(read)
            .usingRecursiveComparison()
            .ignoringFields("revision", "versions.revision")
            .isEqualTo(written);
        var lesson = read.versions().get(0).lesson("quet-ma-qr");
        assertThat(lesson.blocks())
            .hasExactlyElementsOfTypes(
                RichTextBlock.class,
                ImageBlock.class,
                VideoBlock.class,
                VideoBlock.class,
                CalloutBlock.class,
                InstructionBlock.class,
                QuestionBlock.class);
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void keepsThePublishedVersionUnchangedWhileANewDraftIsEdited(TestDatabases kind)
      throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory = factoryFor(database);
      try {
        var course = richCourse();
        course.publish();
        inTransaction(factory, em -> em.persist(course));
        inTransaction(
            factory,
            em -> {
              var managed = em.find(Course.class, course.id());
              var draft = managed.edit();
              draft.retitle("Thanh toán bằng mã QR (bản mới)", null);
              draft.module("chuyen-tien").moveLesson("kiem-tra-nguoi-nhan", 0);
            });

        var em = factory.createEntityManager();
        var read = reload(em, course);
        assertThat(read.versions())
            .extracting(v -> v.number() + " " + v.status())
            .containsExactly("1 " + VersionStatus.PUBLISHED, "2 " + VersionStatus.DRAFT);
        var published = read.version(1);
        var draft = read.version(2);
        assertThat(published.title()).isEqualTo("Thanh toán bằng mã QR");
        assertThat(published.lessons()).extracting(l -> l.key()).startsWith("quet-ma-qr");
        assertThat(draft.lessons()).extracting(l -> l.key()).startsWith("kiem-tra-nguoi-nhan");
        assertThat(draft.lesson("quet-ma-qr").activityIri())
            .isEqualTo(published.lesson("quet-ma-qr").activityIri());
        assertThat(draft.lesson("quet-ma-qr").id())
            .isNotEqualTo(published.lesson("quet-ma-qr").id());

        var catalog = new CourseCatalog(em);
        assertThat(catalog.publishedCourses())
            .singleElement()
            .satisfies(summary -> assertThat(summary.title()).isEqualTo("Thanh toán bằng mã QR"));
        assertThat(catalog.versionToStart(course.activityIri())).get().isEqualTo(published);
        assertThat(catalog.version(draft.id())).get().isEqualTo(draft);
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesACourseReadFromAPackageAsItWasExported(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory = factoryFor(database);
      try {
        var original = richCourse();
        var zip = new java.io.ByteArrayOutputStream();
        new CoursePackageWriter().write(original.edit(), name -> new byte[] {1, 2, 3}, zip);
        var imported =
            new CoursePackageReader()
                .read(new java.io.ByteArrayInputStream(zip.toByteArray()))
                .course();
        inTransaction(factory, em -> em.persist(imported));

        var em = factory.createEntityManager();
        var read = reload(em, imported);
        assertThat(read)
            .usingRecursiveComparison()
            .ignoringFields("revision", "versions.revision")
            .isEqualTo(imported);
        assertThat(read.versions().get(0).lessons())
            .extracting(l -> l.activityIri())
            .containsExactlyElementsOf(
                original.edit().lessons().stream().map(l -> l.activityIri()).toList());
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  /** A course that uses every part of the model. */
  static Course richCourse() {
    var course =
        new Course(
            "thanh-toan-bang-ma-qr",
            "Thanh toán bằng mã QR",
            "Paying with a QR code",
            "Quét mã VietQR để chuyển tiền an toàn.",
            Track.ELECTRONIC_PAYMENT,
            30);
    var version = course.edit();
    version.describe("Quét mã VietQR để chuyển tiền an toàn.", "Scan VietQR codes to pay safely.");
    version.classify(Track.ELECTRONIC_PAYMENT, Level.BASIC, Audience.MEMBERS);
    version.useCoverImage("media/cover.jpg");
    version.tag(List.of("VietQR", "chuyển tiền"));
    version.requirePrerequisite(
        java.net.URI.create("https://hocso.vn/xapi/activities/course/dung-dien-thoai-thong-minh"));
    version.unlockInSequence(true);

    var module = version.addModule("Chuyển tiền");
    var lesson = module.addLesson("Quét mã QR");
    lesson.addBlock(
        new RichTextBlock("<p>Mã <strong>VietQR</strong> có trên ứng dụng ngân hàng.</p>"));
    lesson.addBlock(new ImageBlock("media/vietqr.png", "Một mã VietQR", "Mã của người nhận"));
    lesson.addBlock(VideoBlock.uploaded("media/quet-ma.mp4", "Xem cách quét"));
    lesson.addBlock(VideoBlock.linked("https://www.youtube.com/watch?v=abc", null));
    lesson.addBlock(
        new CalloutBlock(CalloutBlock.Tone.WARNING, "Không bao giờ đọc mã OTP cho người khác."));
    lesson.addBlock(
        new InstructionBlock(
            "Chuyển tiền bằng mã QR",
            List.of(
                new InstructionStep("Mở ứng dụng ngân hàng.", "media/buoc-1.png"),
                new InstructionStep("Chọn Quét QR.", null))));
    lesson.addBlock(
        new QuestionBlock(
            Question.trueFalse(
                "Nhân viên ngân hàng có thể hỏi mã OTP của bạn.",
                false,
                "Sai rồi: không ai được hỏi mã OTP.",
                "Đúng: giữ mã OTP cho riêng mình.")));
    module
        .addLesson("Kiểm tra người nhận")
        .addBlock(new RichTextBlock("<p>Xem kỹ tên người nhận trước khi xác nhận.</p>"));

    var quiz = module.attachQuiz("Bài kiểm tra", 80, AttemptsPolicy.atMost(3));
    quiz.addQuestion(
        Question.singleChoice(
            "Mã VietQR dùng để làm gì?",
            List.of(
                AnswerOption.right("Chuyển tiền", "Đúng vậy."),
                AnswerOption.wrong("Gọi điện", "Không phải."))));
    quiz.addQuestion(
        Question.multipleChoice(
            "Dấu hiệu lừa đảo là gì?",
            List.of(
                AnswerOption.right("Hỏi mã OTP", null),
                AnswerOption.right("Gửi đường link lạ", null),
                AnswerOption.wrong("Tên người nhận đúng", "Đây là dấu hiệu an toàn."))));
    quiz.addQuestion(
        Question.ordering(
            "Xếp các bước theo thứ tự",
            List.of("Mở ứng dụng", "Quét mã", "Xác nhận"),
            "Chính xác!",
            "Hãy xem lại bài học."));
    version.addModule("Ôn tập").addLesson("Tổng kết").addBlock(new RichTextBlock("<p>Hết.</p>"));
    return course;
  }

  private static Course reload(EntityManager em, Course written) {
    return em.createQuery("select c from Course c where c.activityIri = :iri", Course.class)
        .setParameter("iri", written.activityIri().toString())
        .setHint("jakarta.persistence.cache.retrieveMode", "BYPASS")
        .setHint("eclipselink.refresh", "true")
        .getSingleResult();
  }

  private static EntityManagerFactory factoryFor(TestDatabases.TestDatabase database) {
    var properties = database.persistenceProperties();
    // Nothing read back may come from the shared cache.
    properties.put("jakarta.persistence.sharedCache.mode", "NONE");
    return Persistence.createEntityManagerFactory("hocso", properties);
  }

  private static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
