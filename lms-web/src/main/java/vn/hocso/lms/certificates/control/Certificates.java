package vn.hocso.lms.certificates.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.hocso.content.course.domain.Course;
import vn.hocso.lms.certificates.domain.Certificate;
import vn.hocso.lms.certificates.domain.CertificateCode;
import vn.hocso.lms.certificates.domain.CertificateStatus;
import vn.hocso.lms.learning.control.StatementOutbox;
import vn.hocso.lms.learning.domain.CourseCompleted;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.Subtree;

/**
 * Certificates: issued when a learner completes a course (the {@link CourseCompleted} event, in the
 * learning service's transaction), downloaded by her, checked by anyone holding the code, revoked
 * by an officer whose scope covers her home unit or by the central admin. Every statement goes out
 * through the {@link StatementOutbox}; every officer's look and every revocation is audited.
 */
@ApplicationScoped
@Transactional
public class Certificates {

  @PersistenceContext private EntityManager entityManager;

  /** The learning feature's durable queue: statements go out in this transaction's order. */
  @Inject private StatementOutbox outbox;

  private Clock clock = Clock.systemUTC();

  protected Certificates() {
    // for CDI
  }

  /** Outside a container. */
  public Certificates(EntityManager entityManager, Clock clock, StatementOutbox outbox) {
    this.entityManager = entityManager;
    this.clock = clock;
    this.outbox = outbox;
  }

  /** Issues her certificate when she meets the course's completion rule. */
  void onCourseCompleted(@Observes CourseCompleted completed) {
    issue(completed);
  }

