package vn.hocso.lms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.demo.Curriculum;
import vn.hocso.lms.demo.DemoAccount;
import vn.hocso.lms.demo.DemoDataSeeder;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * The real migrations and the real persistence unit, on H2 and on MariaDB through Connector/J: the
 * demo data loads, loads only once, and reads back as written.
 */
class PersistenceTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void seedsTheUnionTreeAccountsAndCoursesOnce(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        Transactions.inTransaction(factory, em -> seed(em));
        Transactions.inTransaction(factory, em -> seed(em));

        var em = factory.createEntityManager();
        assertThat(countUnits(em, UnitKind.CENTRAL)).isEqualTo(1);
        assertThat(countUnits(em, UnitKind.PROVINCE)).isEqualTo(34);
        assertThat(countUnits(em, UnitKind.COMMUNE)).isEqualTo(3321);
        // Three demo branches of Ba Đình and one per demo grassroots Union of an organisation.
        assertThat(countUnits(em, UnitKind.BRANCH)).isEqualTo(3 + 4);
        assertThat(countUnits(em, UnitKind.ORGANISATION)).isEqualTo(2);
        assertThat(countUnits(em, UnitKind.ORGANISATION_BASE)).isEqualTo(4);
        assertThat(
                em.createQuery("select count(f) from FormerCommune f", Long.class)
                    .getSingleResult())
            .isEqualTo(10_034);
        var hanoi =
            em.createQuery("select u from OrgUnit u where u.code = '01'", OrgUnit.class)
                .getSingleResult();
        assertThat(hanoi.name()).isEqualTo("Thành phố Hà Nội");

        var accounts = em.createQuery("select a from Account a", Account.class).getResultList();
        assertThat(accounts)
            .extracting(Account::username)
            .containsExactlyInAnyOrderElementsOf(
                DemoAccount.ALL.stream().map(DemoAccount::username).toList());
        assertThat(accounts.get(0).acceptsPassword(DemoAccount.PASSWORD.toCharArray())).isTrue();
        assertThat(accounts.get(0).acceptsPassword("wrong".toCharArray())).isFalse();

        assertThat(new CourseCatalog(em).publishedCourses()).hasSize(Curriculum.slugs().size());
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void keepsTimestampsToTheMicrosecond(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var written = new Account[1];
        Transactions.inTransaction(
            factory,
            em -> {
              written[0] = new Account("thoigian", "bi-mat-dai".toCharArray(), "Thời Gian", null);
              em.persist(written[0]);
              return null;
            });
        var em = factory.createEntityManager();
        var read =
            em.createQuery("select a from Account a where a.username = 'thoigian'", Account.class)
                .setHint("jakarta.persistence.cache.retrieveMode", "BYPASS")
                .setHint("eclipselink.refresh", "true")
                .getSingleResult();
        assertThat(read).isNotSameAs(written[0]);
        assertThat(read.createdAt()).isEqualTo(written[0].createdAt());
        var stored =
            em.createNativeQuery("select created_at from account where username = 'thoigian'")
                .getSingleResult();
        var wallTime =
            stored instanceof Timestamp timestamp
                ? timestamp.toLocalDateTime()
                : (LocalDateTime) stored;
        assertThat(wallTime.getNano())
            .isEqualTo(written[0].createdAt().atOffset(ZoneOffset.UTC).getNano());
        em.close();
      } finally {
        factory.close();
      }
    }
  }

  private static Void seed(EntityManager em) {
    new DemoDataSeeder(em).seed();
    return null;
  }

  private static long countUnits(EntityManager em, UnitKind kind) {
    return em.createQuery("select count(u) from OrgUnit u where u.kind = :kind", Long.class)
        .setParameter("kind", kind)
        .getSingleResult();
  }
}
