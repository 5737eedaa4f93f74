package vn.hocso.lms.units.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.demo.DemoDataSeeder;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** Searching the real tree of 3,321 communes, within an officer's scope (on MariaDB). */
class UnitDirectoryTest {

  static TestDatabases.TestDatabase database;
  static EntityManagerFactory factory;
  static EntityManager em;
  static UnitDirectory directory;
  static ManagedScope everything;
  static ManagedScope hanoiOnly;

  @BeforeAll
  static void seed() throws Exception {
    database = TestDatabases.MARIADB.create();
    LmsSchema.migrate(database.dataSource());
    factory = Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
    var seeding = factory.createEntityManager();
    seeding.getTransaction().begin();
    new DemoDataSeeder(seeding).seed();
    seeding.getTransaction().commit();
    seeding.close();
    em = factory.createEntityManager();
    directory = new UnitDirectory(em);
    everything = new ManagedScope(Set.of(idOf("select u from OrgUnit u where u.parent is null")));
    hanoiOnly = new ManagedScope(Set.of(idOf("select u from OrgUnit u where u.code = '01'")));
  }

  @AfterAll
  static void drop() throws Exception {
    em.close();
    factory.close();
    database.close();
  }

  @Test
  void findsUnitsTypedWithoutDiacritics() {
    assertThat(directory.search("ha noi", everything, 0, 10))
        .extracting(UnitRow::name)
        .contains("Thành phố Hà Nội");
    assertThat(directory.search("dak lak", everything, 0, 10))
        .extracting(UnitRow::name)
        .contains("Đắk Lắk");
    assertThat(directory.search("BA ĐÌNH", everything, 0, 10))
        .extracting(UnitRow::code)
        .contains("00004");
  }

  @Test
  void aProvinceOfficerFindsOnlyHerProvince() {
    assertThat(directory.search("ba dinh", hanoiOnly, 0, 10))
        .extracting(UnitRow::code)
        .containsExactly("00004");
    assertThat(directory.search("hue", hanoiOnly, 0, 50)).isEmpty();
    assertThat(directory.count("phuong", hanoiOnly))
        .isPositive()
        .isLessThan(directory.count("phuong", everything));
  }

  @Test
  void aProvinceOfficerCannotOpenAUnitOfAnotherProvince() {
    long hue = idOf("select u from OrgUnit u where u.code = '46'");

    assertThatThrownBy(() -> directory.details(hue, hanoiOnly))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(directory.details(hue, everything).unit().name()).isEqualTo("Thành phố Huế");
  }

  @Test
  void showsWhereAUnitSitsAndWhatIsBelowIt() {
    long badinh = idOf("select u from OrgUnit u where u.code = '00004'");

    var details = directory.details(badinh, hanoiOnly);

    assertThat(details.ancestors()).extracting(UnitRow::code).containsExactly("01");
    assertThat(details.subUnits()).extracting(UnitRow::name).contains("Chi hội Tổ dân phố 1");
  }

  @Test
  void theNonTerritorialOrganisationsSitUnderCentralApartFromTheProvinces() {
    long central = idOf("select u from OrgUnit u where u.parent is null");

    var subUnits = directory.details(central, everything).subUnits();
    assertThat(subUnits)
        .filteredOn(row -> row.kind() == UnitKind.ORGANISATION)
        .extracting(UnitRow::name)
        .containsExactlyInAnyOrder("Hội Phụ nữ Bộ Công an", "Ban Phụ nữ Quân đội");
    assertThat(subUnits).filteredOn(row -> row.kind() == UnitKind.PROVINCE).hasSize(34);
    assertThat(subUnits)
        .filteredOn(row -> row.kind() == UnitKind.ORGANISATION)
        .allMatch(row -> row.code().isEmpty());
    // The police women of Hà Nội belong to the police organisation, not to Hà Nội's Union.
    assertThat(directory.search("cong an thanh pho ha noi", everything, 0, 10))
        .extracting(UnitRow::kind)
        .containsExactly(UnitKind.ORGANISATION_BASE);
    assertThat(directory.search("cong an", hanoiOnly, 0, 10)).isEmpty();
  }

  @Test
  void anEmptyScopeSeesNothing() {
    var none = new ManagedScope(Set.of());

    assertThat(directory.search("ha noi", none, 0, 10)).isEmpty();
    assertThat(directory.roots(none)).isEmpty();
  }

  private static long idOf(String query) {
    return em.createQuery(query, OrgUnit.class).getSingleResult().id();
  }
}
