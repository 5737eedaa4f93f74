package vn.hocso.lms.learning.domain;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is learning what, as every statement of one sitting says it (docs/XAPI-PROFILE.md "Who, and
 * which enrolment").
 *
 * @param xapiAccount the person's opaque account name (never her name, phone or e-mail)
 * @param registration her enrolment's registration
 * @param courseIri the course's stable activity id
 * @param courseVersion the version number she is on
 * @param sessionId the sitting (cmi5 §9.6.3.1 session id)
 */
public record LearningContext(
    String xapiAccount, UUID registration, URI courseIri, int courseVersion, UUID sessionId) {

  public LearningContext {
    Objects.requireNonNull(xapiAccount, "xapiAccount");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(courseIri, "courseIri");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
