package vn.hocso.lms.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;

/**
 * A database that already holds courses of the first schema (one row per course, a published flag)
 * moves to versioned courses: each course becomes version 1 of itself, published if it was, and new
 * versions get fresh ids.
 */
class CourseStructureMigrationTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void turnsEachExistingCourseIntoItsFirstVersion(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      Flyway.configure(LmsSchema.class.getClassLoader())
          .dataSource(database.dataSource())
          .locations("classpath:db/migration/lms")
          .table("lms_schema_history")
          .target("1")
          .load()
          .migrate();
      try (var connection = database.dataSource().getConnection();
          var statement = connection.createStatement()) {
        statement.executeUpdate(
            "insert into course (id, activity_iri, title, title_en, summary, track,"
                + " estimated_minutes, published, revision) values (7,"
                + " 'https://hocso.vn/xapi/activities/course/thanh-toan-qr', 'Thanh toán QR',"
                + " 'QR payments', 'Quét mã.', 'ELECTRONIC_PAYMENT', 30, true, 1)");
        statement.executeUpdate(
            "insert into course (id, activity_iri, title, summary, track, estimated_minutes,"
                + " published, revision) values (8,"
                + " 'https://hocso.vn/xapi/activities/course/lop-ky-nang-so', 'Lớp kỹ năng số',"
                + " 'Cho cán bộ.', 'UNION_WORK', 60, false, 1)");
        statement.executeUpdate(
            "update id_sequence set next_value = 20 where sequence_name = 'course'");
      }

      LmsSchema.migrate(database.dataSource());

      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var em = factory.createEntityManager();
        assertThat(new CourseCatalog(em).publishedCourses())
            .singleElement()
            .satisfies(
                summary -> {
                  assertThat(summary.id()).isEqualTo(7);
                  assertThat(summary.title()).isEqualTo("Thanh toán QR");
                  assertThat(summary.titleEnglish()).isEqualTo("QR payments");
                });
        var staffCourse = em.find(Course.class, 8L);
        assertThat(staffCourse.versions())
            .singleElement()
            .satisfies(
                version -> {
                  assertThat(version.status()).isEqualTo(VersionStatus.DRAFT);
                  assertThat(version.audience().name()).isEqualTo("UNION_STAFF");
                });

        em.getTransaction().begin();
        var published = em.find(Course.class, 7L);
        var draft = published.edit();
        draft.addModule("Mới").addLesson("Bài mới");
        em.getTransaction().commit();
        assertThat(draft.id()).isGreaterThan(8L);
        assertThat(published.version(1).status()).isEqualTo(VersionStatus.PUBLISHED);
        em.close();
      } finally {
        factory.close();
      }
    }
  }
}
