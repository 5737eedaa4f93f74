package vn.hocso.lms.learning.domain;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.lms.demo.Curriculum;

/** The seeded VietQR course and fixed ids and times, for statement and progress tests. */
final class Sample {

  static final String ACCOUNT = "7c1f0a52-9d7e-4a55-8f0e-2b3c4d5e6f70";
  static final UUID REGISTRATION = UUID.fromString("0b9e3a1c-1111-4c2d-9e8f-000000000001");
  static final UUID SESSION = UUID.fromString("5e551011-2222-4c2d-9e8f-000000000002");
  static final Instant AT = Instant.parse("2026-11-28T03:04:05.678Z");

  private Sample() {}

  static CourseVersion vietQr() {
    Course course =
        Curriculum.courses().stream()
            .filter(c -> c.slug().equals("thanh-toan-bang-ma-vietqr"))
            .findFirst()
            .orElseThrow();
    course.publish();
    return course.version(1);
  }

  static LearningContext context(CourseVersion version) {
    return new LearningContext(
        ACCOUNT, REGISTRATION, version.course().activityIri(), version.number(), SESSION);
  }

  /** Ids 00000000-0000-4000-8000-000000000001, …2, … in order. */
  static Supplier<UUID> ids() {
    var next = new AtomicInteger();
    return () ->
        UUID.fromString(String.format("00000000-0000-4000-8000-%012d", next.incrementAndGet()));
  }

  static URI iri(String text) {
    return URI.create(text);
  }
}
