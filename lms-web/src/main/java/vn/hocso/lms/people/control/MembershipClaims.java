package vn.hocso.lms.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.Subtree;

/**
 * The membership claims of self-registered women, answered by an officer whose scope covers the
 * woman's home unit. Listing shows personal data, so it is audited; so is every answer.
 */
@ApplicationScoped
@Transactional
public class MembershipClaims {

  private static final String PENDING_WITHIN_SCOPE =
      " from Person p join p.homeUnit u"
          + Subtree.ANCESTOR_JOINS
          + " where "
          + Subtree.within("roots")
          + " and p.memberClaimedOn is not null and p.erasedOn is null";

  @PersistenceContext private EntityManager entityManager;

  private Clock clock = Clock.systemUTC();

  protected MembershipClaims() {
    // for CDI
  }

  public MembershipClaims(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /** The claims waiting in the officer's subtrees, oldest first. */
  public List<MembershipClaim> pending(Requester officer, int first, int max) {
    if (officer.scope().isEmpty()) {
      return List.of();
    }
    var claims =
        entityManager
            .createQuery(
                "select p" + PENDING_WITHIN_SCOPE + " order by p.memberClaimedOn, p.fullName, p.id",
                Person.class)
            .setParameter("roots", officer.scope().rootUnitIds())
            .setFirstResult(first)
            .setMaxResults(max)
            .getResultList()
            .stream()
            .map(
                p ->
                    new MembershipClaim(
                        p.id(),
                        p.fullName(),
                        p.birthYear().orElse(null),
                        p.homeUnit().name(),
                        p.memberClaimedOn().orElseThrow()))
            .toList();
    if (!claims.isEmpty()) {
      audit(officer, AuditAction.VIEWED_PERSON, null, "membership claims: " + ids(claims));
    }
    return claims;
  }

  public long countPending(Requester officer) {
    if (officer.scope().isEmpty()) {
      return 0;
    }
    return entityManager
        .createQuery("select count(p)" + PENDING_WITHIN_SCOPE, Long.class)
        .setParameter("roots", officer.scope().rootUnitIds())
        .getSingleResult();
  }

  public void confirm(long personId, Requester officer) {
    var claimant = claimant(personId, officer);
    try {
      // The people counters' lock before any write (storage.CountedTree: every people writer
      // takes it first, or two of them deadlock).
      vn.hocso.lms.coverage.storage.CountedTree.lockPeopleCounters(entityManager);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("People counters not locked", e);
    }
    claimant.confirmMembershipClaim();
    try {
      // She now counts among the members of her unit's headcount.
      vn.hocso.lms.coverage.storage.Headcounts.of(entityManager).settle(personId);
    } catch (java.sql.SQLException e) {
      throw new jakarta.persistence.PersistenceException("Headcount not kept", e);
    }
    audit(officer, AuditAction.CONFIRMED_MEMBERSHIP, personId, null);
  }

  public void decline(long personId, Requester officer) {
    claimant(personId, officer).declineMembershipClaim();
    audit(officer, AuditAction.DECLINED_MEMBERSHIP, personId, null);
  }

  private Person claimant(long personId, Requester officer) {
    var person = entityManager.find(Person.class, personId);
    if (person == null || !officer.scope().covers(person.homeUnit())) {
      // The same answer for "no such person" and "not yours": ids outside her scope reveal nothing.
      throw new AccessDeniedException("Person " + personId + " is outside the officer's scope");
    }
    return person;
  }

  private void audit(Requester officer, AuditAction action, Long personId, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), officer.username(), action, personId, detail));
  }

  private static String ids(List<MembershipClaim> claims) {
    var text = new StringBuilder();
    for (var claim : claims) {
      if (text.length() > 400) {
        return text.append("…").toString();
      }
      text.append(text.isEmpty() ? "" : ",").append(claim.personId());
    }
    return text.toString();
  }
}
