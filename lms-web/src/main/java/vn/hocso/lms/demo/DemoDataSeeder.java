package vn.hocso.lms.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import vn.hocso.content.course.domain.Course;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.control.UnitTreeLoader;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Fills an empty database with the demo data: the Union's real tree, a few demo branches, one
 * account per role and a few courses. Each part is added only if missing, so a restart changes
 * nothing.
 */
@ApplicationScoped
public class DemoDataSeeder {

  static final List<String> DEMO_BRANCHES =
      List.of("Chi hội Tổ dân phố 1", "Chi hội Tổ dân phố 2", "Chi hội Tổ dân phố 3");

  @PersistenceContext private EntityManager entityManager;

  protected DemoDataSeeder() {
    // for CDI
  }

  public DemoDataSeeder(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Transactional
  public void seed() {
    var tree = new UnitTreeLoader(entityManager);
    tree.loadIfEmpty();
    entityManager.flush();
    var commune = unitByCode(DemoAccount.DEMO_COMMUNE);
    addBranchesTo(commune);
    addOrganisationBases(tree.addOrganisationsIfMissing());
    addAccounts(commune);
    addCourses();
  }

  private void addBranchesTo(OrgUnit commune) {
    var existing =
        entityManager
            .createQuery("select count(u) from OrgUnit u where u.parent = :commune", Long.class)
            .setParameter("commune", commune)
            .getSingleResult();
    if (existing == 0) {
      for (var name : DEMO_BRANCHES) {
        entityManager.persist(
            commune.addChild(null, name, UnitKind.BRANCH, UnitTreeLoader.REORGANISED_ON));
      }
    }
  }

  /** Demo grassroots Unions of the non-territorial organisations, one branch each. */
  static final Map<String, List<String>> DEMO_ORGANISATION_BASES =
      Map.of(
          "Hội Phụ nữ Bộ Công an",
          List.of("Hội Phụ nữ Cục Cảnh sát giao thông", "Hội Phụ nữ Công an Thành phố Hà Nội"),
          "Ban Phụ nữ Quân đội",
          List.of("Ban Phụ nữ Quân khu 1", "Ban Phụ nữ Quân chủng Hải quân"));

  private void addOrganisationBases(Map<String, OrgUnit> organisations) {
    organisations.forEach(
        (name, organisation) -> {
          var existing =
              entityManager
                  .createQuery("select count(u) from OrgUnit u where u.parent = :o", Long.class)
                  .setParameter("o", organisation)
                  .getSingleResult();
          if (existing > 0) {
            return;
          }
          for (var baseName : DEMO_ORGANISATION_BASES.getOrDefault(name, List.of())) {
            var base =
                organisation.addChild(
                    null, baseName, UnitKind.ORGANISATION_BASE, UnitTreeLoader.REORGANISED_ON);
            entityManager.persist(base);
            entityManager.persist(
                base.addChild(null, "Chi hội 1", UnitKind.BRANCH, UnitTreeLoader.REORGANISED_ON));
          }
        });
  }

  private void addAccounts(OrgUnit commune) {
    var central =
        entityManager
            .createQuery("select u from OrgUnit u where u.kind = :kind", OrgUnit.class)
            .setParameter("kind", UnitKind.CENTRAL)
            .getSingleResult();
    for (var demo : DemoAccount.ALL) {
      var exists =
          entityManager
              .createQuery("select count(a) from Account a where a.username = :u", Long.class)
              .setParameter("u", demo.username())
              .getSingleResult();
      if (exists > 0) {
        if (demo.role() == Role.LEARNER) {
          givePersonTo(account(demo.username()), commune);
        }
        continue;
      }
      var scope = demo.scopeCode() == null ? central : unitByCode(demo.scopeCode());
      var account =
          new Account(
              demo.username(), DemoAccount.PASSWORD.toCharArray(), demo.displayName(), commune);
      account.grant(Role.LEARNER, null);
      if (demo.role() != Role.LEARNER) {
        account.grant(demo.role(), scope);
      }
      entityManager.persist(account);
      if (demo.role() == Role.LEARNER) {
        givePersonTo(account, commune);
      }
    }
  }

  /**
   * The demo learner is a member of the first demo branch, so she can enrol and learn (learning
   * needs a Person: her statements name her opaque xAPI account). Also for a database seeded before
   * learning existed.
   */
  private void givePersonTo(Account account, OrgUnit commune) {
    if (account.person().isPresent()) {
      return;
    }
    var branch =
        entityManager
            .createQuery(
                "select u from OrgUnit u where u.parent = :commune and u.name = :name",
                OrgUnit.class)
            .setParameter("commune", commune)
            .setParameter("name", DEMO_BRANCHES.get(0))
            .getResultStream()
            .findFirst()
            .orElse(commune);
    var person = new Person(account.displayName(), 1985, branch, UnitTreeLoader.REORGANISED_ON);
    person.markMember(true);
    try {
      // The people counters' lock before any write (storage.CountedTree: every people writer
      // takes it first, or two of them deadlock).
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(entityManager);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("People counters not locked", e);
    }
    entityManager.persist(person);
    account.belongsTo(person);
    try {
      vn.hocso.lms.coverage.storage.Headcounts.of(entityManager).addNewPerson(person.id());
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Headcount not kept", e);
    }
  }

  private Account account(String username) {
    return entityManager
        .createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", username)
        .getSingleResult();
  }

  private void addCourses() {
    for (var course : demoCourses()) {
      var exists =
          entityManager
              .createQuery("select count(c) from Course c where c.activityIri = :iri", Long.class)
              .setParameter("iri", course.activityIri().toString())
              .getSingleResult();
      if (exists == 0) {
        course.publish();
        entityManager.persist(course);
      }
    }
  }

  private OrgUnit unitByCode(String code) {
    return entityManager
        .createQuery("select u from OrgUnit u where u.code = :code", OrgUnit.class)
        .setParameter("code", code)
        .getSingleResult();
  }

  static List<Course> demoCourses() {
    return Curriculum.courses();
  }
}
