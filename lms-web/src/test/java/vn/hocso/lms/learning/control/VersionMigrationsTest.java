package vn.hocso.lms.learning.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.Persistence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Course;
import vn.hocso.lms.demo.Curriculum;
import vn.hocso.lms.learning.domain.Enrolment;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** An officer moves her units' learners, and only them, to a course's published version. */
class VersionMigrationsTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);

  @Test
  void anOfficerMovesHerLearnersOnAnOlderVersionAndNoOneElse() throws Exception {
    try (var database = TestDatabases.H2.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var course =
            Curriculum.courses().stream()
                .filter(c -> c.slug().equals("thanh-toan-bang-ma-vietqr"))
                .findFirst()
                .orElseThrow();
        course.publish();
        // Hà Nội: Lan, Mai and Hoa (her second take) on version 1; Huế: Thu on version 1.
        long[] ids =
            inTransaction(
                factory,
                em -> {
                  em.persist(course);
                  var central = OrgUnit.central("Trung ương", START);
                  var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
                  var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
                  var badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
                  List.of(central, hanoi, hue, badinh).forEach(em::persist);
                  var lan = new Person("Lan", 1980, badinh, START);
                  var mai = new Person("Mai", 1981, hanoi, START);
                  var thu = new Person("Thu", 1983, hue, START);
                  var hoa = new Person("Hoa", 1984, badinh, START);
                  List.of(lan, mai, thu, hoa).forEach(em::persist);
                  em.flush();
                  for (var person : List.of(lan, mai, thu)) {
                    em.persist(new Enrolment(person.id(), course.id(), 1, Instant.now()));
                  }
                  // Hoa completed version 1 and is taking it again (take 2), still on version 1.
                  var first = new Enrolment(hoa.id(), course.id(), 1, Instant.now());
                  em.persist(first);
                  em.persist(first.retake(1, Instant.now()));
                  return new long[] {central.id(), hanoi.id(), hue.id(), course.id()};
                });
        long central = ids[0], hanoi = ids[1], hue = ids[2], courseId = ids[3];
        var hanoiOfficer = new ManagedScope(Set.of(hanoi));

        // Version 1 is all there is: nothing is behind, and there is nothing to move to.
        assertThat(behind(factory, hanoiOfficer)).isEmpty();
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> new VersionMigrations(em).migrate(courseId, 1, hanoiOfficer)))
            .isInstanceOf(LearningRefusedException.class)
            .extracting(e -> ((LearningRefusedException) e).reason())
            .isEqualTo(LearningRefusedException.Reason.NO_LATER_VERSION);

        // Version 2 is published: Hà Nội's officer sees her two learners behind, not Huế's.
        inTransaction(
            factory,
            em -> {
              var managed = em.find(Course.class, courseId);
              managed.edit().retitle("Thanh toán bằng mã VietQR (bản mới)", null);
              managed.publish();
              return null;
            });
        var behind = behind(factory, hanoiOfficer);
        assertThat(behind).hasSize(1);
        assertThat(behind.get(0).publishedVersion()).isEqualTo(2);
        assertThat(behind.get(0).olderVersions())
            .containsExactly(new VersionMigrations.VersionCount(1, 3)); // Hoa once: her latest take

        int moved =
            inTransaction(
                factory, em -> new VersionMigrations(em).migrate(courseId, 1, hanoiOfficer));
        assertThat(moved).isEqualTo(3);
        // Lan, Mai, Thu, then Hoa's first take (completed on version 1, it stays) and her second.
        assertThat(versions(factory, courseId)).containsExactly(2, 2, 1, 1, 2);
        assertThat(behind(factory, hanoiOfficer)).isEmpty();
        var centralView =
            inTransaction(
                factory, em -> new VersionMigrations(em).behind(new ManagedScope(Set.of(central))));
        assertThat(centralView.get(0).olderVersions())
            .containsExactly(new VersionMigrations.VersionCount(1, 1)); // Thu in Huế

        // A learner with no officer role has no scope: refused.
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em ->
                            new VersionMigrations(em)
                                .migrate(courseId, 1, new ManagedScope(Set.of()))))
            .isInstanceOf(AccessDeniedException.class);
        assertThat(versions(factory, courseId)).containsExactly(2, 2, 1, 1, 2);
        assertThat(hue).isPositive();
      } finally {
        factory.close();
      }
    }
  }

  private static List<VersionMigrations.Behind> behind(
      jakarta.persistence.EntityManagerFactory factory, ManagedScope scope) {
    return inTransaction(factory, em -> new VersionMigrations(em).behind(scope));
  }

  private static List<Integer> versions(jakarta.persistence.EntityManagerFactory factory, long id) {
    return inTransaction(
        factory,
        em ->
            em
                .createQuery(
                    "select e from Enrolment e where e.courseId = :course"
                        + " order by e.personId, e.takeNumber",
                    Enrolment.class)
                .setParameter("course", id)
                .getResultList()
                .stream()
                .map(Enrolment::versionNumber)
                .toList());
  }
}
