package vn.hocso.lms.learning.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.course.domain.CourseVersion;

/**
 * The lessons and quizzes of the version she is on, in course order, each with whether she has done
 * it and whether it is open to her (the course's sequential unlocking), and where she resumes.
 */
public final class CoursePath {

  /** What a step of the course is. */
  public enum Kind {
    LESSON,
    QUIZ
  }

  /** One lesson or quiz on her path. */
  public record Step(
      Kind kind,
      String key,
      String title,
      String moduleTitle,
      URI activityIri,
      boolean done,
      boolean unlocked) {}

  private final List<Step> steps;
  private final EnrolmentProgress progress;
  private final boolean completedByRule;

  private CoursePath(List<Step> steps, EnrolmentProgress progress, boolean completedByRule) {
    this.steps = List.copyOf(steps);
    this.progress = progress;
    this.completedByRule = completedByRule;
  }

  public static CoursePath of(CourseVersion version, EnrolmentProgress progress) {
    var learner = progress.asLearnerProgress();
    var steps = new ArrayList<Step>();
    for (var module : version.modules()) {
      for (var lesson : module.lessons()) {
        steps.add(
            new Step(
                Kind.LESSON,
                lesson.key(),
                lesson.title(),
                module.title(),
                lesson.activityIri(),
                learner.hasSeen(lesson.activityIri()),
                version.isUnlocked(lesson.activityIri(), learner)));
      }
      var quiz = module.quiz();
      if (quiz != null) {
        steps.add(
            new Step(
                Kind.QUIZ,
                quiz.key(),
                quiz.title(),
                module.title(),
                quiz.activityIri(),
                learner.hasPassed(quiz),
                version.isUnlocked(quiz.activityIri(), learner)));
      }
    }
    return new CoursePath(steps, progress, version.isCompletedBy(learner));
  }

  public List<Step> steps() {
    return steps;
  }

  /** The step with this kind and key. */
  public Optional<Step> step(Kind kind, String key) {
    return steps.stream().filter(s -> s.kind() == kind && s.key().equals(key)).findFirst();
  }

  /** The step before this one, if any. */
  public Optional<Step> previous(Step step) {
    var at = steps.indexOf(step);
    return at > 0 ? Optional.of(steps.get(at - 1)) : Optional.empty();
  }

  /** The step after this one, if any. */
  public Optional<Step> next(Step step) {
    var at = steps.indexOf(step);
    return at >= 0 && at < steps.size() - 1 ? Optional.of(steps.get(at + 1)) : Optional.empty();
  }

  /**
   * Where she goes on: a quiz she last tried and has not passed yet; else the first step after the
   * last one she did that is not done; else the first step not done; empty when all are done.
   * Derived from her statements, so it is the same on every device (no resume document to keep in
   * step with them).
   */
  public Optional<Step> resume() {
    var last = progress.lastActivity();
    if (last.isPresent()) {
      var at = indexOf(last.get());
      if (at >= 0) {
        var lastStep = steps.get(at);
        if (lastStep.kind() == Kind.QUIZ && !lastStep.done()) {
          return Optional.of(lastStep);
        }
        for (int i = at + 1; i < steps.size(); i++) {
          if (!steps.get(i).done()) {
            return Optional.of(steps.get(i));
          }
        }
      }
    }
    return steps.stream().filter(s -> !s.done()).findFirst();
  }

  /** Steps done out of all, in whole percent; 100 once the course is completed. */
  public int percentDone() {
    if (progress.completed() || steps.isEmpty()) {
      return progress.completed() ? 100 : 0;
    }
    return (int) (steps.stream().filter(Step::done).count() * 100 / steps.size());
  }

  /** True when what she has done meets the version's completion rule. */
  public boolean meetsCompletionRule() {
    return completedByRule;
  }

  public EnrolmentProgress progress() {
    return progress;
  }

  private int indexOf(URI activity) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).activityIri().equals(activity)) {
        return i;
      }
    }
    return -1;
  }
}
