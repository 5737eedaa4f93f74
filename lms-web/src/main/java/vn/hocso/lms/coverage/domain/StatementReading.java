package vn.hocso.lms.coverage.domain;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * What one statement means for coverage, read as docs/XAPI-PROFILE.md says: a milestone of an actor
 * in a course, the voiding of another statement, or nothing.
 */
public sealed interface StatementReading {

  /** Days and months are Vietnam's: a statement at 23:30 UTC on 31 May counts in June. */
  ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  String HOME_PAGE = vn.hocso.lms.learning.domain.LearningStatements.HOME_PAGE;
  String COURSE_PREFIX = vn.hocso.content.course.domain.ActivityIri.COURSE_PREFIX;
  String VERBS = "http://adlnet.gov/expapi/verbs/";

  UUID id();

  /**
   * The actor (by account name, null when she has no account of ours) reached a milestone in the
   * course on that day.
   */
  record Counts(UUID id, String account, String courseIri, Milestone milestone, LocalDate on)
      implements StatementReading {}

  /** Voids another statement (xAPI 2.0 Part 2 §2.3.2). */
  record Voids(UUID id, UUID target) implements StatementReading {}

  /** Counts nothing: an unknown verb, or a known verb on something that is not counted. */
  record CountsNothing(UUID id, String why) implements StatementReading {}

  /**
   * Reads a statement as stored by the LRS.
   *
   * @param storedAt used as the day when the statement has no timestamp
   */
  static StatementReading of(UUID id, String json, Instant storedAt) {
    JsonObject statement;
    try {
      statement = Parsing.JSON.createReader(new StringReader(json)).readObject();
    } catch (JsonException | ClassCastException e) {
      return new CountsNothing(id, "not a JSON object");
    }
    var verb = Parsing.text(statement.get("verb"), "id").orElse("");
    var object = statement.get("object");
    var objectType = Parsing.text(object, "objectType").orElse("Activity");
    var objectId = Parsing.text(object, "id").orElse("");
    if (verb.equals(VERBS + "voided")) {
      if (!objectType.equals("StatementRef")) {
        return new CountsNothing(id, "voided without a StatementRef");
      }
      try {
        return new Voids(id, UUID.fromString(objectId));
      } catch (IllegalArgumentException e) {
        return new CountsNothing(id, "voided names no statement id");
      }
    }
    if (!objectType.equals("Activity")) {
      return new CountsNothing(id, "object is not an activity");
    }
    boolean objectIsCourse = Parsing.isCourse(objectId);
    var course = objectIsCourse ? Optional.of(objectId) : Parsing.groupingCourse(statement);
    Milestone milestone =
        switch (verb) {
          case VERBS + "registered" -> objectIsCourse ? Milestone.ENROLLED : null;
          case VERBS + "launched", VERBS + "experienced", VERBS + "answered" ->
              Milestone.IN_PROGRESS;
          case VERBS + "failed" -> objectIsCourse ? null : Milestone.IN_PROGRESS;
          case VERBS + "passed" -> objectIsCourse ? Milestone.PASSED : Milestone.IN_PROGRESS;
          case VERBS + "completed" -> objectIsCourse ? Milestone.COMPLETED : null;
          case "http://id.tincanapi.com/verb/earned" -> objectIsCourse ? null : Milestone.CERTIFIED;
          default -> null;
        };
    if (milestone == null) {
      return new CountsNothing(id, "verb " + verb + " counts nothing here");
    }
    if (course.isEmpty()) {
      return new CountsNothing(id, "no course in the statement");
    }
    var actor = statement.get("actor");
    String account = null;
    if (actor instanceof JsonObject agent
        && agent.get("account") instanceof JsonObject accountObject
        && HOME_PAGE.equals(Parsing.text(accountObject, "homePage").orElse(null))) {
      account = Parsing.text(accountObject, "name").orElse(null);
    }
    return new Counts(id, account, course.get(), milestone, Parsing.day(statement, storedAt));
  }

  /** Helpers of {@link #of}; not part of the reading. */
  final class Parsing {
    /** Looked up once: the static Json calls search the class path every time. */
    static final JsonProvider JSON = JsonProvider.provider();

    private Parsing() {}

    static Optional<String> text(JsonValue value, String name) {
      if (value instanceof JsonObject object
          && object.get(name) instanceof jakarta.json.JsonString string) {
        return Optional.of(string.getString());
      }
      return Optional.empty();
    }

    static Optional<String> groupingCourse(JsonObject statement) {
      if (statement.get("context") instanceof JsonObject context
          && context.get("contextActivities") instanceof JsonObject activities
          && activities.get("grouping") instanceof jakarta.json.JsonArray grouping) {
        for (var activity : grouping) {
          var activityId = text(activity, "id").orElse("");
          if (isCourse(activityId)) {
            return Optional.of(activityId);
          }
        }
      }
      return Optional.empty();
    }

    /**
     * A course's own id: the prefix and a slug. Its lessons, quizzes and questions have ids below
     * it ({@code …/course/<slug>/lesson/<key>}, see course-content's ActivityIri), which are not.
     */
    static boolean isCourse(String activityId) {
      return activityId.startsWith(COURSE_PREFIX)
          && activityId.length() > COURSE_PREFIX.length()
          && activityId.indexOf('/', COURSE_PREFIX.length()) < 0;
    }

    static LocalDate day(JsonObject statement, Instant storedAt) {
      var timestamp = text(statement, "timestamp");
      if (timestamp.isPresent()) {
        try {
          return OffsetDateTime.parse(timestamp.get()).atZoneSameInstant(VIETNAM).toLocalDate();
        } catch (DateTimeParseException e) {
          // fall back to the stored time, which the LRS always sets
        }
      }
      return storedAt.atZone(VIETNAM).toLocalDate();
    }
  }
}