  /**
   * Issues the certificate of this completion, once per person and registration: a second event of
   * the same enrolment returns the certificate already issued and sends nothing.
   *
   * @return the certificate's code
   */
  public String issue(CourseCompleted completed) {
    var existing =
        entityManager
            .createQuery(
                "select c from Certificate c where c.holder.id = :person"
                    + " and c.registration = :registration",
                Certificate.class)
            .setParameter("person", completed.personId())
            .setParameter("registration", completed.registration().toString())
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get().code();
    }
    var person = entityManager.find(Person.class, completed.personId());
    if (person == null) {
      throw new IllegalArgumentException("No person " + completed.personId());
    }
    var course = courseOf(completed.courseIri());
    var version = course.version(completed.courseVersion());
    var now = clock.instant();
    var day = now.atZone(Certificate.VIETNAM).toLocalDate();
    var certificate =
        new Certificate(
            CertificateCode.random(),
            person,
            completed.registration(),
            completed.courseIri(),
            version.number(),
            version.title(),
            person.unitOn(day).orElse(person.homeUnit()),
            now,
            UUID.randomUUID());
    entityManager.persist(certificate);
    outbox.send(CertificateStatements.earned(certificate));
    return certificate.code();
  }

  /** Her own certificates, newest first. */
  public List<CertificateView> mine(Requester requester) {
    if (requester.ownPersonId() == null) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select c from Certificate c where c.holder.id = :person"
                + " order by c.issuedAt desc, c.id desc",
            Certificate.class)
        .setParameter("person", requester.ownPersonId())
        .getResultStream()
        .map(CertificateView::of)
        .toList();
  }

  /**
   * The certificate as a PDF, for her or for an officer over her home unit (audited as a look at
   * her data). A code outside the requester's reach is refused as if it did not exist.
   */
  public byte[] pdf(String code, Requester requester, URI verificationBase) {
    var certificate = reachable(code, requester);
    if (!isHers(certificate, requester)) {
      audit(
          requester,
          AuditAction.VIEWED_PERSON,
          certificate.holder().id(),
          "certificate " + certificate.id());
    }
    return CertificatePdf.render(
        CertificateView.of(certificate), verificationUrl(verificationBase, certificate.code()));
  }

  /** The public answer for a code: valid, revoked, or unknown (the same for malformed input). */
  public Verification verify(String code) {
    var certificate =
        CertificateCode.isWellFormed(code) ? byCode(code) : Optional.<Certificate>empty();
    return certificate
        .map(c -> new Verification(c.status(), CertificateView.of(c)))
        .orElse(new Verification(CertificateStatus.UNKNOWN, null));
  }

  /** The verification page of a code under the platform's public address. */
  public static URI verificationUrl(URI base, String code) {
    var text = base.toString();
    return URI.create((text.endsWith("/") ? text : text + "/") + "verify.xhtml?code=" + code);
  }

  /**
   * Certificates whose holders live in the officer's scope, newest first; each page shown is
   * audited. An account without a scope lists nothing.
   */
  public List<CertificateRow> list(Requester requester, int first, int max) {
    requireScope(requester);
    var rows =
        entityManager
            .createQuery(
                "select c from Certificate c join c.holder h join h.homeUnit u"
                    + Subtree.ANCESTOR_JOINS
                    + " where "
                    + Subtree.within("roots")
                    + " order by c.issuedAt desc, c.id desc",
                Certificate.class)
            .setParameter("roots", requester.scope().rootUnitIds())
            .setFirstResult(first)
            .setMaxResults(max)
            .getResultStream()
            .map(CertificateRow::of)
            .toList();
    audit(
        requester,
        AuditAction.LISTED_CERTIFICATES,
        null,
        "from " + first + ", " + rows.size() + " shown");
    return rows;
  }

  public long count(Requester requester) {
    requireScope(requester);
    return entityManager
        .createQuery(
            "select count(c) from Certificate c join c.holder h join h.homeUnit u"
                + Subtree.ANCESTOR_JOINS
                + " where "
                + Subtree.within("roots"),
            Long.class)
        .setParameter("roots", requester.scope().rootUnitIds())
        .getSingleResult();
  }

  /**
   * Revokes a certificate, with a reason; only an officer whose scope covers the holder's home unit
   * (or the central admin). Sends the statement that voids its {@code earned} statement.
   */
  public void revoke(String code, String reason, Requester requester) {
    var certificate = reachable(code, requester);
    if (!requester.scope().covers(certificate.holder().homeUnit())) {
      // Her own certificate included: nobody revokes her own.
      throw new AccessDeniedException("Only an officer over her unit revokes a certificate");
    }
    certificate.revoke(reason, requester.username(), clock.instant(), UUID.randomUUID());
    audit(
        requester,
        AuditAction.REVOKED_CERTIFICATE,
        certificate.holder().id(),
        "certificate " + certificate.id());
    outbox.send(CertificateStatements.voiding(certificate));
  }

  private Certificate reachable(String code, Requester requester) {
    var certificate =
        (CertificateCode.isWellFormed(code) ? byCode(code) : Optional.<Certificate>empty())
            .filter(c -> isHers(c, requester) || requester.scope().covers(c.holder().homeUnit()));
    return certificate.orElseThrow(
        () ->
            new AccessDeniedException("No certificate " + code + " within the requester's reach"));
  }

  private static boolean isHers(Certificate certificate, Requester requester) {
    return requester.ownPersonId() != null
        && requester.ownPersonId().equals(certificate.holder().id());
  }

  private Optional<Certificate> byCode(String code) {
    return entityManager
        .createQuery("select c from Certificate c where c.code = :code", Certificate.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  private Course courseOf(URI iri) {
    return entityManager
        .createQuery("select c from Course c where c.activityIri = :iri", Course.class)
        .setParameter("iri", iri.toString())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No course " + iri));
  }

  private static void requireScope(Requester requester) {
    if (requester.scope().isEmpty()) {
      throw new AccessDeniedException("An account without a scope lists no certificates");
    }
  }

  private void audit(Requester requester, AuditAction action, Long personId, String detail) {
    entityManager.persist(
        new AuditEntry(clock.instant(), requester.username(), action, personId, detail));
  }

  /** The answer of the verification page. */
  public record Verification(CertificateStatus status, CertificateView certificate) {}
}
