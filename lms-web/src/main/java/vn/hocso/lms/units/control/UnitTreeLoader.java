package vn.hocso.lms.units.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.logging.Logger;
import vn.hocso.lms.units.domain.FormerCommune;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/**
 * Loads the Union's territorial tree from the official lists: Central, the 34 provinces and the
 * 3,321 communes, effective from 1 July 2025, the two non-territorial organisations, plus the
 * old→new commune code mapping. Does nothing when the tree is already there, so it is safe at every
 * start.
 */
@ApplicationScoped
public class UnitTreeLoader {

  /** The day the two-level local government took effect (Resolution 202/2025/QH15). */
  public static final LocalDate REORGANISED_ON = LocalDate.of(2025, 7, 1);

  public static final String CENTRAL_NAME = "Trung ương Hội Liên hiệp Phụ nữ Việt Nam";

  /**
   * The non-territorial organisations directly under Central, each with its own grassroots Unions:
   * the Women's Union of the Ministry of Public Security and the Army women's committee. They have
   * no official code (Decision 19/2025 codes only provinces and communes).
   */
  public static final java.util.List<String> ORGANISATIONS =
      java.util.List.of("Hội Phụ nữ Bộ Công an", "Ban Phụ nữ Quân đội");

  private static final Logger LOG = Logger.getLogger(UnitTreeLoader.class.getName());

  @PersistenceContext private EntityManager entityManager;

  protected UnitTreeLoader() {
    // for CDI
  }

  public UnitTreeLoader(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Adds the non-territorial organisations under Central when they are missing (a tree loaded
   * before they were known lacks them); returns them by name. Call inside a transaction.
   */
  public java.util.Map<String, OrgUnit> addOrganisationsIfMissing() {
    entityManager.flush();
    var central =
        entityManager
            .createQuery("select u from OrgUnit u where u.kind = :kind", OrgUnit.class)
            .setParameter("kind", UnitKind.CENTRAL)
            .getSingleResult();
    var found = new java.util.LinkedHashMap<String, OrgUnit>();
    for (var name : ORGANISATIONS) {
      var unit =
          entityManager
              .createQuery(
                  "select u from OrgUnit u where u.kind = :kind and u.name = :name", OrgUnit.class)
              .setParameter("kind", UnitKind.ORGANISATION)
              .setParameter("name", name)
              .getResultStream()
              .findFirst()
              .orElseGet(
                  () -> {
                    var created =
                        central.addChild(null, name, UnitKind.ORGANISATION, REORGANISED_ON);
                    entityManager.persist(created);
                    return created;
                  });
      found.put(name, unit);
    }
    return found;
  }

  /** Loads the tree unless a Central unit exists; call inside a transaction. */
  public boolean loadIfEmpty() {
    var centrals =
        entityManager
            .createQuery("select count(u) from OrgUnit u where u.kind = :kind", Long.class)
            .setParameter("kind", UnitKind.CENTRAL)
            .getSingleResult();
    if (centrals > 0) {
      return false;
    }
    var central = OrgUnit.central(CENTRAL_NAME, REORGANISED_ON);
    entityManager.persist(central);
    var provinces = new HashMap<String, OrgUnit>();
    for (var province : OfficialUnits.provinces()) {
      var unit =
          central.addChild(province.code(), province.name(), UnitKind.PROVINCE, REORGANISED_ON);
      entityManager.persist(unit);
      provinces.put(province.code(), unit);
    }
    for (var commune : OfficialUnits.communes()) {
      var province = provinces.get(commune.provinceCode());
      if (province == null) {
        throw new IllegalStateException(
            "Commune " + commune.code() + " names an unknown province " + commune.provinceCode());
      }
      entityManager.persist(
          province.addChild(commune.code(), commune.name(), UnitKind.COMMUNE, REORGANISED_ON));
    }
    for (var change : OfficialUnits.communeCodeChanges()) {
      entityManager.persist(
          new FormerCommune(
              change.oldCode(),
              change.oldName(),
              change.oldDistrict(),
              change.oldProvince(),
              change.newCode()));
    }
    addOrganisationsIfMissing();
    LOG.info(
        () ->
            "Loaded the Union's tree: "
                + provinces.size()
                + " provinces, "
                + OfficialUnits.communes().size()
                + " communes");
    return true;
  }
}
