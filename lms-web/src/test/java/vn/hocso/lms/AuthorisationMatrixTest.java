package vn.hocso.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.accounts.control.Passwords;
import vn.hocso.lms.accounts.control.RoleGrants;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.authoring.control.Caller;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.CourseDetails;
import vn.hocso.lms.authoring.control.QuestionInput;
import vn.hocso.lms.authoring.control.QuestionInput.OptionInput;
import vn.hocso.lms.certificates.control.CertificateRow;
import vn.hocso.lms.certificates.control.Certificates;
import vn.hocso.lms.learning.domain.CourseCompleted;
import vn.hocso.lms.people.control.ImportPreview;
import vn.hocso.lms.people.control.MembershipClaims;
import vn.hocso.lms.people.control.PeopleDirectory;
import vn.hocso.lms.people.control.PeopleFilter;
import vn.hocso.lms.people.control.PeopleImport;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.AuditQuery;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.control.Reorganisation;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Issue 4's authorisation matrix, in the service layer: every role × (inside / outside its scope) ×
 * every operation of the services that read or change people, units, personal data, claims,
 * passwords, the audit log and courses. Each row calls the real service on the real schema (H2 and
 * MariaDB). ALLOWED: the call succeeds and reaches its target. DENIED: the service throws {@link
 * AccessDeniedException} and no table changed, or (for lists and searches, which filter rather than
 * refuse) the target is not among the results. The scopes come from real role grants ({@link
 * Account#managedUnitIds()}, as {@code AccessScope} reads them).
 */
class AuthorisationMatrixTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);

  enum Actor {
    LEARNER,
    TRAINER,
    COMMUNE_OFFICER,
    PROVINCE_OFFICER,
    OTHER_PROVINCE_OFFICER,
    CENTRAL_ADMIN
  }

  enum Target {
    INSIDE,
    OUTSIDE
  }

  enum Expect {
    ALLOWED,
    DENIED
  }

  /** Who may reach what: decides which actors have an inside and which an outside. */
  enum Policy {
    /** Unit officers and the central admin, within their subtrees. */
    SCOPED,
    /** The person herself, and officers whose subtree holds her home unit. */
    PERSONAL,
    /** Only the central admin. */
    CENTRAL,
    /** The trainer who owns the course, and the central admin. */
    AUTHOR,
    /**
     * Officers of the level above the unit (reorganising a commune): a commune officer never
     * reorganises her own commune, which is her only row, outside.
     */
    LEVEL_ABOVE;

    boolean hasInside(Actor actor) {
      return switch (this) {
        case SCOPED -> actor.ordinal() >= Actor.COMMUNE_OFFICER.ordinal();
        case PERSONAL -> actor != Actor.TRAINER;
        case CENTRAL -> actor == Actor.CENTRAL_ADMIN;
        case AUTHOR -> actor == Actor.TRAINER || actor == Actor.CENTRAL_ADMIN;
        case LEVEL_ABOVE -> actor.ordinal() >= Actor.PROVINCE_OFFICER.ordinal();
      };
    }

    /** Everyone but the central admin has an outside: she reaches everything. */
    boolean hasOutside(Actor actor) {
      return actor != Actor.CENTRAL_ADMIN;
    }
  }

  /** One row of the matrix. */
  record Row(String operation, Actor actor, Target target, Expect expected) {
    @Override
    public String toString() {
      return operation + " by " + actor + " on " + target + " target: expected " + expected;
    }
  }

  /** What the service call did to its target. */
  enum Reach {
    REACHED,
    /** A list or search that ran but does not show the target. */
    HIDDEN
  }

  /** An operation under test: prepares a fresh target in its own transactions, then calls. */
  interface Operation {
    Object prepare(World world, Actor actor, Target target);

    Reach call(EntityManager em, World world, Actor actor, Object target) throws Exception;
  }

  record Op(String name, Policy policy, Operation operation) {}

  /** The tree, the actors and helpers to make targets. */
  static final class World {
    final EntityManagerFactory factory;
    final Map<Actor, Requester> requesters = new EnumMap<>(Actor.class);
    final Map<Actor, Caller> callers = new EnumMap<>(Actor.class);
    final AtomicInteger serial = new AtomicInteger();
    long central;
    long hanoi;
    long badinh; // commune of Hà Nội, the commune officer's scope
    long hoankiem; // another commune of Hà Nội
    long hue;
    long thuanhoa; // commune of Huế
    long learnerPerson;
    Caller otherTrainer;
    Requester currentRequester;
    java.net.URI certificateCourse; // the course certificates are issued for, made on first use

    World(EntityManagerFactory factory) {
      this.factory = factory;
    }

    /** The unit a target of this actor lies in. */
    long unit(Actor actor, Target target) {
      boolean inside = target == Target.INSIDE;
      return switch (actor) {
        // A learner or trainer has no scope: even her own commune is outside it.
        case LEARNER, TRAINER -> badinh;
        case COMMUNE_OFFICER -> inside ? badinh : hoankiem;
        case PROVINCE_OFFICER -> inside ? hoankiem : thuanhoa;
        case OTHER_PROVINCE_OFFICER -> inside ? thuanhoa : badinh;
        case CENTRAL_ADMIN -> thuanhoa;
      };
    }

    /** A name no other row uses, in letters only (names are checked like real ones). */
    String unique(String prefix) {
      var letters = new StringBuilder();
      for (int n = serial.incrementAndGet(); n > 0; n /= 26) {
        letters.append((char) ('a' + n % 26));
      }
      return prefix + " " + Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }

    long person(long unit, boolean claimant) {
      return inTransaction(
          factory,
          em -> {
            var person = new Person(unique("Người Thử"), 1980, em.find(OrgUnit.class, unit), START);
            if (claimant) {
              person.claimMembership(START.plusDays(1));
            }
            em.persist(person);
            em.flush();
            return person.id();
          });
    }

    /** A fresh person of that unit with her own login, holding a role if one is given. */
    long personWithAccount(long unit, Role held) {
      long person = person(unit, false);
      return inTransaction(
          factory,
          em -> {
            var home = em.find(OrgUnit.class, unit);
            var username = "nguoi" + serial.incrementAndGet();
            var account = new Account(username, "mat-khau-dai".toCharArray(), username, home);
            account.belongsTo(em.find(Person.class, person));
            if (held == Role.CENTRAL_ADMIN) {
              account.grant(held, em.find(OrgUnit.class, central));
            } else if (held != null) {
              account.grant(held, home);
            }
            em.persist(account);
            return person;
          });
    }

    /** A commune the actor manages, or the fallback when she manages none. */
    long commonInside(Actor actor, long fallback) {
      return switch (actor) {
        case COMMUNE_OFFICER, PROVINCE_OFFICER, OTHER_PROVINCE_OFFICER, CENTRAL_ADMIN ->
            unit(actor, Target.INSIDE);
        default -> fallback;
      };
    }

    /** The requester for a personal-data row: the learner acting as herself for INSIDE. */
    Requester requester(Actor actor, Long ownPerson) {
      var base = requesters.get(actor);
      return ownPerson == null ? base : new Requester(base.username(), ownPerson, base.scope());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The operations.

  static List<Op> operations() {
    var ops = new ArrayList<Op>();
    // Units.
    ops.add(
        new Op(
            "UnitDirectory.search",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) -> {
                  var name = em.find(OrgUnit.class, unit).name();
                  var rows = new UnitDirectory(em).search(name, scopeOf(w, a), 0, 50);
                  return reach(rows.stream().anyMatch(r -> r.id() == unit));
                })));
    ops.add(
        new Op(
            "UnitDirectory.count",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new UnitDirectory(em)
                                .count(em.find(OrgUnit.class, unit).name(), scopeOf(w, a))
                            > 0))));
    ops.add(
        new Op(
            "UnitDirectory.roots",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) -> {
                  var roots = new UnitDirectory(em).roots(scopeOf(w, a));
                  var shown =
                      new ManagedScope(roots.stream().map(r -> r.id()).collect(Collectors.toSet()));
                  return reach(shown.covers(em.find(OrgUnit.class, unit)));
                })));
    ops.add(
        new Op(
            "UnitDirectory.details",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) -> {
                  new UnitDirectory(em).details(unit, scopeOf(w, a));
                  return Reach.REACHED;
                })));
    // People lists.
    ops.add(
        new Op(
            "PeopleDirectory.list(unit)",
            Policy.SCOPED,
            personOp(
                false,
                (em, w, a, person) -> {
                  var rows =
                      new PeopleDirectory(em, CLOCK)
                          .list(
                              new PeopleFilter(homeOf(em, person), null, null),
                              PeopleFilter.Sort.NAME,
                              true,
                              0,
                              10_000,
                              w.requesters.get(a));
                  return reach(rows.stream().anyMatch(r -> r.id() == person));
                })));
    ops.add(
        new Op(
            "PeopleDirectory.list(whole scope)",
            Policy.SCOPED,
            personOp(
                false,
                (em, w, a, person) -> {
                  var rows =
                      new PeopleDirectory(em, CLOCK)
                          .list(
                              new PeopleFilter(null, null, null),
                              PeopleFilter.Sort.NAME,
                              true,
                              0,
                              10_000,
                              w.requesters.get(a));
                  return reach(rows.stream().anyMatch(r -> r.id() == person));
                })));
    ops.add(
        new Op(
            "PeopleDirectory.count(unit)",
            Policy.SCOPED,
            personOp(
                false,
                (em, w, a, person) ->
                    reach(
                        new PeopleDirectory(em, CLOCK)
                                .count(
                                    new PeopleFilter(homeOf(em, person), null, null),
                                    w.requesters.get(a))
                            > 0))));
    ops.add(
        new Op(
            "PeopleDirectory.exportXlsx(unit)",
            Policy.SCOPED,
            personOp(
                false,
                (em, w, a, person) -> {
                  var out = new ByteArrayOutputStream();
                  int written =
                      new PeopleDirectory(em, CLOCK)
                          .exportXlsx(
                              new PeopleFilter(homeOf(em, person), null, null),
                              PeopleFilter.Sort.NAME,
                              true,
                              w.requesters.get(a),
                              out);
                  return reach(written > 0 && out.size() > 0);
                })));
    // People import.
    ops.add(
        new Op(
            "PeopleImport.preview",
            Policy.SCOPED,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                return w.unit(a, t);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object unit) throws Exception {
                var code = em.find(OrgUnit.class, (Long) unit).code().orElseThrow();
                var csv =
                    "Họ và tên,Năm sinh,Số điện thoại,Mã xã,Chi hội\n"
                        + w.unique("Nhập Thử")
                        + ",1985,,"
                        + code
                        + ",\n";
                var preview =
                    new PeopleImport(em, CLOCK).preview(new StringReader(csv), scopeOf(w, a));
                if (preview.canCommit()) {
                  return Reach.REACHED;
                }
                if (preview.problems().stream()
                    .allMatch(p -> p.problem().contains("ngoài phạm vi"))) {
                  return Reach.HIDDEN;
                }
                throw new AssertionError("unexpected problems " + preview.problems());
              }
            }));
    ops.add(
        new Op(
            "PeopleImport.commit",
            Policy.SCOPED,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                return w.unit(a, t);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object unit) {
                // A preview made for another scope (or forged) must not write outside this one.
                var preview =
                    new ImportPreview(
                        List.of(
                            new ImportPreview.ImportRow(
                                1, w.unique("Nhập Thử"), 1985, null, null, false, (Long) unit)),
                        List.of(),
                        1);
                int added = new PeopleImport(em, CLOCK).commit(preview, w.requesters.get(a));
                return reach(added == 1);
              }
            }));
    // Membership claims.
    ops.add(
        new Op(
            "MembershipClaims.pending",
            Policy.SCOPED,
            personOp(
                true,
                (em, w, a, person) ->
                    reach(
                        new MembershipClaims(em, CLOCK)
                            .pending(w.requesters.get(a), 0, 10_000).stream()
                                .anyMatch(c -> c.personId() == person)))));
    ops.add(
        new Op(
            "MembershipClaims.countPending",
            Policy.SCOPED,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                long before =
                    inTransaction(
                        w.factory,
                        em -> new MembershipClaims(em, CLOCK).countPending(w.requesters.get(a)));
                w.person(w.unit(a, t), true);
                return before;
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object before) {
                long after = new MembershipClaims(em, CLOCK).countPending(w.requesters.get(a));
                return reach(after == (Long) before + 1);
              }
            }));
    ops.add(
        new Op(
            "MembershipClaims.confirm",
            Policy.SCOPED,
            personOp(
                true,
                (em, w, a, person) -> {
                  new MembershipClaims(em, CLOCK).confirm(person, w.requesters.get(a));
                  return Reach.REACHED;
                })));
    ops.add(
        new Op(
            "MembershipClaims.decline",
            Policy.SCOPED,
            personOp(
                true,
                (em, w, a, person) -> {
                  new MembershipClaims(em, CLOCK).decline(person, w.requesters.get(a));
                  return Reach.REACHED;
                })));
    // Password reset codes.
    ops.add(
        new Op(
            "Passwords.issueResetCode",
            Policy.SCOPED,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                var username = "taikhoan" + w.serial.incrementAndGet();
                inTransaction(
                    w.factory,
                    em -> {
                      em.persist(
                          new Account(
                              username,
                              "mat-khau-dai".toCharArray(),
                              username,
                              em.find(OrgUnit.class, w.unit(a, t))));
                      return null;
                    });
                return username;
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object username) {
                var code =
                    new Passwords(em, CLOCK).issueResetCode((String) username, w.requesters.get(a));
                return reach(code != null && !code.isBlank());
              }
            }));
    // Personal data.
    ops.add(personal("PersonalData.view", (pd, id, r) -> pd.view(id, r)));
    ops.add(personal("PersonalData.export", (pd, id, r) -> pd.export(id, r)));
    ops.add(personal("PersonalData.exportJson", (pd, id, r) -> pd.exportJson(id, r)));
    ops.add(personal("PersonalData.exportPdf", (pd, id, r) -> pd.exportPdf(id, r)));
    ops.add(personal("PersonalData.erase", (pd, id, r) -> pd.erase(id, r)));
    ops.add(
        personal(
            "PersonalData.recordConsent",
            (pd, id, r) -> pd.recordConsent(id, ConsentPurpose.LEARNING_RECORDS, "2026-01", r)));
    ops.add(
        personal(
            "PersonalData.withdrawConsent",
            (pd, id, r) -> pd.withdrawConsent(id, ConsentPurpose.LEARNING_RECORDS, r)));
    ops.add(personal("PersonalData.consentsInForce", (pd, id, r) -> pd.consentsInForce(id, r)));
    // The audit log.
    ops.add(
        centralOnly(
            "PersonalData.auditLog", (pd, r) -> pd.auditLog(AuditQuery.everything(), r, 0, 10)));
    ops.add(
        centralOnly(
            "PersonalData.countAuditLog", (pd, r) -> pd.countAuditLog(AuditQuery.everything(), r)));
    // Reorganisation: the level above a unit reorganises it.
    ops.add(
        branchOp(
            "Reorganisation.create(under a branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em)
                  .create(
                      branch,
                      null,
                      w.unique("Tổ"),
                      UnitKind.GROUP,
                      START.plusDays(30),
                      scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        branchOp(
            "Reorganisation.rename(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em)
                  .rename(branch, w.unique("Chi hội"), START.plusDays(30), scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        branchOp(
            "Reorganisation.dissolve(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em).dissolve(branch, START.plusDays(30), scopeOf(w, a));
              return Reach.REACHED;
            }));
    // Moving one woman to a branch of her commune ("chuyển sinh hoạt"): her commune and the branch
    // lie on the same side of the actor's scope.
    ops.add(
        branchOp(
            "PersonTransfers.transfer",
            (em, w, a, branch) -> {
              var commune = em.find(OrgUnit.class, branch).parent().orElseThrow();
              var person = new Person(w.unique("Người Chuyển"), 1980, commune, START);
              em.persist(person);
              em.flush();
              new vn.hocso.lms.people.control.PersonTransfers(em, null, CLOCK)
                  .transfer(person.id(), branch, START.plusDays(30), w.requesters.get(a));
              return Reach.REACHED;
            }));
    // One person by hand (the API's POST /people and PUT /people/{id}).
    ops.add(
        branchOp(
            "PersonRecords.add(to a branch)",
            (em, w, a, branch) -> {
              new vn.hocso.lms.people.control.PersonRecords(em, CLOCK)
                  .add(
                      branch,
                      new vn.hocso.lms.people.control.PersonRecords.PersonDetails(
                          w.unique("Người Thêm"), 1982, null, true),
                      w.requesters.get(a));
              return Reach.REACHED;
            }));
    ops.add(
        new Op(
            "PersonRecords.correct",
            Policy.SCOPED,
            personOp(
                false,
                (em, w, a, person) -> {
                  new vn.hocso.lms.people.control.PersonRecords(em, CLOCK)
                      .correct(
                          person,
                          new vn.hocso.lms.people.control.PersonRecords.PersonDetails(
                              w.unique("Người Sửa"), 1983, null, true),
                          w.requesters.get(a));
                  return Reach.REACHED;
                })));
    ops.add(
        branchOp(
            "Reorganisation.history(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em).history(branch, scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        new Op(
            "Reorganisation.rename(commune)",
            Policy.LEVEL_ABOVE,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                // Her own commune is what a commune officer must not reorganise.
                return a == Actor.COMMUNE_OFFICER ? w.badinh : w.unit(a, t);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object commune) {
                new Reorganisation(em)
                    .rename((Long) commune, w.unique("Phường"), START.plusDays(30), scopeOf(w, a));
                return Reach.REACHED;
              }
            }));
    ops.add(
        branchOp(
            "Reorganisation.move(branch)",
            (em, w, a, branch) -> {
              // Into a commune she does manage when she has one: only the source is out of reach.
              long into = w.commonInside(a, em.find(OrgUnit.class, branch).parent().get().id());
              new Reorganisation(em).move(branch, into, START.plusDays(30), scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        new Op(
            "Reorganisation.merge(branch into a sibling)",
            Policy.SCOPED,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                return inTransaction(
                    w.factory,
                    em -> {
                      var commune = em.find(OrgUnit.class, w.unit(a, t));
                      var source =
                          commune.addChild(null, w.unique("Chi hội"), UnitKind.BRANCH, START);
                      var target =
                          commune.addChild(null, w.unique("Chi hội"), UnitKind.BRANCH, START);
                      em.persist(source);
                      em.persist(target);
                      em.flush();
                      return new long[] {source.id(), target.id()};
                    });
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object pair) {
                var ids = (long[]) pair;
                new Reorganisation(em)
                    .merge(List.of(ids[0]), ids[1], START.plusDays(30), scopeOf(w, a));
                return Reach.REACHED;
              }
            }));
    ops.add(
        branchOp(
            "Reorganisation.split(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em)
                  .split(
                      branch,
                      List.of(
                          new Reorganisation.Part(null, w.unique("Chi hội")),
                          new Reorganisation.Part(null, w.unique("Chi hội"))),
                      Map.of(),
                      Map.of(),
                      START.plusDays(30),
                      scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        branchOp(
            "Reorganisation.impact(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em).impact(branch, START.plusDays(30), scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        branchOp(
            "Reorganisation.directPeople(branch)",
            (em, w, a, branch) -> {
              new Reorganisation(em).directPeople(branch, scopeOf(w, a));
              return Reach.REACHED;
            }));
    ops.add(
        branchOp(
            "Reorganisation.mayReorganise(branch)",
            (em, w, a, branch) ->
                reach(new Reorganisation(em).mayReorganise(branch, scopeOf(w, a)))));
    ops.add(
        new Op(
            "Reorganisation.impact(commune)",
            Policy.LEVEL_ABOVE,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                return a == Actor.COMMUNE_OFFICER ? w.badinh : w.unit(a, t);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object commune) {
                new Reorganisation(em).impact((Long) commune, START.plusDays(30), scopeOf(w, a));
                return Reach.REACHED;
              }
            }));
    // Role grants: on the account of a person of her subtree, over units of her subtree.
    ops.add(
        new Op(
            "RoleGrants.rolesOf",
            Policy.SCOPED,
            accountOp(
                null,
                (em, w, a, person) ->
                    reach(
                        new RoleGrants(em, CLOCK)
                            .rolesOf(person, w.requesters.get(a))
                            .isPresent()))));
    ops.add(
        new Op(
            "RoleGrants.grant(trainer over her commune)",
            Policy.SCOPED,
            accountOp(
                null,
                (em, w, a, person) -> {
                  new RoleGrants(em, CLOCK)
                      .grant(person, Role.TRAINER, homeOf(em, person), w.requesters.get(a));
                  return Reach.REACHED;
                })));
    ops.add(
        new Op(
            "RoleGrants.grant(learner)",
            Policy.SCOPED,
            accountOp(
                null,
                (em, w, a, person) -> {
                  new RoleGrants(em, CLOCK).grant(person, Role.LEARNER, null, w.requesters.get(a));
                  return Reach.REACHED;
                })));
    ops.add(
        new Op(
            "RoleGrants.revoke(officer of her commune)",
            Policy.SCOPED,
            accountOp(
                Role.UNIT_OFFICER,
                (em, w, a, person) -> {
                  new RoleGrants(em, CLOCK)
                      .revoke(person, Role.UNIT_OFFICER, homeOf(em, person), w.requesters.get(a));
                  return Reach.REACHED;
                })));
    ops.add(
        new Op(
            "RoleGrants.grant(officer over the province)",
            Policy.LEVEL_ABOVE,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                // A commune officer's own commune: the province is above her level.
                long unit = a == Actor.COMMUNE_OFFICER ? w.badinh : w.unit(a, t);
                return w.personWithAccount(unit, null);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object person) {
                var province =
                    em.find(Person.class, (Long) person).homeUnit().parent().orElseThrow().id();
                new RoleGrants(em, CLOCK)
                    .grant((Long) person, Role.UNIT_OFFICER, province, w.requesters.get(a));
                return Reach.REACHED;
              }
            }));
    ops.add(
        new Op(
            "RoleGrants.grant(central admin)",
            Policy.CENTRAL,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                // A person she does manage (where she manages anyone): only the role is too high.
                return w.personWithAccount(w.unit(a, Target.INSIDE), null);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object person) {
                new RoleGrants(em, CLOCK)
                    .grant((Long) person, Role.CENTRAL_ADMIN, w.central, w.requesters.get(a));
                return Reach.REACHED;
              }
            }));
    ops.add(
        new Op(
            "RoleGrants.revoke(central admin)",
            Policy.CENTRAL,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                return w.personWithAccount(w.unit(a, Target.INSIDE), Role.CENTRAL_ADMIN);
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object person) {
                new RoleGrants(em, CLOCK)
                    .revoke((Long) person, Role.CENTRAL_ADMIN, w.central, w.requesters.get(a));
                return Reach.REACHED;
              }
            }));
    // Course authoring.
    ops.add(authoring("CourseAuthoring.editor", (s, c, id) -> s.editor(c, id)));
    ops.add(
        authoring(
            "CourseAuthoring.describe", (s, c, id) -> s.describe(c, id, details("Đã sửa " + id))));
    ops.add(authoring("CourseAuthoring.addModule", (s, c, id) -> s.addModule(c, id, "Phần mới")));
    ops.add(authoring("CourseAuthoring.publish", (s, c, id) -> s.publish(c, id)));
    ops.add(authoring("CourseAuthoring.history", (s, c, id) -> s.history(c, id)));
    // Certificates (issue 6): the holder or an officer over her home unit downloads; officers
    // list and revoke within their scope.
    ops.add(
        new Op(
            "Certificates.pdf",
            Policy.PERSONAL,
            new Operation() {
              @Override
              public Object prepare(World w, Actor a, Target t) {
                long person = w.person(w.unit(a, t), false);
                issueCertificate(w, person);
                return person;
              }

              @Override
              public Reach call(EntityManager em, World w, Actor a, Object person) {
                // The learner's INSIDE row is her own certificate (w.currentRequester is her).
                var code =
                    em.createQuery(
                            "select c.code from Certificate c where c.holder.id = :p", String.class)
                        .setParameter("p", person)
                        .getSingleResult();
                var pdf =
                    certificates(em)
                        .pdf(code, w.currentRequester, java.net.URI.create("https://hocso.vn/"));
                return reach(pdf.length > 0);
              }
            }));
    ops.add(
        new Op(
            "Certificates.list",
            Policy.SCOPED,
            certificateOp(
                (em, w, a, code) ->
                    reach(
                        certificates(em).list(w.requesters.get(a), 0, 10_000).stream()
                            .map(CertificateRow::code)
                            .anyMatch(code::equals)))));
    ops.add(
        new Op(
            "Certificates.revoke",
            Policy.SCOPED,
            certificateOp(
                (em, w, a, code) -> {
                  certificates(em).revoke(code, "Cấp nhầm", w.requesters.get(a));
                  return reach(
                      certificates(em).verify(code).status()
                          == vn.hocso.lms.certificates.domain.CertificateStatus.REVOKED);
                })));
    // Coverage reports (issue 7, item 5): generated, listed and downloaded within the scope.
    var period = vn.hocso.lms.coverage.report.domain.ReportPeriod.parse("2025-H2");
    ops.add(
        new Op(
            "CoverageReports.generate",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        reports(em).generate(unit, period, "matrix", scopeOf(w, a)).unitId()
                            == unit))));
    ops.add(
        new Op(
            "CoverageReports.list",
            Policy.SCOPED,
            reportOp(
                (em, w, a, report) ->
                    reach(
                        reports(em).list(report.unitId(), scopeOf(w, a), 0, 10_000).stream()
                            .anyMatch(r -> r.id() == report.id())))));
    ops.add(
        new Op(
            "CoverageReports.file",
            Policy.SCOPED,
            reportOp(
                (em, w, a, report) ->
                    reach(
                        reports(em)
                                .file(
                                    report.id(),
                                    vn.hocso.lms.coverage.report.control.ReportFormat.PDF,
                                    scopeOf(w, a))
                                .bytes()
                                .length
                            > 0))));
    ops.addAll(coverageDashboardOps());
    return ops;
  }

  static vn.hocso.lms.coverage.report.control.CoverageReports reports(EntityManager em) {
    return new vn.hocso.lms.coverage.report.control.CoverageReports(em, CLOCK);
  }

  /** A report of the actor's inside or outside unit, made by the central admin. */
  static Operation reportOp(Call<vn.hocso.lms.coverage.report.control.ReportSummary> call) {
    return new Operation() {
      @Override
      public Object prepare(World w, Actor a, Target t) {
        long unit = w.unit(a, t);
        return inTransaction(
            w.factory,
            em ->
                reports(em)
                    .generate(
                        unit,
                        vn.hocso.lms.coverage.report.domain.ReportPeriod.parse("2025-H2"),
                        "matrix",
                        scopeOf(w, Actor.CENTRAL_ADMIN)));
      }

      @Override
      public Reach call(EntityManager em, World w, Actor a, Object report) throws Exception {
        return call.apply(em, w, a, (vn.hocso.lms.coverage.report.control.ReportSummary) report);
      }
    };
  }

  /**
   * Coverage dashboards (issue 7): every read and the staff target are the business of officers
   * whose scope covers the unit.
   */
  static List<Op> coverageDashboardOps() {
    var period =
        new vn.hocso.lms.coverage.dashboard.domain.Period(
            vn.hocso.lms.coverage.dashboard.domain.Period.Kind.CUSTOM,
            java.time.YearMonth.of(2025, 9),
            java.time.YearMonth.of(2026, 2));
    return List.of(
        new Op(
            "CoverageDashboard.overview",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new vn.hocso.lms.coverage.dashboard.control.CoverageDashboard(em)
                                .overview(unit, period, scopeOf(w, a))
                                .unit()
                                .id()
                            == unit))),
        new Op(
            "CoverageDashboard.children",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new vn.hocso.lms.coverage.dashboard.control.CoverageDashboard(em)
                                .children(unit, period, null, scopeOf(w, a))
                            != null))),
        new Op(
            "UntrainedPeople.list",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new vn.hocso.lms.coverage.dashboard.control.UntrainedPeople(em, CLOCK)
                                .list(
                                    new vn.hocso.lms.coverage.dashboard.control.UntrainedPeople
                                        .Filter(
                                        unit,
                                        vn.hocso.lms.coverage.domain.Subject.track(
                                            "ELECTRONIC_PAYMENT"),
                                        null,
                                        null),
                                    0,
                                    10,
                                    w.requesters.get(a))
                            != null))),
        new Op(
            "StaffTraining.figures",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new vn.hocso.lms.coverage.dashboard.control.StaffTraining(em, CLOCK)
                                .figures(unit, 2026, scopeOf(w, a))
                                .unitId()
                            == unit))),
        new Op(
            "StaffTraining.setTarget",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) -> {
                  var staff = new vn.hocso.lms.coverage.dashboard.control.StaffTraining(em, CLOCK);
                  int target = 1 + w.serial.incrementAndGet();
                  staff.setTarget(unit, 2026, target, scopeOf(w, a), "matrix");
                  em.flush();
                  return reach(
                      Integer.valueOf(target)
                          .equals(staff.figures(unit, 2026, scopeOf(w, a)).target()));
                })),
        new Op(
            "ActiveTrainers.active",
            Policy.SCOPED,
            unitOp(
                (em, w, a, unit) ->
                    reach(
                        new vn.hocso.lms.coverage.dashboard.control.ActiveTrainers(em)
                                .active(unit, period, scopeOf(w, a))
                            != null))));
  }

  interface Call<T> {
    Reach apply(EntityManager em, World world, Actor actor, T target) throws Exception;
  }

  static Reach reach(boolean reached) {
    return reached ? Reach.REACHED : Reach.HIDDEN;
  }

  static Certificates certificates(EntityManager em) {
    return new Certificates(em, CLOCK, statement -> {});
  }

  /** Issues a certificate to the person (as her course completion would) and returns its code. */
  static String issueCertificate(World world, long person) {
    return inTransaction(
        world.factory,
        em -> {
          if (world.certificateCourse == null) {
            var course =
                new vn.hocso.content.course.domain.Course(
                    "chung-nhan-thu", "Khoá có chứng nhận", null, "Tóm tắt", Track.E_COMMERCE, 10);
            em.persist(course);
            em.flush();
            world.certificateCourse = course.activityIri();
          }
          return certificates(em)
              .issue(
                  new CourseCompleted(
                      person, world.certificateCourse, 1, UUID.randomUUID(), CLOCK.instant()));
        });
  }

  /** A certificate of a fresh person in the actor's inside or outside unit. */
  static Operation certificateOp(Call<String> call) {
    return new Operation() {
      @Override
      public Object prepare(World w, Actor a, Target t) {
        return issueCertificate(w, w.person(w.unit(a, t), false));
      }

      @Override
      public Reach call(EntityManager em, World w, Actor a, Object code) throws Exception {
        return call.apply(em, w, a, (String) code);
      }
    };
  }

  static ManagedScope scopeOf(World world, Actor actor) {
    return world.requesters.get(actor).scope();
  }

  static long homeOf(EntityManager em, long person) {
    return em.find(Person.class, person).homeUnit().id();
  }

  /** An operation on a unit of the actor's inside or outside. */
  static Operation unitOp(Call<Long> call) {
    return new Operation() {
      @Override
      public Object prepare(World w, Actor a, Target t) {
        return w.unit(a, t);
      }

      @Override
      public Reach call(EntityManager em, World w, Actor a, Object unit) throws Exception {
        return call.apply(em, w, a, (Long) unit);
      }
    };
  }

  /**
   * An operation on a fresh person with a login in the actor's inside or outside unit, holding the
   * given role over her home unit (the central-admin role over Central) if not null.
   */
  static Operation accountOp(Role held, Call<Long> call) {
    return new Operation() {
      @Override
      public Object prepare(World w, Actor a, Target t) {
        return w.personWithAccount(w.unit(a, t), held);
      }

      @Override
      public Reach call(EntityManager em, World w, Actor a, Object person) throws Exception {
        return call.apply(em, w, a, (Long) person);
      }
    };
  }

  /** An operation on a fresh person (a membership claimant if asked) in that unit. */
  /** A unit operation on a fresh, empty branch of the actor's inside or outside commune. */
  static Op branchOp(String name, Call<Long> call) {
    return new Op(
        name,
        Policy.SCOPED,
        new Operation() {
          @Override
          public Object prepare(World w, Actor a, Target t) {
            return inTransaction(
                w.factory,
                em -> {
                  var branch =
                      em.find(OrgUnit.class, w.unit(a, t))
                          .addChild(null, w.unique("Chi hội"), UnitKind.BRANCH, START);
                  em.persist(branch);
                  em.flush();
                  return branch.id();
                });
          }

          @Override
          public Reach call(EntityManager em, World w, Actor a, Object branch) throws Exception {
            return call.apply(em, w, a, (Long) branch);
          }
        });
  }

  static Operation personOp(boolean claimant, Call<Long> call) {
    return new Operation() {
      @Override
      public Object prepare(World w, Actor a, Target t) {
        return w.person(w.unit(a, t), claimant);
      }

      @Override
      public Reach call(EntityManager em, World w, Actor a, Object person) throws Exception {
        return call.apply(em, w, a, (Long) person);
      }
    };
  }

  interface PersonalCall {
    void apply(PersonalData service, long personId, Requester requester) throws Exception;
  }

  /**
   * A personal-data operation on a fresh person with a consent in force. The learner's inside is
   * herself; her outside is a neighbour in her own commune.
   */
  static Op personal(String name, PersonalCall call) {
    return new Op(
        name,
        Policy.PERSONAL,
        new Operation() {
          @Override
          public Object prepare(World w, Actor a, Target t) {
            long person = w.person(w.unit(a, t), false);
            inTransaction(
                w.factory,
                em -> {
                  new PersonalData(em, CLOCK)
                      .recordConsent(
                          person,
                          ConsentPurpose.LEARNING_RECORDS,
                          "2025-07",
                          w.requesters.get(Actor.CENTRAL_ADMIN));
                  return null;
                });
            return person;
          }

          @Override
          public Reach call(EntityManager em, World w, Actor a, Object person) throws Exception {
            long id = (Long) person;
            // The learner's INSIDE row is herself: the fresh person is hers. Which row this is
            // follows from the unit: for LEARNER both lie in Ba Đình, so the row passes it.
            call.apply(new PersonalData(em, CLOCK), id, w.currentRequester);
            return Reach.REACHED;
          }
        });
  }

  interface CentralCall {
    Object apply(PersonalData service, Requester requester);
  }

  static Op centralOnly(String name, CentralCall call) {
    return new Op(
        name,
        Policy.CENTRAL,
        new Operation() {
          @Override
          public Object prepare(World w, Actor a, Target t) {
            return null;
          }

          @Override
          public Reach call(EntityManager em, World w, Actor a, Object none) {
            call.apply(new PersonalData(em, CLOCK), w.requesters.get(a));
            return Reach.REACHED;
          }
        });
  }

  interface AuthoringCall {
    void apply(CourseAuthoring service, Caller caller, long courseId);
  }

  /** A course ready to publish, owned by the trainer for her INSIDE rows, else by another. */
  static Op authoring(String name, AuthoringCall call) {
    return new Op(
        name,
        Policy.AUTHOR,
        new Operation() {
          @Override
          public Object prepare(World w, Actor a, Target t) {
            var owner =
                a == Actor.TRAINER && t == Target.INSIDE
                    ? w.callers.get(Actor.TRAINER)
                    : w.otherTrainer;
            return readyCourse(w, owner);
          }

          @Override
          public Reach call(EntityManager em, World w, Actor a, Object course) {
            call.apply(new CourseAuthoring(em, CLOCK), w.callers.get(a), (Long) course);
            return Reach.REACHED;
          }
        });
  }

  static CourseDetails details(String title) {
    return new CourseDetails(
        title, null, "Tóm tắt của " + title, null, Track.ELECTRONIC_PAYMENT, Level.BASIC, 20);
  }

  static long readyCourse(World world, Caller author) {
    return inTransaction(
        world.factory,
        em -> {
          var service = new CourseAuthoring(em, CLOCK);
          var id = service.create(author, details(world.unique("Khoá Thử")));
          var module = service.addModule(author, id, "Phần 1");
          var lesson = service.addLesson(author, id, module, "Bài một");
          service.addText(author, id, lesson, "<p>Nội dung</p>");
          service.setQuiz(author, id, module, "Kiểm tra", 80, 3);
          service.addQuestion(
              author,
              id,
              module,
              new QuestionInput(
                  QuestionKind.SINGLE_CHOICE,
                  "Ai được biết mã OTP?",
                  List.of(
                      new OptionInput("Chỉ tôi", true, "Đúng vậy"),
                      new OptionInput("Nhân viên ngân hàng", false, "Không ai được hỏi")),
                  "Tốt lắm",
                  "Xem lại bài"));
          return id;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // The rows.

  static List<Row> rows(List<Op> ops) {
    var rows = new ArrayList<Row>();
    for (var op : ops) {
      for (var actor : Actor.values()) {
        if (op.policy().hasInside(actor)) {
          rows.add(new Row(op.name(), actor, Target.INSIDE, Expect.ALLOWED));
        }
        if (op.policy().hasOutside(actor)) {
          rows.add(new Row(op.name(), actor, Target.OUTSIDE, Expect.DENIED));
        }
      }
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void everyRoleReachesExactlyItsOwnScope(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var world = build(factory);
        var ops = operations();
        var byName = ops.stream().collect(Collectors.toMap(Op::name, op -> op));
        var rows = rows(ops);
        var tables = tables(database.dataSource());
        var mismatches = new ArrayList<String>();
        for (var row : rows) {
          var mismatch =
              run(row, byName.get(row.operation()), world, database.dataSource(), tables);
          if (mismatch != null) {
            mismatches.add(row + " — " + mismatch);
          }
        }
        assertThat(rows).as("rows of the matrix").hasSizeGreaterThan(200);
        assertThat(rows.stream().filter(r -> r.expected() == Expect.DENIED).count())
            .as("denied rows")
            .isGreaterThan(100);
        assertThat(mismatches)
            .as("%d of %d rows on %s did not hold", mismatches.size(), rows.size(), kind)
            .isEmpty();
      } finally {
        factory.close();
      }
    }
  }

  /** Runs one row; returns what went wrong, or null. */
  private static String run(Row row, Op op, World world, DataSource dataSource, List<String> tables)
      throws SQLException {
    Object target;
    try {
      target = op.operation().prepare(world, row.actor(), row.target());
    } catch (RuntimeException e) {
      return "preparing the target failed: " + e;
    }
    world.currentRequester = personalRequester(world, row, target);
    var before = snapshot(dataSource, tables);
    Reach reach;
    try {
      reach =
          inTransaction(
              world.factory,
              em -> {
                try {
                  return op.operation().call(em, world, row.actor(), target);
                } catch (RuntimeException e) {
                  throw e;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    } catch (AccessDeniedException e) {
      if (row.expected() == Expect.ALLOWED) {
        return "refused: " + e.getMessage();
      }
      var after = snapshot(dataSource, tables);
      return before.equals(after) ? null : "refused, but a table changed: " + diff(before, after);
    } catch (RuntimeException | AssertionError e) {
      return "failed with " + e;
    }
    if (row.expected() == Expect.DENIED) {
      return reach == Reach.HIDDEN ? null : "was allowed and reached the target";
    }
    return reach == Reach.REACHED ? null : "ran but did not reach the target";
  }

  /** For personal data, the learner's INSIDE row acts as the fresh person herself. */
  private static Requester personalRequester(World world, Row row, Object target) {
    if (row.actor() == Actor.LEARNER
        && row.target() == Target.INSIDE
        && target instanceof Long id) {
      return world.requester(Actor.LEARNER, id);
    }
    return world.requesters.get(row.actor());
  }

  // ---------------------------------------------------------------------------------------------
  // The world.

  private static World build(EntityManagerFactory factory) {
    var world = new World(factory);
    inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương Hội", START);
          var hanoi = central.addChild("01", "Thành phố Hà Nội", UnitKind.PROVINCE, START);
          var badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
          var hoankiem = hanoi.addChild("00070", "Phường Hoàn Kiếm", UnitKind.COMMUNE, START);
          var hue = central.addChild("46", "Thành phố Huế", UnitKind.PROVINCE, START);
          var thuanhoa = hue.addChild("19753", "Phường Thuận Hóa", UnitKind.COMMUNE, START);
          for (var unit : List.of(central, hanoi, badinh, hoankiem, hue, thuanhoa)) {
            em.persist(unit);
          }
          var learner = new Person("Nguyễn Thị Học", 1990, badinh, START);
          em.persist(learner);
          var scopes = new EnumMap<Actor, OrgUnit>(Actor.class);
          scopes.put(Actor.COMMUNE_OFFICER, badinh);
          scopes.put(Actor.PROVINCE_OFFICER, hanoi);
          scopes.put(Actor.OTHER_PROVINCE_OFFICER, hue);
          scopes.put(Actor.CENTRAL_ADMIN, central);
          var accounts = new EnumMap<Actor, Account>(Actor.class);
          for (var actor : Actor.values()) {
            var username = actor.name().toLowerCase().replace("_", "");
            var account = new Account(username, "mat-khau-dai".toCharArray(), username, badinh);
            switch (actor) {
              case LEARNER -> {
                account.grant(Role.LEARNER, null);
                account.belongsTo(learner);
              }
              // A trainer's grant covers Hà Nội, yet she manages nobody there.
              case TRAINER -> account.grant(Role.TRAINER, hanoi);
              case CENTRAL_ADMIN -> account.grant(Role.CENTRAL_ADMIN, central);
              default -> account.grant(Role.UNIT_OFFICER, scopes.get(actor));
            }
            em.persist(account);
            accounts.put(actor, account);
          }
          var other = new Account("giangvienkhac", "mat-khau-dai".toCharArray(), "khác", hanoi);
          other.grant(Role.TRAINER, hanoi);
          em.persist(other);
          em.flush();
          world.central = central.id();
          world.hanoi = hanoi.id();
          world.badinh = badinh.id();
          world.hoankiem = hoankiem.id();
          world.hue = hue.id();
          world.thuanhoa = thuanhoa.id();
          world.learnerPerson = learner.id();
          world.otherTrainer = Caller.of(other);
          accounts.forEach(
              (actor, account) -> {
                world.requesters.put(
                    actor,
                    new Requester(
                        account.username(),
                        actor == Actor.LEARNER ? learner.id() : null,
                        new ManagedScope(account.managedUnitIds())));
                world.callers.put(actor, Caller.of(account));
              });
          return null;
        });
    return world;
  }

  // ---------------------------------------------------------------------------------------------
  // "Nothing was written": every row of every table, before and after a refusal.

  private static List<String> tables(DataSource dataSource) throws SQLException {
    var tables = new ArrayList<String>();
    try (var connection = dataSource.getConnection();
        var result =
            connection
                .getMetaData()
                .getTables(
                    connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).as("tables found").hasSizeGreaterThan(10);
    return tables;
  }

  private static Map<String, List<String>> snapshot(DataSource dataSource, List<String> tables)
      throws SQLException {
    var snapshot = new java.util.TreeMap<String, List<String>>();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      // H2 keeps the migrations' lower-case names only when quoted.
      var quote = connection.getMetaData().getIdentifierQuoteString().strip();
      for (var table : tables) {
        var rows = new ArrayList<String>();
        try (var result = statement.executeQuery("select * from " + quote + table + quote)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            var row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              var value = result.getObject(i);
              if (value instanceof java.sql.Blob blob) { // H2's longblob: compare the content
                value = blob.getBytes(1, (int) blob.length());
              }
              row.append(value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value)
                  .append('|');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        snapshot.put(table, rows);
      }
    }
    return snapshot;
  }

  private static String diff(Map<String, List<String>> before, Map<String, List<String>> after) {
    return before.keySet().stream()
        .filter(table -> !before.get(table).equals(after.get(table)))
        .collect(Collectors.joining(", "));
  }
}
