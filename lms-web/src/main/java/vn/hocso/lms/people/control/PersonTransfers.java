package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.TreeChange;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * "Chuyển sinh hoạt": an officer moves one woman's home to another unit from a given day, e.g. when
 * she moves house or after a split put her in the wrong part. Both her present unit and the new one
 * must lie in the officer's subtree. Her earlier membership stays in her history, the coverage
 * counters are told in the same transaction (her learning follows her in the live figures; past
 * months stay where they happened), and the move is audited.
 */
@ApplicationScoped
public class PersonTransfers {

  @PersistenceContext private EntityManager entityManager;

  /** Tells the coverage counters where she went, in this transaction. */
  @Inject Event<TreeChange> treeChanges;

  private Clock clock = Clock.systemUTC();

  protected PersonTransfers() {
    // for CDI
  }

  /** Outside a container: the move goes to {@code treeChanges} (may be null). */
  public PersonTransfers(EntityManager entityManager, Event<TreeChange> treeChanges, Clock clock) {
    this.entityManager = entityManager;
    this.treeChanges = treeChanges;
    this.clock = clock;
  }

  /** Units a woman can be a member of: the grassroots level and below. */
  public static boolean holdsPeople(UnitKind kind) {
    return switch (kind) {
      case COMMUNE, BRANCH, GROUP, ORGANISATION_BASE -> true;
      case CENTRAL, PROVINCE, ORGANISATION -> false;
    };
  }

  /**
   * Moves her home to the unit from {@code on}.
   *
   * @throws AccessDeniedException when she or the unit lies outside the requester's scope
   * @throws UnitRuleException naming the problem (in Vietnamese) when the move breaks a rule
   */
  @Transactional
  public void transfer(long personId, Long unitId, LocalDate on, Requester requester) {
    var person = entityManager.find(Person.class, personId);
    if (person == null || !requester.scope().covers(person.homeUnit())) {
      throw new AccessDeniedException("No person " + personId + " within the requester's scope");
    }
    if (unitId == null) {
      throw new UnitRuleException("Chọn đơn vị chuyển đến.", "No unit was chosen");
    }
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null || !requester.scope().covers(unit)) {
      throw new AccessDeniedException("Unit " + unitId + " lies outside the requester's scope");
    }
    if (on == null) {
      throw new UnitRuleException("Chọn ngày chuyển sinh hoạt.", "No date was chosen");
    }
    if (person.isErased()) {
      throw new UnitRuleException(
          "Dữ liệu của người này đã bị xóa.", "The person's personal data was erased");
    }
    if (!holdsPeople(unit.kind())) {
      throw new UnitRuleException(
          unit.name() + " không có hội viên sinh hoạt trực tiếp; chọn một xã, chi hội hoặc tổ.",
          "People are members of a commune, branch or group, not of " + unit.kind());
    }
    var from = person.homeUnit();
    if (from.id().equals(unit.id())) {
      throw new UnitRuleException(
          person.fullName() + " đang sinh hoạt tại " + unit.name() + ".",
          "The person is already a member of unit " + unit.id());
    }
    if (treeChanges != null) {
      treeChanges.fire(new TreeChange.Reorganising(on)); // the people counters' lock, first
    }
    person.moveTo(unit, on);
    if (treeChanges != null) {
      treeChanges.fire(new TreeChange.PersonMoved(person.id(), on));
    }
    entityManager.persist(
        new AuditEntry(
            clock.instant(),
            requester.username(),
            AuditAction.MOVED_PERSON,
            personId,
            "moved from unit " + from.id() + " to unit " + unit.id() + " on " + on));
  }
}
