package vn.hocso.lms.certificates.control;

import jakarta.json.Json;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import vn.hocso.lms.certificates.domain.Certificate;
import vn.hocso.lms.learning.domain.LearningStatements;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.ActivityDefinition;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Context;
import vn.hocso.xapi.client.model.ContextActivities;
import vn.hocso.xapi.client.model.Extensions;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.StatementRef;
import vn.hocso.xapi.client.model.Verb;
import vn.hocso.xapi.client.model.Verbs;

/**
 * The two statements of a certificate's life, as docs/XAPI-PROFILE.md defines them: {@code earned}
 * with the certificate activity (grouping: the course) when it is issued, and a voiding statement
 * of that one when it is revoked (xAPI 2.0 Part 2 §2.3.2). The actor is always her opaque account,
 * never the officer who revoked: the stream is keyed by actor, so both statements of one
 * certificate stay in order for a reader.
 */
public final class CertificateStatements {

  public static final Verb EARNED =
      Verb.of("http://id.tincanapi.com/verb/earned", "en-US", "earned");
  public static final String CERTIFICATE_PREFIX = "https://hocso.vn/xapi/activities/certificate/";
  public static final String CERTIFICATE_TYPE = "https://hocso.vn/xapi/activity-types/certificate";

  private CertificateStatements() {}

  public static URI activityOf(String code) {
    return URI.create(CERTIFICATE_PREFIX + code);
  }

  /** "She earned the certificate", with the id already kept on the certificate. */
  public static Statement earned(Certificate certificate) {
    return Statement.builder()
        .id(certificate.earnedStatementId())
        .actor(actorOf(certificate))
        .verb(EARNED)
        .object(
            Activity.of(
                activityOf(certificate.code()).toString(),
                ActivityDefinition.builder()
                    .type(CERTIFICATE_TYPE)
                    .name("vi", "Chứng nhận: " + certificate.courseTitle())
                    .build()))
        .context(contextOf(certificate))
        .timestamp(certificate.issuedAt())
        .build();
  }

  /** Voids the {@code earned} statement of a revoked certificate. */
  public static Statement voiding(Certificate certificate) {
    UUID id =
        certificate
            .voidingStatementId()
            .orElseThrow(() -> new IllegalStateException("The certificate is not revoked"));
    return Statement.builder()
        .id(id)
        .actor(actorOf(certificate))
        .verb(Verbs.VOIDED)
        .object(StatementRef.to(certificate.earnedStatementId()))
        .context(contextOf(certificate))
        .timestamp(certificate.revokedAt().orElseThrow())
        .build();
  }

  private static Agent actorOf(Certificate certificate) {
    return LearningStatements.actor(certificate.holder().xapiAccount());
  }

  private static Context contextOf(Certificate certificate) {
    return Context.builder()
        .registration(certificate.registration())
        .contextActivities(
            ContextActivities.of(
                List.of(), List.of(Activity.of(certificate.courseIri().toString())), List.of()))
        .extensions(
            Extensions.of(
                LearningStatements.COURSE_VERSION, Json.createValue(certificate.courseVersion())))
        .build();
  }
}
