package vn.hocso.lms.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.catalogue.CatalogueCourse;
import vn.hocso.content.catalogue.CatalogueQuery;
import vn.hocso.content.catalogue.CatalogueSearch;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.demo.Curriculum;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;

/**
 * Catalogue search over the real migrations and persistence unit, on H2 and MariaDB: it indexes
 * what is published (and only that), and follows a new publication without being told.
 */
class CatalogueSearchPersistenceTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void searchesThePublishedCoursesAndFollowsNewPublications(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      EntityManagerFactory factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        inTransaction(
            factory,
            em -> {
              for (var course : Curriculum.courses()) {
                course.publish();
                em.persist(course);
              }
              var draft =
                  new Course(
                      "ban-nhap-vietqr",
                      "Bản nháp về VietQR",
                      null,
                      "Chưa xuất bản.",
                      Track.ELECTRONIC_PAYMENT,
                      20);
              em.persist(draft);
            });
        var em = factory.createEntityManager();
        var search = new CatalogueSearch(em);

        var found = search.search(CatalogueQuery.of("thanh toan qr")).courses();
        assertThat(found.get(0).title()).isEqualTo("Thanh toán và nhận tiền bằng mã VietQR");
        assertThat(found.get(0).courseId()).isNotNull();
        assertThat(slugs(search, "vietqr")).doesNotContain("ban-nhap-vietqr");
        assertThat(search.index().size()).isEqualTo(10);

        inTransaction(factory, em2 -> publishNewCourse(em2));
        em.clear();

        assertThat(slugs(search, "kho bac")).startsWith("nop-thue-qua-kho-bac");
        assertThat(search.index().size()).isEqualTo(11);
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  private static void publishNewCourse(EntityManager em) {
    var course =
        new Course(
            "nop-thue-qua-kho-bac",
            "Nộp thuế qua Kho bạc trên điện thoại",
            null,
            "Nộp thuế, phí trực tuyến.",
            Track.ONLINE_PUBLIC_SERVICES,
            25);
    course
        .edit()
        .addModule("Bắt đầu")
        .addLesson("Mở ứng dụng")
        .addBlock(new RichTextBlock("<p>Mở ứng dụng ngân hàng.</p>"));
    course.publish();
    em.persist(course);
  }

  private static List<String> slugs(CatalogueSearch search, String text) {
    return search.search(CatalogueQuery.of(text)).courses().stream()
        .map(CatalogueCourse::slug)
        .toList();
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
