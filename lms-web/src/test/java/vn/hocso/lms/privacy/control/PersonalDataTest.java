package vn.hocso.lms.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.control.UnitHeadcount;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

/** Consent, export and erasure on the real schema, on H2 and MariaDB. */
class PersonalDataTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-08T02:00:00Z"), ZoneOffset.UTC);
  static final String NAME = "Hà Thị Riêng Tư";
  static final String PHONE = "0987654321";
  static final String USERNAME = "0987654321";

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void erasureLeavesNoPersonalDataButKeepsTheCounts(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        long[] ids = setUp(factory);
        long commune = ids[0], her = ids[1], otherProvince = ids[2];
        var herself = new Requester(USERNAME, her, new ManagedScope(Set.of()));
        var officer = new Requester("canbo.xa", null, new ManagedScope(Set.of(commune)));
        var admin = new Requester("quantri", null, new ManagedScope(Set.of(ids[3])));

        inTransaction(
            factory,
            em -> {
              var rights = new PersonalData(em, CLOCK);
              rights.recordConsent(her, ConsentPurpose.LEARNING_RECORDS, "2026-01", herself);
              rights.view(her, officer);
              return null;
            });
        var json =
            inTransaction(factory, em -> new PersonalData(em, CLOCK).exportJson(her, herself));
        assertThat(json)
            .contains(NAME)
            .contains(PHONE)
            .contains("LEARNING_RECORDS")
            .contains("2026-01");

        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em ->
                            new PersonalData(em, CLOCK)
                                .export(
                                    her,
                                    new Requester(
                                        "canbo.khac",
                                        null,
                                        new ManagedScope(Set.of(otherProvince))))))
            .isInstanceOf(AccessDeniedException.class);

        long before = count(factory, commune);
        inTransaction(
            factory,
            em -> {
              new PersonalData(em, CLOCK).erase(her, officer);
              return null;
            });

        assertThat(count(factory, commune)).isEqualTo(before);
        var scanned = new ArrayList<String>();
        assertThat(textsContaining(database.dataSource(), List.of(NAME, PHONE, "Kinh"), scanned))
            .as("personal data left in some table")
            .isEmpty();
        assertThat(scanned)
            .as("the scan reads the columns that held her data")
            .contains("person.full_name", "person.phone", "account.username", "audit_entry.actor");
        var log =
            inTransaction(
                factory,
                em ->
                    new PersonalData(em, CLOCK)
                        .auditLog(new AuditQuery(null, null, her, null, null), admin, 0, 20));
        assertThat(log)
            .extracting(entry -> entry.action())
            .contains(
                AuditAction.RECORDED_CONSENT,
                AuditAction.VIEWED_PERSON,
                AuditAction.EXPORTED_PERSON,
                AuditAction.ERASED_PERSON);
      } finally {
        factory.close();
      }
    }
  }

  private static long[] setUp(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương", START);
          var hanoi = central.addChild("01", "Hà Nội", UnitKind.PROVINCE, START);
          var commune = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
          var hue = central.addChild("46", "Huế", UnitKind.PROVINCE, START);
          var person = new Person(NAME, 1990, commune, START);
          person.setPhone(PHONE);
          person.setEthnicity("Kinh");
          person.markMember(true);
          for (Object entity : List.of(central, hanoi, commune, hue, person)) {
            em.persist(entity);
          }
          em.persist(new Person("Người khác", 1980, commune, START));
          var account = new Account(USERNAME, "mat-khau-dai".toCharArray(), NAME, commune);
          account.belongsTo(person);
          em.persist(account);
          em.flush();
          return new long[] {commune.id(), person.id(), hue.id(), central.id()};
        });
  }

  private static long count(EntityManagerFactory factory, long unit) {
    var em = factory.createEntityManager();
    try {
      return new UnitHeadcount(em).peopleWithin(unit);
    } finally {
      em.close();
    }
  }

  /** Every text column of every table, searched for the given values. */
  private static List<String> textsContaining(
      DataSource dataSource, List<String> values, List<String> scanned) throws SQLException {
    var found = new ArrayList<String>();
    try (var connection = dataSource.getConnection()) {
      var metadata = connection.getMetaData();
      try (var columns =
          metadata.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
        while (columns.next()) {
          var table = columns.getString("TABLE_NAME");
          var column = columns.getString("COLUMN_NAME");
          var type = columns.getString("TYPE_NAME").toLowerCase();
          if (!(type.contains("char") || type.contains("text") || type.contains("clob"))
              || table.toLowerCase().contains("schema_history")) {
            continue;
          }
          scanned.add((table + "." + column).toLowerCase());
          for (var value : values) {
            try (var query =
                connection.prepareStatement(
                    "select count(*) from " + table + " where " + column + " like ?")) {
              query.setString(1, "%" + value + "%");
              try (var rows = query.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                  found.add(table + "." + column + " contains " + value);
                }
              }
            }
          }
        }
      }
    }
    return found;
  }
}
