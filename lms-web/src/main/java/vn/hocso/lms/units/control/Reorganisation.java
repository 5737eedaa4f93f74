package vn.hocso.lms.units.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.domain.ClosureReason;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitEvent;
import vn.hocso.lms.units.domain.UnitEventKind;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * Changes to the Union's tree: create, rename, move, merge, split, dissolve. Each keeps history
 * (unit events, closed units stay as rows) and people move with their unit, so what happened before
 * a reorganisation still counts where it happened while live views follow today's tree.
 *
 * <p>Reorganising a unit is the business of the level above it: the caller's scope must cover the
 * unit's parent (a commune officer creates and renames her branches but cannot dissolve, split or
 * merge her own commune; a province officer does that for her communes; the central admin for
 * provinces). A move needs both the old and the new parent; a merge, the parents of every unit
 * involved. Everything is checked before anything is written.
 */
@ApplicationScoped
@Transactional
public class Reorganisation {

  @PersistenceContext private EntityManager entityManager;

  /** Tells the coverage counters where people and units went, in this transaction. */
  @Inject Event<TreeChange> treeChanges;

  protected Reorganisation() {
    // for CDI
  }

  public Reorganisation(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Outside a container: the changes go to {@code treeChanges}. */
  public Reorganisation(EntityManager entityManager, Event<TreeChange> treeChanges) {
    this.entityManager = entityManager;
    this.treeChanges = treeChanges;
  }

  private void changed(TreeChange change) {
    if (treeChanges != null) {
      treeChanges.fire(change);
    }
  }

  /** A part of a unit being split: the new unit's official code (if any) and name. */
  public record Part(String code, String name) {}

  public OrgUnit create(
      long parentId, String code, String name, UnitKind kind, LocalDate on, ManagedScope scope) {
    requireCovers(unit(parentId), scope);
    return create(unit(parentId), code, name, kind, on);
  }

  private OrgUnit create(OrgUnit parent, String code, String name, UnitKind kind, LocalDate on) {
    var unit = parent.addChild(code, name, kind, on);
    entityManager.persist(unit);
    entityManager.persist(UnitEvent.of(unit, UnitEventKind.CREATED, on));
    return unit;
  }

  public void rename(long unitId, String newName, LocalDate on, ManagedScope scope) {
    var unit = unit(unitId);
    requireManages(unit, scope);
    var oldName = unit.name();
    unit.rename(newName);
    entityManager.persist(UnitEvent.change(unit, UnitEventKind.RENAMED, on, oldName, unit.name()));
  }

  public void move(long unitId, long newParentId, LocalDate on, ManagedScope scope) {
    var unit = unit(unitId);
    var newParent = unit(newParentId);
    requireManages(unit, scope);
    requireCovers(newParent, scope);
    changed(new TreeChange.Reorganising(on));
    move(unit, newParent, on);
  }

  private void move(OrgUnit unit, OrgUnit newParent, LocalDate on) {
    var oldParent = unit.parent().map(OrgUnit::toString).orElse(null);
    unit.moveUnder(newParent, on);
    entityManager.persist(
        UnitEvent.change(unit, UnitEventKind.MOVED, on, oldParent, newParent.toString()));
    changed(new TreeChange.UnitMoved(unit.id(), on));
  }

  /**
   * Merges the sources into the target from that day on: their sub-units and people move to the
   * target, the sources close (kept for history) with links both ways.
   */
  public void merge(Collection<Long> sourceIds, long targetId, LocalDate on, ManagedScope scope) {
    var target = unit(targetId);
    requireManages(target, scope);
    var sources = new LinkedHashSet<OrgUnit>();
    for (var id : sourceIds) {
      var source = unit(id);
      requireManages(source, scope);
      sources.add(source);
    }
    if (sources.isEmpty()) {
      throw new UnitRuleException("Chọn ít nhất một đơn vị để sáp nhập", "Nothing to merge");
    }
    for (var source : sources) {
      if (source == target) {
        throw new UnitRuleException(
            "Không thể sáp nhập " + source.name() + " vào chính nó",
            "A unit cannot merge into itself");
      }
      if (source.kind() != target.kind()) {
        throw new UnitRuleException(
            "Chỉ sáp nhập được các đơn vị cùng cấp: " + source.name() + " và " + target.name(),
            "Only units of one kind merge: " + source.kind() + " into " + target.kind());
      }
      if (target.isWithin(source)) {
        throw new UnitRuleException(
            "Không thể sáp nhập " + source.name() + " vào đơn vị cấp dưới của nó",
            "A unit cannot merge into one of its own sub-units");
      }
    }
    changed(new TreeChange.Reorganising(on));
    for (var source : sources) {
      for (var child : openChildren(source, on)) {
        move(child, target, on);
      }
      for (var person : peopleOf(source)) {
        person.moveTo(target, on);
        changed(new TreeChange.PersonMoved(person.id(), on));
      }
      source.close(on, ClosureReason.MERGED);
      entityManager.persist(UnitEvent.relating(source, UnitEventKind.MERGED_INTO, on, target));
      entityManager.persist(UnitEvent.relating(target, UnitEventKind.ABSORBED, on, source));
    }
  }

  /**
   * Splits a unit into new sibling units from that day on. Every open sub-unit and every person of
   * the unit must be given a part (their index in {@code parts}); the unit then closes.
   */
  public List<OrgUnit> split(
      long sourceId,
      List<Part> parts,
      Map<Long, Integer> partOfSubUnit,
      Map<Long, Integer> partOfPerson,
      LocalDate on,
      ManagedScope scope) {
    var source = unit(sourceId);
    requireManages(source, scope);
    if (parts.size() < 2) {
      throw new UnitRuleException(
          "Chia tách cần ít nhất hai đơn vị mới", "A split makes at least two units");
    }
    var parent =
        source
            .parent()
            .orElseThrow(
                () ->
                    new UnitRuleException(
                        "Không thể chia tách Trung ương", "Central cannot split"));
    var children = openChildren(source, on);
    var people = peopleOf(source);
    var unassigned = new ArrayList<String>();
    children.stream()
        .filter(child -> !validPart(partOfSubUnit.get(child.id()), parts))
        .forEach(child -> unassigned.add(child.name()));
    people.stream()
        .filter(person -> !validPart(partOfPerson.get(person.id()), parts))
        .forEach(person -> unassigned.add(person.fullName()));
    if (!unassigned.isEmpty()) {
      throw new UnitRuleException(
          "Chưa chọn đơn vị mới cho: " + String.join(", ", unassigned),
          "Every sub-unit and person needs a part; missing: " + unassigned.size());
    }
    changed(new TreeChange.Reorganising(on));
    var newUnits = new ArrayList<OrgUnit>();
    for (var part : parts) {
      var unit = create(parent, part.code(), part.name(), source.kind(), on);
      entityManager.persist(UnitEvent.relating(unit, UnitEventKind.SPLIT_FROM, on, source));
      entityManager.persist(UnitEvent.relating(source, UnitEventKind.SPLIT_INTO, on, unit));
      newUnits.add(unit);
    }
    entityManager.flush();
    for (var child : children) {
      move(child, newUnits.get(partOfSubUnit.get(child.id())), on);
    }
    for (var person : people) {
      person.moveTo(newUnits.get(partOfPerson.get(person.id())), on);
      changed(new TreeChange.PersonMoved(person.id(), on));
    }
    source.close(on, ClosureReason.SPLIT);
    return newUnits;
  }

  /** Dissolves an empty unit: one without open sub-units or people. */
  public void dissolve(long unitId, LocalDate on, ManagedScope scope) {
    var unit = unit(unitId);
    requireManages(unit, scope);
    if (!openChildren(unit, on).isEmpty() || !peopleOf(unit).isEmpty()) {
      throw new UnitRuleException(
          "Chỉ giải thể được đơn vị không còn đơn vị trực thuộc và hội viên: " + unit.name(),
          "Only a unit without open sub-units or people can be dissolved");
    }
    unit.close(on, ClosureReason.DISSOLVED);
    entityManager.persist(UnitEvent.of(unit, UnitEventKind.DISSOLVED, on));
  }

  /** The history of a unit, oldest first, for anyone whose scope covers it. */
  public List<UnitEvent> history(long unitId, ManagedScope scope) {
    requireCovers(unit(unitId), scope);
    return entityManager
        .createQuery(
            "select e from UnitEvent e where e.unit.id = :unit order by e.effectiveOn, e.id",
            UnitEvent.class)
        .setParameter("unit", unitId)
        .getResultList();
  }

  // UI-facing and read-only: what a page may offer, and what a change would move.

  /** Whether the caller may rename, move, merge into, split or dissolve the unit. */
  public boolean mayReorganise(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    return unit != null && unit.parent().map(scope::covers).orElse(false);
  }

  /** Whether the caller may create units below this one. */
  public boolean mayCreateUnder(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    return unit != null && scope.covers(unit);
  }

  /** What a merge, split or dissolution of the unit on that day would move. */
  public record Impact(long directPeople, List<SubUnitImpact> subUnits) {
    /** Everyone who moves: those homed in the unit and everyone below its sub-units. */
    public long people() {
      return directPeople + subUnits.stream().mapToLong(SubUnitImpact::people).sum();
    }
  }

  /** An open sub-unit and how many people it carries with it. */
  public record SubUnitImpact(long id, String name, long people) {}

  /** Refused like the change itself: only the level above the unit asks. */
  public Impact impact(long unitId, LocalDate on, ManagedScope scope) {
    var unit = unit(unitId);
    requireManages(unit, scope);
    var headcount = new UnitHeadcount(entityManager);
    return new Impact(
        peopleOf(unit).size(),
        openChildren(unit, on).stream()
            .sorted(java.util.Comparator.comparing(OrgUnit::name))
            .map(
                child ->
                    new SubUnitImpact(child.id(), child.name(), headcount.peopleWithin(child.id())))
            .toList());
  }

  /** The people homed directly in the unit (not in its sub-units), by name, for a split. */
  public List<PersonChoice> directPeople(long unitId, ManagedScope scope) {
    var unit = unit(unitId);
    requireManages(unit, scope);
    return peopleOf(unit).stream()
        .map(person -> new PersonChoice(person.id(), person.fullName()))
        .sorted(java.util.Comparator.comparing(PersonChoice::name))
        .toList();
  }

  /** A person to give a part in a split. */
  public record PersonChoice(long id, String name) {}

  /** The unit's parent lies in the scope: the level above manages the unit. */
  private static void requireManages(OrgUnit unit, ManagedScope scope) {
    var parent =
        unit.parent()
            .orElseThrow(
                () -> new AccessDeniedException("Central is not reorganised through the platform"));
    if (!scope.covers(parent)) {
      throw new AccessDeniedException(
          "Reorganising " + unit.name() + " is for the officers of the level above it");
    }
  }

  private static void requireCovers(OrgUnit unit, ManagedScope scope) {
    if (!scope.covers(unit)) {
      throw new AccessDeniedException(unit.name() + " lies outside the caller's scope");
    }
  }

  private static boolean validPart(Integer index, List<Part> parts) {
    return index != null && index >= 0 && index < parts.size();
  }

  private OrgUnit unit(long id) {
    var unit = entityManager.find(OrgUnit.class, id);
    if (unit == null) {
      throw new UnknownUnitException(id);
    }
    return unit;
  }

  private List<OrgUnit> openChildren(OrgUnit unit, LocalDate on) {
    return entityManager
        .createQuery("select u from OrgUnit u where u.parent = :unit", OrgUnit.class)
        .setParameter("unit", unit)
        .getResultList()
        .stream()
        .filter(child -> child.isOpenOn(on))
        .toList();
  }

  private List<Person> peopleOf(OrgUnit unit) {
    return entityManager
        .createQuery("select p from Person p where p.homeUnit = :unit", Person.class)
        .setParameter("unit", unit)
        .getResultList();
  }
}
