package vn.hocso.lms.certificates.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hocso.lms.platform.Transactions.inTransaction;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.certificates.domain.CertificateStatus;
import vn.hocso.lms.learning.domain.CourseCompleted;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.privacy.control.AuditQuery;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.ManagedScope;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.StatementRef;

/** Issue on completion, verification, revocation and erasure on the real schema, H2 and MariaDB. */
class CertificatesTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  // 17:30 UTC on 8 March 2026 is 00:30 on 9 March in Vietnam: the certificate says the 9th.
  static final Instant ISSUED = Instant.parse("2026-03-08T17:30:00Z");
  static final Clock CLOCK = Clock.fixed(ISSUED, ZoneOffset.UTC);
  static final String NAME = "Đặng Thị Xuân Hương";
  static final URI BASE = URI.create("https://hocso.example.vn/");

  record World(
      long commune,
      long person,
      URI course,
      String xapiAccount,
      Requester herself,
      Requester officer,
      Requester provinceOfficer,
      Requester otherProvince,
      Requester admin,
      Requester neighbour) {}

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void issuedOncePerEnrolmentVerifiedRevokedAndErased(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var world = setUp(factory);
        var outbox = new RecordingOutbox();
        var registration = UUID.randomUUID();
        var completed =
            new CourseCompleted(world.person(), world.course(), 1, registration, ISSUED);

        // Issued through the observer, as the learning service's event delivers it.
        inTransaction(
            factory,
            em -> {
              new Certificates(em, CLOCK, outbox).onCourseCompleted(completed);
              return null;
            });
        var mine =
            inTransaction(factory, em -> new Certificates(em, CLOCK, outbox).mine(world.herself()));
        assertThat(mine).hasSize(1);
        var certificate = mine.get(0);
        assertThat(certificate.holderName()).isEqualTo(NAME);
        assertThat(certificate.courseTitle()).isEqualTo("Mua bán trên mạng an toàn");
        assertThat(certificate.courseVersion()).isEqualTo(1);
        assertThat(certificate.unitName()).isEqualTo("Phường Ba Đình");
        assertThat(certificate.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(certificate.status()).isEqualTo(CertificateStatus.VALID);

        // The earned statement of docs/XAPI-PROFILE.md.
        assertThat(outbox.sent).hasSize(1);
        var earned = outbox.sent.get(0);
        assertThat(earned.id()).isNotNull();
        assertThat(earned.verb().id()).isEqualTo("http://id.tincanapi.com/verb/earned");
        assertThat(earned.actor())
            .isEqualTo(Agent.account("https://hocso.vn", world.xapiAccount()));
        var object = (Activity) earned.object();
        assertThat(object.id())
            .isEqualTo("https://hocso.vn/xapi/activities/certificate/" + certificate.code());
        assertThat(object.definition().type())
            .isEqualTo("https://hocso.vn/xapi/activity-types/certificate");
        assertThat(earned.context().registration()).isEqualTo(registration);
        assertThat(earned.context().contextActivities().grouping())
            .extracting(Activity::id)
            .containsExactly(world.course().toString());

        // The same enrolment completing again (a retried event) issues nothing new.
        var again =
            inTransaction(factory, em -> new Certificates(em, CLOCK, outbox).issue(completed));
        assertThat(again).isEqualTo(certificate.code());
        assertThat(outbox.sent).hasSize(1);
        // A new enrolment in the same course is a new certificate.
        inTransaction(
            factory,
            em ->
                new Certificates(em, CLOCK, outbox)
                    .issue(
                        new CourseCompleted(
                            world.person(), world.course(), 1, UUID.randomUUID(), ISSUED)));
        assertThat(outbox.sent).hasSize(2);
        assertThat(count(factory)).isEqualTo(2);

        // Anyone with the code may verify it; nothing else answers.
        var valid =
            inTransaction(
                factory, em -> new Certificates(em, CLOCK, outbox).verify(certificate.code()));
        assertThat(valid.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(valid.certificate().holderName()).isEqualTo(NAME);
        for (var unknown : List.of("0000000000000000000000zz", "' or '1'='1", "")) {
          assertThat(
                  inTransaction(factory, em -> new Certificates(em, CLOCK, outbox).verify(unknown))
                      .status())
              .isEqualTo(CertificateStatus.UNKNOWN);
        }

        // She downloads it; an officer outside her unit cannot.
        var pdf =
            inTransaction(
                factory,
                em ->
                    new Certificates(em, CLOCK, outbox)
                        .pdf(certificate.code(), world.herself(), BASE));
        assertThat(CertificatePdfTest.text(pdf)).contains(NAME);
        assertThat(CertificatePdfTest.decodeQr(pdf))
            .isEqualTo("https://hocso.example.vn/verify.xhtml?code=" + certificate.code());
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em ->
                            new Certificates(em, CLOCK, outbox)
                                .pdf(certificate.code(), world.otherProvince(), BASE)))
            .isInstanceOf(AccessDeniedException.class);

        // Revocation: not by her, not by another province, not without a reason.
        for (var refused : List.of(world.herself(), world.otherProvince(), world.neighbour())) {
          assertThatThrownBy(
                  () ->
                      inTransaction(
                          factory,
                          em -> {
                            new Certificates(em, CLOCK, outbox)
                                .revoke(certificate.code(), "Cấp nhầm", refused);
                            return null;
                          }))
              .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          new Certificates(em, CLOCK, outbox)
                              .revoke(certificate.code(), " ", world.officer());
                          return null;
                        }))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox.sent).hasSize(2);
        // 03:00 on 2 April in Hà Nội, still 1 April in UTC: the page must say 2 April.
        var revokedAt = Instant.parse("2026-04-01T20:00:00Z");
        inTransaction(
            factory,
            em -> {
              new Certificates(em, Clock.fixed(revokedAt, ZoneOffset.UTC), outbox)
                  .revoke(certificate.code(), "Học thay người khác", world.officer());
              return null;
            });
        var revoked =
            inTransaction(
                factory, em -> new Certificates(em, CLOCK, outbox).verify(certificate.code()));
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.certificate().revocationReason()).isEqualTo("Học thay người khác");
        assertThat(revoked.certificate().revokedOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(outbox.sent).hasSize(3);
        var voiding = outbox.sent.get(2);
        assertThat(voiding.verb().id()).isEqualTo("http://adlnet.gov/expapi/verbs/voided");
        assertThat(voiding.object()).isEqualTo(StatementRef.to(earned.id()));
        assertThat(voiding.actor()).isEqualTo(earned.actor());
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> {
                          new Certificates(em, CLOCK, outbox)
                              .revoke(certificate.code(), "Lần nữa", world.admin());
                          return null;
                        }))
            .isInstanceOf(IllegalStateException.class);
        assertThat(outbox.sent).hasSize(3);

        // The officer's list covers her unit; another province's does not see it.
        var listed =
            inTransaction(
                factory, em -> new Certificates(em, CLOCK, outbox).list(world.officer(), 0, 50));
        assertThat(listed).extracting(CertificateRow::code).contains(certificate.code());
        var elsewhere =
            inTransaction(
                factory,
                em -> new Certificates(em, CLOCK, outbox).list(world.otherProvince(), 0, 50));
        assertThat(elsewhere).isEmpty();
        assertThatThrownBy(
                () ->
                    inTransaction(
                        factory,
                        em -> new Certificates(em, CLOCK, outbox).list(world.herself(), 0, 50)))
            .isInstanceOf(AccessDeniedException.class);

        // Audited: the list and the revocation.
        var log =
            inTransaction(
                factory,
                em ->
                    new PersonalData(em, CLOCK)
                        .auditLog(AuditQuery.everything(), world.admin(), 0, 50));
        assertThat(log)
            .extracting(entry -> entry.action())
            .contains(AuditAction.REVOKED_CERTIFICATE, AuditAction.LISTED_CERTIFICATES);

        // After erasure the certificate stays (still revoked here) but names nobody, anywhere.
        inTransaction(
            factory,
            em -> {
              new PersonalData(em, CLOCK).erase(world.person(), world.herself());
              return null;
            });
        var afterErasure =
            inTransaction(
                factory, em -> new Certificates(em, CLOCK, outbox).verify(certificate.code()));
        assertThat(afterErasure.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(afterErasure.certificate().holderName()).isNull();
        assertThat(afterErasure.certificate().courseTitle()).isEqualTo("Mua bán trên mạng an toàn");
        try (var connection = database.dataSource().getConnection();
            var query =
                connection.prepareStatement(
                    "select count(*) from certificate where holder_name is not null")) {
          try (var rows = query.executeQuery()) {
            rows.next();
            assertThat(rows.getLong(1)).as("names left on certificates").isZero();
          }
        }
      } finally {
        factory.close();
      }
    }
  }

  private static long count(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> em.createQuery("select count(c) from Certificate c", Long.class).getSingleResult());
  }

  private static World setUp(EntityManagerFactory factory) {
    return inTransaction(
        factory,
        em -> {
          var central = OrgUnit.central("Trung ương Hội", START);
          var hanoi = central.addChild("01", "Thành phố Hà Nội", UnitKind.PROVINCE, START);
          var badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
          var hue = central.addChild("46", "Thành phố Huế", UnitKind.PROVINCE, START);
          var her = new Person(NAME, 1988, badinh, START);
          var neighbour = new Person("Vũ Thị Lan", 1979, badinh, START);
          var course =
              new Course(
                  "mua-ban-tren-mang",
                  "Mua bán trên mạng an toàn",
                  "Selling online safely",
                  "Tóm tắt",
                  Track.E_COMMERCE,
                  30);
          for (Object entity : List.of(central, hanoi, badinh, hue, her, neighbour, course)) {
            em.persist(entity);
          }
          em.flush();
          return new World(
              badinh.id(),
              her.id(),
              course.activityIri(),
              her.xapiAccount(),
              new Requester("0912000111", her.id(), new ManagedScope(Set.of())),
              new Requester("canbo.xa", null, new ManagedScope(Set.of(badinh.id()))),
              new Requester("canbo.tinh", null, new ManagedScope(Set.of(hanoi.id()))),
              new Requester("canbo.hue", null, new ManagedScope(Set.of(hue.id()))),
              new Requester("quantri", null, new ManagedScope(Set.of(central.id()))),
              new Requester("0912000222", neighbour.id(), new ManagedScope(Set.of())));
        });
  }
}
