package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * One person added or corrected by an officer, by hand rather than by a file (the API's {@code POST
 * /people} and {@code PUT /people/{id}}). Adding follows the import's rules for a row ({@link
 * Person}'s own checks, the import's duplicate rule: the same phone, or the same name, birth year
 * and unit) and is audited as an import of one; a correction is audited as {@code CHANGED_PERSON}
 * (the fields named, never their values). Both need the officer's scope to cover the unit.
 */
@ApplicationScoped
@Transactional
public class PersonRecords {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected PersonRecords() {
    // for CDI
  }

  public PersonRecords(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * What an officer writes about one person. Ethnicity (sensitive) is not taken by hand.
   *
   * @param member null keeps what the record says (a new person: not a member)
   */
  public record PersonDetails(String fullName, Integer birthYear, String phone, Boolean member) {}

  /** Adds her to the unit from today; returns her id. */
  public long add(long unitId, PersonDetails details, Requester officer) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null || !officer.scope().covers(unit)) {
      throw new AccessDeniedException("No unit " + unitId + " in this account's scope");
    }
    if (!PersonTransfers.holdsPeople(unit.kind())) {
      throw new UnitRuleException(
          unit.name() + " không có hội viên sinh hoạt trực tiếp; chọn một xã, chi hội hoặc tổ.",
          "People are members of a commune, branch or group, not of " + unit.kind());
    }
    var person = new Person(details.fullName(), details.birthYear(), unit, today());
    person.setPhone(details.phone());
    person.markMember(Boolean.TRUE.equals(details.member()));
    var duplicates =
        new PeopleImport(entityManager, clock)
            .duplicatesInDatabase(
                List.of(
                    new ImportPreview.ImportRow(
                        1,
                        person.fullName(),
                        person.birthYear().orElse(null),
                        person.phone().orElse(null),
                        null,
                        person.isMember(),
                        unit.id())));
    if (!duplicates.isEmpty()) {
      throw new UnitRuleException(
          duplicates.get(0).problem(), "This person (phone, or name, birth year and unit) exists");
    }
    lockPeopleCounters(); // before the first write (her id taken from id_sequence included)
    entityManager.persist(person);
    entityManager.flush();
    try {
      // New: counted as an import counts, with no PERSON change for the projector.
      vn.hocso.lms.coverage.storage.Headcounts.of(entityManager).addNewPerson(person.id());
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Headcount not kept", e);
    }
    audit(officer, AuditAction.IMPORTED_PEOPLE, person.id(), "1 person into unit " + unit.id());
    return person.id();
  }

  /** Corrects her name, birth year, phone and (when given) membership. */
  public void correct(long personId, PersonDetails details, Requester officer) {
    var person = entityManager.find(Person.class, personId);
    if (person == null || !officer.scope().covers(person.homeUnit())) {
      throw new AccessDeniedException("No person " + personId + " within the requester's scope");
    }
    if (person.isErased()) {
      throw new UnitRuleException(
          "Dữ liệu của người này đã bị xóa.", "The person's personal data was erased");
    }
    if (details.member() != null && details.member() != person.isMember()) {
      lockPeopleCounters(); // the counters change: their lock before her row is written
    }
    var changed = new ArrayList<String>();
    var phoneBefore = person.phone().orElse(null);
    var nameBefore = person.fullName();
    var yearBefore = person.birthYear().orElse(null);
    person.renameTo(details.fullName());
    person.setBirthYear(details.birthYear());
    person.setPhone(details.phone());
    var phone = person.phone().orElse(null);
    if (phone != null && !phone.equals(phoneBefore) && phoneTaken(phone, personId)) {
      throw new UnitRuleException(
          "Số điện thoại đã có người dùng trong hệ thống.", "The phone number is someone else's");
    }
    if (!person.fullName().equals(nameBefore)) {
      changed.add("name");
    }
    if (!Objects.equals(yearBefore, person.birthYear().orElse(null))) {
      changed.add("birthYear");
    }
    if (!Objects.equals(phoneBefore, phone)) {
      changed.add("phone");
    }
    if (details.member() != null && details.member() != person.isMember()) {
      person.markMember(details.member());
      changed.add("member");
      entityManager.flush();
      headcounts(personId);
    }
    if (!changed.isEmpty()) {
      audit(officer, AuditAction.CHANGED_PERSON, personId, "changed " + String.join(", ", changed));
    }
  }

  /**
   * The people counters' lock, taken before this transaction writes any person
   * (storage.CountedTree: every people writer takes it first, or two of them deadlock).
   */
  private void lockPeopleCounters() {
    try {
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(entityManager);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("People counters not locked", e);
    }
  }

  /** Her unit's headcounts follow a new person and a changed membership (coverage denominators). */
  private void headcounts(long personId) {
    try {
      vn.hocso.lms.coverage.storage.Headcounts.of(entityManager).settle(personId);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Headcount not kept", e);
    }
  }

  private boolean phoneTaken(String phone, long personId) {
    return entityManager
            .createQuery(
                "select count(p) from Person p where p.phone = :phone and p.id <> :id", Long.class)
            .setParameter("phone", phone)
            .setParameter("id", personId)
            .getSingleResult()
        > 0;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(VIETNAM));
  }

  private void audit(Requester officer, AuditAction action, Long personId, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), officer.username(), action, personId, detail));
  }
}
