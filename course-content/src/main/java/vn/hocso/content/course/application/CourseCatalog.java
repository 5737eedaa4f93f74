package vn.hocso.content.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.hocso.content.course.domain.Course;

/** Reads the catalogue of published courses. */
@ApplicationScoped
public class CourseCatalog {

  @PersistenceContext private EntityManager entityManager;

  protected CourseCatalog() {
    // for CDI
  }

  /** For use outside a container (tests, tools). */
  public CourseCatalog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The published courses, by track then title. */
  public List<CourseSummary> publishedCourses() {
    return entityManager
        .createQuery(
            "select c from Course c where c.published = true order by c.track, c.title",
            Course.class)
        .getResultList()
        .stream()
        .map(CourseSummary::of)
        .toList();
  }
}
