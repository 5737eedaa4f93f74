package vn.hocso.lms.learning.domain;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sitting: a login session's visit to one course (cmi5 §9.6.3.1), from its {@code launched}
 * statement to its {@code terminated} one. Kept in the learner's HTTP session.
 */
public final class Sitting implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String xapiAccount;
  private final UUID registration;
  private final String courseIri;
  private final int courseVersion;
  private final UUID sessionId;
  private final Instant startedAt;
  private volatile Instant lastActionAt;

  /** By quiz key: the most finished attempts known in this sitting (read or made here). */
  private final Map<String, Integer> attemptsFinished = new ConcurrentHashMap<>();

  public Sitting(
      String xapiAccount, UUID registration, URI courseIri, int courseVersion, Instant startedAt) {
    this.xapiAccount = xapiAccount;
    this.registration = registration;
    this.courseIri = courseIri.toString();
    this.courseVersion = courseVersion;
    this.sessionId = UUID.randomUUID();
    this.startedAt = startedAt;
    this.lastActionAt = startedAt;
  }

  /** The context of its statements. */
  public LearningContext context() {
    return new LearningContext(
        xapiAccount, registration, URI.create(courseIri), courseVersion, sessionId);
  }

  /** True when it belongs to this enrolment on this version (a migrated learner starts anew). */
  public boolean isFor(UUID registration, int courseVersion) {
    return this.registration.equals(registration) && this.courseVersion == courseVersion;
  }

  public void touch(Instant at) {
    if (at.isAfter(lastActionAt)) {
      lastActionAt = at;
    }
  }

  /**
   * Her finished attempts at a quiz as this sitting knows them, never fewer than before: a quiz
   * page read them from her records, or an answer in this login session finished one.
   */
  public void attemptsFinished(String quizKey, int finished) {
    attemptsFinished.merge(quizKey, finished, Math::max);
  }

  /**
   * The most finished attempts at a quiz this sitting knows of (0 if none): what a quiz page
   * answered without reading her records checks its attempt against, so a second tab of the same
   * login session cannot answer into an attempt the first one finished.
   */
  public int attemptsFinished(String quizKey) {
    return attemptsFinished.getOrDefault(quizKey, 0);
  }

  /** From launched to her last action: the duration of {@code terminated}. */
  public Duration duration() {
    return Duration.between(startedAt, lastActionAt);
  }

  public UUID registration() {
    return registration;
  }

  public Instant lastActionAt() {
    return lastActionAt;
  }
}
