package vn.hocso.lms.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.xapi.stream.StreamedStatement;

/** Statements of the shape docs/XAPI-PROFILE.md gives, as the learner pages will write them. */
public final class TestStatements {

  public static final String COURSE = "https://hocso.vn/xapi/activities/course/";
  public static final String VERBS = "http://adlnet.gov/expapi/verbs/";

  private TestStatements() {}

  /** The kinds of statement the profile has, and one it does not. */
  public enum Kind {
    REGISTERED,
    LAUNCHED,
    EXPERIENCED,
    ANSWERED,
    QUIZ_PASSED,
    QUIZ_FAILED,
    COURSE_PASSED,
    COMPLETED,
    SATISFIED,
    TERMINATED,
    EARNED
  }

  /**
   * A statement of that kind by the account in the course (slug), at noon Vietnam time that day.
   */
  public static String json(UUID id, Kind kind, String account, String slug, LocalDate day) {
    var course = COURSE + slug;
    var lesson = course + "/lesson/bai-1";
    var quiz = course + "/quiz/kiem-tra";
    String verb;
    String object;
    String grouping = null;
    String parent = null;
    switch (kind) {
      case REGISTERED -> {
        verb = VERBS + "registered";
        object = course;
      }
      case LAUNCHED -> {
        verb = VERBS + "launched";
        object = course;
      }
      case EXPERIENCED -> {
        verb = VERBS + "experienced";
        object = lesson;
        grouping = course;
        parent = course + "/module/m1";
      }
      case ANSWERED -> {
        verb = VERBS + "answered";
        object = quiz + "/question/q1";
        grouping = course;
        parent = quiz;
      }
      case QUIZ_PASSED -> {
        verb = VERBS + "passed";
        object = quiz;
        grouping = course;
      }
      case QUIZ_FAILED -> {
        verb = VERBS + "failed";
        object = quiz;
        grouping = course;
      }
      case COURSE_PASSED -> {
        verb = VERBS + "passed";
        object = course;
      }
      case COMPLETED -> {
        verb = VERBS + "completed";
        object = course;
      }
      case SATISFIED -> {
        verb = "https://w3id.org/xapi/adl/verbs/satisfied";
        object = course;
      }
      case TERMINATED -> {
        verb = VERBS + "terminated";
        object = course;
      }
      case EARNED -> {
        verb = "http://id.tincanapi.com/verb/earned";
        object = "https://hocso.vn/xapi/activities/certificate/" + id.toString().substring(0, 8);
        grouping = course;
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    var context = new StringBuilder("{\"registration\":\"" + UUID.randomUUID() + "\"");
    if (grouping != null) {
      context.append(",\"contextActivities\":{\"grouping\":[{\"id\":\"").append(grouping);
      context.append("\"}]");
      if (parent != null) {
        context.append(",\"parent\":[{\"id\":\"").append(parent).append("\"}]");
      }
      context.append('}');
    }
    context.append('}');
    return "{\"id\":\""
        + id
        + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\","
        + "\"name\":\""
        + account
        + "\"}},\"verb\":{\"id\":\""
        + verb
        + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
        + object
        + "\"},\"context\":"
        + context
        + ",\"timestamp\":\""
        + day.atTime(LocalTime.NOON).atZone(StatementReading.VIETNAM).toOffsetDateTime()
        + "\"}";
  }

  /** A statement voiding another (xAPI 2.0 Part 2 §2.3.2). */
  public static String voiding(UUID id, UUID target, String account) {
    return "{\"id\":\""
        + id
        + "\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\","
        + "\"name\":\""
        + account
        + "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
        + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
        + target
        + "\"}}";
  }

  public static StreamedStatement streamed(UUID id, String json) {
    return new StreamedStatement(id, "test", Instant.parse("2026-01-01T00:00:00Z"), json);
  }
}
