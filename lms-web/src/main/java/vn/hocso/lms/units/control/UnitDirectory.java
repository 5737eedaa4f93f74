package vn.hocso.lms.units.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.hocso.content.search.FoldedText;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitEvent;
import vn.hocso.lms.units.domain.UnitEventKind;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Finds and shows units, always within a {@link ManagedScope}: an officer of one province neither
 * finds nor opens a unit of another.
 */
@ApplicationScoped
public class UnitDirectory {

  private static final String WITHIN_SCOPE =
      Subtree.ANCESTOR_JOINS + " where " + Subtree.within("roots");

  @PersistenceContext private EntityManager entityManager;

  protected UnitDirectory() {
    // for CDI
  }

  public UnitDirectory(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Open units whose name contains the words typed, ignoring diacritics and case, best matches
   * (higher levels, then names) first.
   */
  public List<UnitRow> search(String typed, ManagedScope scope, int first, int max) {
    var folded = FoldedText.fold(typed);
    if (scope.isEmpty() || folded.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select u from OrgUnit u"
                + WITHIN_SCOPE
                + " and u.validTo is null and u.searchName like :pattern"
                + " order by u.kind, u.name",
            OrgUnit.class)
        .setParameter("roots", scope.rootUnitIds())
        .setParameter("pattern", "%" + escapeLike(folded) + "%")
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UnitRow::of)
        .toList();
  }

  /**
   * Open communes and wards whose name (or province's name) contains the words typed, for anyone:
   * the names of grassroots Unions are public, and a woman registering picks hers from them.
   */
  public List<UnitRow> openCommunes(String typed, int max) {
    var folded = FoldedText.fold(typed);
    if (folded.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select u from OrgUnit u left join u.parent p where u.kind = :commune"
                + " and u.validTo is null"
                + " and (u.searchName like :pattern or concat(u.searchName, ' ', p.searchName)"
                + " like :pattern)"
                + " order by u.name, p.name",
            OrgUnit.class)
        .setParameter("commune", UnitKind.COMMUNE)
        .setParameter("pattern", "%" + escapeLike(folded) + "%")
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UnitRow::of)
        .toList();
  }

  /** An open commune by id, for a choice made in {@link #openCommunes}. */
  public java.util.Optional<UnitRow> openCommune(long id) {
    var unit = entityManager.find(OrgUnit.class, id);
    return unit != null && unit.kind() == UnitKind.COMMUNE && unit.validTo().isEmpty()
        ? java.util.Optional.of(UnitRow.of(unit))
        : java.util.Optional.empty();
  }

  public long count(String typed, ManagedScope scope) {
    var folded = FoldedText.fold(typed);
    if (scope.isEmpty() || folded.isEmpty()) {
      return 0;
    }
    return entityManager
        .createQuery(
            "select count(u) from OrgUnit u"
                + WITHIN_SCOPE
                + " and u.validTo is null and u.searchName like :pattern",
            Long.class)
        .setParameter("roots", scope.rootUnitIds())
        .setParameter("pattern", "%" + escapeLike(folded) + "%")
        .getSingleResult();
  }

  /** The units at the top of the scope, for an officer's starting page. */
  public List<UnitRow> roots(ManagedScope scope) {
    if (scope.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery("select u from OrgUnit u where u.id in :roots order by u.name", OrgUnit.class)
        .setParameter("roots", scope.rootUnitIds())
        .getResultList()
        .stream()
        .map(UnitRow::of)
        .toList();
  }

  /** A unit's page; refused for a unit outside the scope. */
  public UnitDetails details(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    if (unit == null || !scope.covers(unit)) {
      // The same answer for "absent" and "not yours": existence outside the scope is not told.
      throw new AccessDeniedException("No unit " + unitId + " in this account's scope");
    }
    var ancestors = new ArrayList<UnitRow>();
    for (var up = unit.parent().orElse(null); up != null; up = up.parent().orElse(null)) {
      if (scope.covers(up)) {
        ancestors.add(UnitRow.of(up));
      }
    }
    Collections.reverse(ancestors);
    var subUnits =
        entityManager
            .createQuery(
                "select u from OrgUnit u where u.parent = :unit and u.validTo is null"
                    + " order by u.name",
                OrgUnit.class)
            .setParameter("unit", unit)
            .getResultList()
            .stream()
            .map(UnitRow::of)
            .toList();
    var events =
        entityManager
            .createQuery(
                "select e from UnitEvent e where e.unit = :unit order by e.effectiveOn, e.id",
                UnitEvent.class)
            .setParameter("unit", unit)
            .getResultList();
    var history =
        events.stream()
            .map(
                event ->
                    new UnitDetails.HistoryLine(
                        event.effectiveOn(),
                        event.kind().name(),
                        event.relatedUnit().map(OrgUnit::name).or(event::newValue).orElse(""),
                        event.relatedUnit().filter(scope::covers).map(OrgUnit::id).orElse(null)))
            .toList();
    return new UnitDetails(
        UnitRow.of(unit),
        ancestors,
        subUnits,
        new UnitHeadcount(entityManager).peopleWithin(unitId),
        history,
        unit.validTo().orElse(null),
        related(events, scope, UnitEventKind.ABSORBED, UnitEventKind.SPLIT_FROM),
        related(events, scope, UnitEventKind.MERGED_INTO, UnitEventKind.SPLIT_INTO));
  }

  /** The units the events of those kinds name; one outside the scope is named but not linked. */
  private static List<UnitRow> related(
      List<UnitEvent> events, ManagedScope scope, UnitEventKind... kinds) {
    var wanted = java.util.EnumSet.of(kinds[0], kinds);
    return events.stream()
        .filter(event -> wanted.contains(event.kind()))
        .flatMap(event -> event.relatedUnit().stream())
        .filter(scope::covers)
        .distinct()
        .map(UnitRow::of)
        .toList();
  }

  /**
   * Open units of the given kinds in the scope whose name contains the words typed, for pickers
   * (merge into, move under, grant a role over).
   */
  public List<UnitRow> searchOfKinds(
      String typed, java.util.Collection<UnitKind> kinds, ManagedScope scope, int max) {
    var folded = FoldedText.fold(typed == null ? "" : typed);
    if (scope.isEmpty() || kinds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select u from OrgUnit u"
                + WITHIN_SCOPE
                + " and u.validTo is null and u.kind in :kinds and u.searchName like :pattern"
                + " order by u.name",
            OrgUnit.class)
        .setParameter("roots", scope.rootUnitIds())
        .setParameter("kinds", kinds)
        .setParameter("pattern", "%" + escapeLike(folded) + "%")
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UnitRow::of)
        .toList();
  }

  /** A unit as a picker shows it, if the scope covers it. */
  public java.util.Optional<UnitRow> row(long unitId, ManagedScope scope) {
    var unit = entityManager.find(OrgUnit.class, unitId);
    return unit != null && scope.covers(unit)
        ? java.util.Optional.of(UnitRow.of(unit))
        : java.util.Optional.empty();
  }

  /**
   * Whether an official code is already taken (by an open or closed unit: codes are never reused).
   */
  public boolean codeInUse(String code) {
    return entityManager
            .createQuery("select count(u) from OrgUnit u where u.code = :code", Long.class)
            .setParameter("code", code)
            .getSingleResult()
        > 0;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
