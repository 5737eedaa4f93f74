package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hocso.lms.accounts.control.RegistrationRejectedException.Problem;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.PasswordRejectedException;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.privacy.domain.Consent;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Self-registration. She may learn at once, without waiting for anyone: learning is open to every
 * woman. Only her claim to be a Union member waits for an officer of her commune (see {@link
 * Person#claimMembership}), because membership is what the Union's coverage figures divide by.
 * Everything is checked before anything is written, and every problem is reported at once.
 */
@ApplicationScoped
@Transactional
public class Registration {

  /** The version of the consent text on the registration page; kept with each consent. */
  public static final String CONSENT_TEXT_VERSION = "dang-ky-2026-01";

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected Registration() {
    // for CDI
  }

  public Registration(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** Registers her and returns her person id, or reports every problem and writes nothing. */
  public long register(RegistrationForm form) {
    var today = LocalDate.now(clock.withZone(VIETNAM));
    var problems = new ArrayList<Problem>();
    var commune = commune(form.communeId(), today, problems);
    var person = commune == null ? null : person(form, commune, today, problems);
    var account = account(form, commune, problems);
    if (!form.consentsToLearningRecords() || !form.consentsToUnionReporting()) {
      problems.add(
          new Problem(
              "consent",
              "Chị cần đồng ý cho lưu kết quả học tập và cho Hội tính vào báo cáo thì mới học"
                  + " được."));
    }
    if (!problems.isEmpty()) {
      throw new RegistrationRejectedException(problems);
    }
    try {
      // The people counters' lock before any write (storage.CountedTree: every people writer
      // takes it first, or two of them deadlock).
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(entityManager);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("People counters not locked", e);
    }
    if (form.claimsMembership()) {
      person.claimMembership(today);
    }
    account.belongsTo(person);
    account.grant(Role.LEARNER, null);
    entityManager.persist(person);
    entityManager.persist(account);
    entityManager.flush(); // ids for the consents and the audit log
    headcounts(person.id());
    var now = clock.instant();
    var purposes = new ArrayList<>(List.of(ConsentPurpose.LEARNING_RECORDS));
    purposes.add(ConsentPurpose.UNION_REPORTING);
    if (form.consentsToPhoneContact()) {
      purposes.add(ConsentPurpose.PHONE_CONTACT);
    }
    entityManager.persist(
        new AuditEntry(
            now,
            account.username(),
            AuditAction.REGISTERED,
            person.id(),
            "commune " + commune.id() + (form.claimsMembership() ? ", claims membership" : "")));
    for (var purpose : purposes) {
      entityManager.persist(new Consent(person, purpose, CONSENT_TEXT_VERSION, now));
      entityManager.persist(
          new AuditEntry(
              now,
              account.username(),
              AuditAction.RECORDED_CONSENT,
              person.id(),
              purpose + " " + CONSENT_TEXT_VERSION));
    }
    return person.id();
  }

  private OrgUnit commune(Long id, LocalDate today, List<Problem> problems) {
    var unit = id == null ? null : entityManager.find(OrgUnit.class, id);
    if (unit == null || unit.kind() != UnitKind.COMMUNE || !unit.isOpenOn(today)) {
      problems.add(
          new Problem("commune", "Chị hãy chọn xã, phường nơi chị sinh hoạt trong danh sách."));
      return null;
    }
    return unit;
  }

  private Person person(
      RegistrationForm form, OrgUnit commune, LocalDate today, List<Problem> problems) {
    Person person;
    try {
      person = new Person(form.fullName(), null, commune, today);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("fullName", e.getMessage()));
      return null;
    }
    try {
      person.setBirthYear(form.birthYear());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("birthYear", e.getMessage()));
    }
    try {
      person.setPhone(form.phone());
      if (person.phone().isPresent() && phoneTaken(person.phone().get())) {
        problems.add(
            new Problem(
                "phone",
                "Số điện thoại này đã được đăng ký. Nếu quên mật khẩu, chị hãy nhờ cán bộ Hội"
                    + " cấp mã đặt lại."));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("phone", e.getMessage()));
    }
    return person;
  }

  private Account account(RegistrationForm form, OrgUnit commune, List<Problem> problems) {
    var password = form.password() == null ? new char[0] : form.password();
    var again = form.passwordAgain() == null ? new char[0] : form.passwordAgain();
    if (!Arrays.equals(password, again)) {
      problems.add(new Problem("passwordAgain", "Hai lần nhập mật khẩu không giống nhau."));
    }
    if (usernameTaken(form.username())) {
      problems.add(
          new Problem("username", "Tên đăng nhập này đã có người dùng, chị chọn tên khác."));
      return null;
    }
    try {
      var name = form.fullName() == null || form.fullName().isBlank() ? "?" : form.fullName();
      return new Account(form.username(), password, name, commune);
    } catch (PasswordRejectedException e) {
      problems.add(new Problem("password", e.getMessage()));
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              "username",
              "Tên đăng nhập gồm 3 đến 64 chữ thường không dấu, chữ số, dấu chấm, gạch ngang"
                  + " hoặc gạch dưới (có thể dùng số điện thoại)."));
    }
    return null;
  }

  private boolean usernameTaken(String username) {
    return entityManager
            .createQuery("select count(a) from Account a where a.username = :u", Long.class)
            .setParameter("u", Account.normalise(username))
            .getSingleResult()
        > 0;
  }

  private boolean phoneTaken(String phone) {
    return entityManager
            .createQuery(
                "select count(p) from Person p where p.phone = :phone and p.erasedOn is null",
                Long.class)
            .setParameter("phone", phone)
            .getSingleResult()
        > 0;
  }

  /** Counts her, just created, in her commune's headcount, in this transaction. */
  private void headcounts(long personId) {
    try {
      vn.hocso.lms.coverage.storage.Headcounts.of(entityManager).addNewPerson(personId);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Headcount not kept", e);
    }
  }
}
