package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnerProgressTest {

  private final CourseVersion version = SampleCourses.qrPayment().edit();
  private final URI firstLesson = version.lesson("quet-ma-qr").activityIri();
  private final URI secondLesson = version.lesson("kiem-tra-nguoi-nhan").activityIri();
  private final URI lastLesson = version.lesson("tong-ket").activityIri();
  private final Quiz quiz = version.module("chuyen-tien").quiz();

  @Test
  void unlocksOnlyTheFirstLessonAtTheStartWhenSequential() {
    assertThat(version.isUnlocked(firstLesson, LearnerProgress.none())).isTrue();
    assertThat(version.isUnlocked(secondLesson, LearnerProgress.none())).isFalse();
  }

  @Test
  void unlocksTheNextModuleOnlyAfterTheQuizIsPassed() {
    var seen = Set.of(firstLesson, secondLesson);

    assertThat(version.isUnlocked(quiz.activityIri(), progress(seen, Map.of()))).isTrue();
    assertThat(version.isUnlocked(lastLesson, progress(seen, Map.of(quiz.activityIri(), 60))))
        .isFalse();
    assertThat(version.isUnlocked(lastLesson, progress(seen, Map.of(quiz.activityIri(), 80))))
        .isTrue();
  }

  @Test
  void unlocksEverythingWhenNotSequential() {
    version.unlockInSequence(false);

    assertThat(version.isUnlocked(lastLesson, LearnerProgress.none())).isTrue();
  }

  @Test
  void completesWhenAllLessonsAreSeenAndTheQuizIsPassed() {
    var allSeen = Set.of(firstLesson, secondLesson, lastLesson);

    assertThat(version.isCompletedBy(progress(allSeen, Map.of(quiz.activityIri(), 79)))).isFalse();
    assertThat(version.isCompletedBy(progress(allSeen, Map.of(quiz.activityIri(), 80)))).isTrue();
    assertThat(
            version.isCompletedBy(progress(Set.of(firstLesson), Map.of(quiz.activityIri(), 100))))
        .isFalse();
  }

  @Test
  void completesWithTheQuizAloneWhenTheRuleSaysSo() {
    version.completeWhen(new CompletionRule(false, true));

    assertThat(version.isCompletedBy(progress(Set.of(), Map.of(quiz.activityIri(), 100)))).isTrue();
  }

  @Test
  void carriesProgressToANewVersionBecauseIrisAreShared() {
    var course = SampleCourses.qrPayment();
    course.publish();
    var next = course.edit();
    var allSeen = new HashSet<URI>();
    course.version(1).lessons().forEach(l -> allSeen.add(l.activityIri()));
    var scores = new HashMap<URI, Integer>();
    scores.put(course.version(1).quizzes().get(0).activityIri(), 100);

    assertThat(next.isCompletedBy(progress(allSeen, scores))).isTrue();
  }

  private static LearnerProgress progress(Set<URI> seen, Map<URI, Integer> scores) {
    return new LearnerProgress(seen, scores);
  }
}
