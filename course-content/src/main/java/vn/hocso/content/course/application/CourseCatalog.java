package vn.hocso.content.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.VersionStatus;

/** Reads the catalogue of published courses, and the versions learners play. */
@ApplicationScoped
public class CourseCatalog {

  @PersistenceContext private EntityManager entityManager;
  @Inject LessonViews lessonViews;

  protected CourseCatalog() {
    // for CDI
  }

  /** For use outside a container (tests, tools). */
  public CourseCatalog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The published version of every course, by track then title. */
  public List<CourseSummary> publishedCourses() {
    return entityManager
        .createQuery(
            "select v from CourseVersion v where v.status = :published order by v.track, v.title",
            CourseVersion.class)
        .setParameter("published", VersionStatus.PUBLISHED)
        .getResultList()
        .stream()
        .map(CourseSummary::of)
        .toList();
  }

  /** A course by its activity IRI. */
  public Optional<Course> course(URI activityIri) {
    return entityManager
        .createQuery("select c from Course c where c.activityIri = :iri", Course.class)
        .setParameter("iri", activityIri.toString())
        .getResultStream()
        .findFirst();
  }

  /**
   * A version by its id: what an enrolment keeps, so that a learner goes on with the version she
   * started even after a newer one is published.
   */
  public Optional<CourseVersion> version(long versionId) {
    return Optional.ofNullable(entityManager.find(CourseVersion.class, versionId));
  }

  /** The outline of a course's published version, by the course's id. */
  public Optional<OutlineView> publishedOutline(long courseId) {
    return Optional.ofNullable(entityManager.find(Course.class, courseId))
        .flatMap(Course::publishedVersion)
        .map(OutlineView::of);
  }

  /** A lesson of a course's published version, as a learner reads it. */
  public Optional<LessonView> publishedLesson(long courseId, String lessonKey) {
    return Optional.ofNullable(entityManager.find(Course.class, courseId))
        .flatMap(Course::publishedVersion)
        .flatMap(
            version ->
                version.lessons().stream().filter(l -> l.key().equals(lessonKey)).findFirst())
        .map(lesson -> lessonViews == null ? LessonView.of(lesson) : lessonViews.of(lesson));
  }

  /** The version a new learner of the course starts: its published one. */
  public Optional<CourseVersion> versionToStart(URI courseIri) {
    return course(courseIri).flatMap(Course::publishedVersion);
  }
}
