package vn.hocso.lms.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.Response;

/** Marking an attempt a question at a time, under the quiz's attempts policy (3, pass at 80%). */
class QuizAttemptTest {

  private final Quiz quiz = Sample.vietQr().module("nhan-tien-bang-qr").quiz();

  @Test
  void eachAnswerIsMarkedAtOnceWithItsFeedback() {
    var attempt = QuizAttempt.resume(quiz, 0, Map.of());
    var first = quiz.questions().get(0);

    var wrong = attempt.answer(first.key(), Answers.wrong(first));

    assertThat(wrong.correct()).isFalse();
    assertThat(wrong.feedback()).isNotEmpty();
    assertThat(attempt.isFinished()).isFalse();
  }

  @Test
  void theAttemptIsMarkedWhenTheLastQuestionIsAnswered() {
    var attempt = QuizAttempt.resume(quiz, 0, Map.of());
    var questions = quiz.questions();
    for (int i = 0; i < questions.size(); i++) {
      var q = questions.get(i);
      attempt.answer(q.key(), i < 6 ? Answers.right(q) : Answers.wrong(q));
    }

    var result = attempt.result();

    assertThat(attempt.isFinished()).isTrue();
    assertThat(result.scorePercent()).isEqualTo(75);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void sevenOfEightPasses() {
    var attempt = QuizAttempt.resume(quiz, 2, Map.of());
    var questions = quiz.questions();
    for (int i = 0; i < questions.size(); i++) {
      var q = questions.get(i);
      attempt.answer(q.key(), i < 7 ? Answers.right(q) : Answers.wrong(q));
    }

    assertThat(attempt.result().scorePercent()).isEqualTo(87);
    assertThat(attempt.result().passed()).isTrue();
  }

  @Test
  void anAnswerGivenStays() {
    var first = quiz.questions().get(0);
    var attempt = QuizAttempt.resume(quiz, 0, Map.of(first.key(), Answers.wrong(first)));

    assertThat(attempt.hasAnswered(first.key())).isTrue();
    assertThatThrownBy(() -> attempt.answer(first.key(), Answers.right(first)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noFourthAttemptWhenThePolicyAllowsThree() {
    assertThatThrownBy(() -> QuizAttempt.resume(quiz, 3, Map.of()))
        .isInstanceOf(QuizAttempt.NoAttemptLeftException.class);
  }

  @Test
  void anAnswerToAnOptionTheQuestionHasNotIsRefused() {
    var first = quiz.questions().get(0);
    var attempt = QuizAttempt.resume(quiz, 0, Map.of());

    assertThatThrownBy(() -> attempt.answer(first.key(), Response.choosing("z")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
