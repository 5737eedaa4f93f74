package vn.hocso.lms.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.privacy.domain.Consent;
import vn.hocso.lms.privacy.domain.ConsentPurpose;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * A person's rights over her data: consent, export, erasure; every access is written to the audit
 * log. Only she or an officer whose scope covers her home unit may act.
 */
@ApplicationScoped
@Transactional
public class PersonalData {

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected PersonalData() {
    // for CDI
  }

  public PersonalData(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  public void recordConsent(
      long personId, ConsentPurpose purpose, String textVersion, Requester requester) {
    var person = personFor(personId, requester);
    entityManager.persist(new Consent(person, purpose, textVersion, clock.instant()));
    audit(requester, AuditAction.RECORDED_CONSENT, personId, purpose + " " + textVersion);
  }

  public void withdrawConsent(long personId, ConsentPurpose purpose, Requester requester) {
    var person = personFor(personId, requester);
    consentsOf(person).stream()
        .filter(consent -> consent.purpose() == purpose && consent.isInForce())
        .forEach(consent -> consent.withdraw(clock.instant()));
    audit(requester, AuditAction.WITHDREW_CONSENT, personId, purpose.name());
  }

  /** Her consents in force, by purpose. */
  public Map<ConsentPurpose, String> consentsInForce(long personId, Requester requester) {
    var person = personFor(personId, requester);
    var inForce = new java.util.EnumMap<ConsentPurpose, String>(ConsentPurpose.class);
    consentsOf(person).stream()
        .filter(Consent::isInForce)
        .forEach(consent -> inForce.put(consent.purpose(), consent.textVersion()));
    return inForce;
  }

  public PersonalDataExport export(long personId, Requester requester) {
    var person = personFor(personId, requester);
    audit(requester, AuditAction.EXPORTED_PERSON, personId, null);
    return new PersonalDataExport(
        personId,
        person.fullName(),
        person.birthYear().orElse(null),
        person.phone().orElse(null),
        person.ethnicity().orElse(null),
        person.isMember(),
        person.isTrainer(),
        person.staffEmployment().map(Enum::name).orElse(null),
        person.staffPosition().orElse(null),
        person.xapiAccount(),
        person.memberships().stream()
            .map(
                m ->
                    new PersonalDataExport.MembershipLine(
                        m.unit().name(),
                        m.unit().code().orElse(null),
                        m.validFrom(),
                        m.validTo().orElse(null)))
            .toList(),
        consentsOf(person).stream()
            .map(
                c ->
                    new PersonalDataExport.ConsentLine(
                        c.purpose().name(),
                        c.textVersion(),
                        c.givenAt(),
                        c.withdrawnAt().orElse(null)))
            .toList(),
        accountsOf(person).stream().map(Account::username).toList(),
        clock.instant());
  }

  /** The export as JSON, the machine-readable copy she may take elsewhere. */
  public String exportJson(long personId, Requester requester) {
    var export = export(personId, requester);
    var json =
        Json.createObjectBuilder()
            .add("personId", export.personId())
            .add("exportedAt", export.exportedAt().toString());
    addNullable(json, "fullName", export.fullName());
    if (export.birthYear() != null) {
      json.add("birthYear", export.birthYear());
    }
    addNullable(json, "phone", export.phone());
    addNullable(json, "ethnicity", export.ethnicity());
    json.add("member", export.member()).add("trainer", export.trainer());
    addNullable(json, "staffEmployment", export.staffEmployment());
    addNullable(json, "staffPosition", export.staffPosition());
    json.add("xapiAccount", export.xapiAccount());
    var memberships = Json.createArrayBuilder();
    for (var line : export.memberships()) {
      var item =
          Json.createObjectBuilder().add("unit", line.unit()).add("from", line.from().toString());
      addNullable(item, "unitCode", line.unitCode());
      addNullable(item, "to", line.to() == null ? null : line.to().toString());
      memberships.add(item);
    }
    var consents = Json.createArrayBuilder();
    for (var line : export.consents()) {
      var item =
          Json.createObjectBuilder()
              .add("purpose", line.purpose())
              .add("textVersion", line.textVersion())
              .add("givenAt", line.givenAt().toString());
      addNullable(
          item, "withdrawnAt", line.withdrawnAt() == null ? null : line.withdrawnAt().toString());
      consents.add(item);
    }
    var usernames = Json.createArrayBuilder();
    export.usernames().forEach(usernames::add);
    json.add("memberships", memberships).add("consents", consents).add("usernames", usernames);
    var out = new StringWriter();
    try (var writer = Json.createWriter(out)) {
      writer.writeObject(json.build());
    }
    return out.toString();
  }

  /** The export as a readable PDF in Vietnamese. */
  public byte[] exportPdf(long personId, Requester requester) {
    return PersonalDataPdf.render(export(personId, requester));
  }

  /**
   * Erases her personal data (Law 91/2025 Art. 16) and her logins' usernames, also where they stand
   * in the audit log; her learning records stay under her opaque account.
   */
  public void erase(long personId, Requester requester) {
    var person = personFor(personId, requester);
    try {
      // The people counters' lock before any write (storage.CountedTree: every people writer
      // takes it first, or two of them deadlock).
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(entityManager);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("People counters not locked", e);
    }
    person.erase(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
    // The coverage counters of members and staff count her apart once erased.
    try {
      vn.hocso.lms.coverage.storage.PeopleCounts.of(entityManager).settle(personId);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Coverage counts not kept", e);
    }
    // Her certificates stay valid but no longer name her (by entity name: privacy does not import
    // the certificates feature, which depends on it).
    entityManager
        .createQuery("update Certificate c set c.holderName = null where c.holder = :p")
        .setParameter("p", person)
        .executeUpdate();
    for (var account : accountsOf(person)) {
      var oldUsername = account.username();
      account.erase();
      entityManager
          .createQuery("update AuditEntry e set e.actor = :pseudonym where e.actor = :username")
          .setParameter("pseudonym", account.username())
          .setParameter("username", oldUsername)
          .executeUpdate();
    }
    audit(requester, AuditAction.ERASED_PERSON, personId, null);
  }

  /**
   * The audit log, newest first: the central admin's search (Law 91/2025 asks who saw or changed
   * personal data to be traceable). Nobody else may read it, not even a province officer.
   */
  public List<AuditEntry> auditLog(AuditQuery query, Requester requester, int first, int max) {
    requireCentralAdmin(requester);
    return auditQuery("select e", query, AuditEntry.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countAuditLog(AuditQuery query, Requester requester) {
    requireCentralAdmin(requester);
    return auditQuery("select count(e)", query, Long.class).getSingleResult();
  }

  private <T> jakarta.persistence.TypedQuery<T> auditQuery(
      String select, AuditQuery query, Class<T> type) {
    var where = new StringBuilder(" from AuditEntry e where 1 = 1");
    var parameters = new java.util.LinkedHashMap<String, Object>();
    if (query.actor() != null && !query.actor().isBlank()) {
      where.append(" and e.actor = :actor");
      parameters.put("actor", query.actor().strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (query.action() != null) {
      where.append(" and e.action = :action");
      parameters.put("action", query.action());
    }
    if (query.personId() != null) {
      where.append(" and e.subjectPersonId = :person");
      parameters.put("person", query.personId());
    }
    if (query.from() != null) {
      where.append(" and e.happenedAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.until() != null) {
      where.append(" and e.happenedAt < :until");
      parameters.put("until", query.until());
    }
    var order = type == Long.class ? "" : " order by e.happenedAt desc, e.id desc";
    var typed = entityManager.createQuery(select + where + order, type);
    parameters.forEach(typed::setParameter);
    return typed;
  }

  private void requireCentralAdmin(Requester requester) {
    var central =
        entityManager
            .createQuery(
                "select u from OrgUnit u where u.kind = vn.hocso.lms.units.domain.UnitKind.CENTRAL",
                vn.hocso.lms.units.domain.OrgUnit.class)
            .getResultStream()
            .findFirst();
    if (central.isEmpty() || !requester.scope().covers(central.get())) {
      throw new AccessDeniedException("Only the central admin reads the audit log");
    }
  }

  /** Records that a requester looked at someone's personal data. */
  public Person view(long personId, Requester requester) {
    var person = personFor(personId, requester);
    audit(requester, AuditAction.VIEWED_PERSON, personId, null);
    return person;
  }

  private Person personFor(long personId, Requester requester) {
    var person = entityManager.find(Person.class, personId);
    boolean herself = requester.ownPersonId() != null && requester.ownPersonId() == personId;
    if (person == null || !(herself || requester.scope().covers(person.homeUnit()))) {
      throw new AccessDeniedException("No person " + personId + " within the requester's reach");
    }
    return person;
  }

  private List<Consent> consentsOf(Person person) {
    return entityManager
        .createQuery(
            "select c from Consent c where c.person = :p order by c.givenAt", Consent.class)
        .setParameter("p", person)
        .getResultList();
  }

  private List<Account> accountsOf(Person person) {
    return entityManager
        .createQuery("select a from Account a where a.person = :p", Account.class)
        .setParameter("p", person)
        .getResultList();
  }

  private void audit(Requester requester, AuditAction action, Long personId, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), requester.username(), action, personId, detail));
  }

  private static void addNullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
