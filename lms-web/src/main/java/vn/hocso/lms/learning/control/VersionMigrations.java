package vn.hocso.lms.learning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.content.course.domain.Course;
import vn.hocso.lms.learning.domain.Enrolment;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.control.Subtree;

/**
 * An officer moves the learners of her units from an older published version of a course to the one
 * published now (issue 5: a learner stays on the version she started until an officer migrates
 * her). What she has done counts in the new version too, since activity ids survive versions; a
 * lesson that no longer exists simply stops counting. Only people whose home unit lies in the
 * officer's subtree are moved; the central admin's subtree is the whole Union.
 */
@ApplicationScoped
public class VersionMigrations {

  /**
   * Only her latest take of a course counts and moves: an earlier, completed take stays on the
   * version she completed it in.
   */
  private static final String LATEST_TAKE =
      " and e.takeNumber = (select max(t.takeNumber) from Enrolment t"
          + " where t.personId = e.personId and t.courseId = e.courseId)";

  @PersistenceContext private EntityManager entityManager;

  protected VersionMigrations() {
    // for CDI
  }

  public VersionMigrations(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A course with learners of the scope on versions older than its published one. */
  public record Behind(
      long courseId, String title, int publishedVersion, List<VersionCount> olderVersions) {

    public long learners() {
      return olderVersions.stream().mapToLong(VersionCount::learners).sum();
    }
  }

  /** How many learners of the scope are on one version. */
  public record VersionCount(int version, long learners) {}

  /** The courses with learners of the scope left on an older version, by title. */
  @Transactional
  public List<Behind> behind(ManagedScope scope) {
    requireOfficer(scope);
    var rows =
        entityManager
            .createQuery(
                "select e.courseId, e.versionNumber, count(e) from Enrolment e, Person p"
                    + " join p.homeUnit u"
                    + Subtree.ANCESTOR_JOINS
                    + " where p.id = e.personId"
                    + LATEST_TAKE
                    + " and "
                    + Subtree.within("units")
                    + " group by e.courseId, e.versionNumber"
                    + " order by e.courseId, e.versionNumber",
                Object[].class)
            .setParameter("units", List.copyOf(scope.rootUnitIds()))
            .getResultList();
    var result = new ArrayList<Behind>();
    Behind current = null;
    for (var row : rows) {
      long courseId = ((Number) row[0]).longValue();
      int version = ((Number) row[1]).intValue();
      long learners = ((Number) row[2]).longValue();
      if (current == null || current.courseId() != courseId) {
        var course = entityManager.find(Course.class, courseId);
        var published = course == null ? null : course.publishedVersion().orElse(null);
        if (published == null) {
          current = null;
          continue;
        }
        current = new Behind(courseId, published.title(), published.number(), new ArrayList<>());
      }
      if (current == null || version >= current.publishedVersion()) {
        continue;
      }
      if (current.olderVersions().isEmpty()) {
        result.add(current);
      }
      current.olderVersions().add(new VersionCount(version, learners));
    }
    result.sort(java.util.Comparator.comparing(Behind::title));
    return result;
  }

  /**
   * Moves the scope's learners on {@code fromVersion} of the course to its published version; none
   * of another unit is touched. Each enrolment is locked, so a learner's own write in the same
   * moment cannot interleave.
   *
   * @return how many learners moved
   * @throws LearningRefusedException when the course has no published version later than {@code
   *     fromVersion}
   */
  @Transactional
  public int migrate(long courseId, int fromVersion, ManagedScope scope) {
    requireOfficer(scope);
    var course = entityManager.find(Course.class, courseId);
    var published = course == null ? null : course.publishedVersion().orElse(null);
    if (published == null || published.number() <= fromVersion) {
      throw new LearningRefusedException(
          LearningRefusedException.Reason.NO_LATER_VERSION,
          "course " + courseId + " has no published version later than " + fromVersion);
    }
    var enrolments =
        entityManager
            .createQuery(
                "select e from Enrolment e, Person p join p.homeUnit u"
                    + Subtree.ANCESTOR_JOINS
                    + " where p.id = e.personId and e.courseId = :course"
                    + " and e.versionNumber = :version"
                    + LATEST_TAKE
                    + " and "
                    + Subtree.within("units"),
                Enrolment.class)
            .setParameter("course", courseId)
            .setParameter("version", fromVersion)
            .setParameter("units", List.copyOf(scope.rootUnitIds()))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    enrolments.forEach(e -> e.migrateTo(published.number()));
    return enrolments.size();
  }

  private static void requireOfficer(ManagedScope scope) {
    if (scope.isEmpty()) {
      throw new AccessDeniedException("Only an officer moves learners between course versions");
    }
  }
}
