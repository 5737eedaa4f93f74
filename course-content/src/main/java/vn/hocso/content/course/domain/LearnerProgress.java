package vn.hocso.content.course.domain;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * What a learner has done in a course, by activity IRI: the lessons she has seen and her best score
 * (percent) in each quiz. Because activity IRIs survive new versions, the same progress can be read
 * against the version she started or, when an officer moves her, a later one.
 */
public record LearnerProgress(Set<URI> lessonsSeen, Map<URI, Integer> bestQuizScores) {

  public LearnerProgress {
    lessonsSeen = Set.copyOf(lessonsSeen);
    bestQuizScores = Map.copyOf(bestQuizScores);
  }

  /** Nothing done yet. */
  public static LearnerProgress none() {
    return new LearnerProgress(Set.of(), Map.of());
  }

  public boolean hasSeen(URI lesson) {
    return lessonsSeen.contains(lesson);
  }

  public boolean hasPassed(Quiz quiz) {
    var best = bestQuizScores.get(quiz.activityIri());
    return best != null && quiz.passes(best);
  }
}
