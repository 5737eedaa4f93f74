package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuizScoringTest {

  private final Quiz quiz = SampleCourses.qrPayment().edit().module("chuyen-tien").quiz();
  private final String single = quiz.questions().get(0).key();
  private final String multiple = quiz.questions().get(1).key();
  private final String ordering = quiz.questions().get(2).key();
  private final String trueFalse = quiz.questions().get(3).key();
  private final String refusal = quiz.questions().get(4).key();

  private Map<String, Response> allRight() {
    var responses = new HashMap<String, Response>();
    responses.put(single, Response.choosing("a"));
    responses.put(multiple, Response.choosing("b", "a"));
    responses.put(ordering, Response.inOrder("a", "b", "c"));
    responses.put(trueFalse, Response.choosing("a"));
    responses.put(refusal, Response.choosing("b"));
    return responses;
  }

  @Test
  void scoresAllRightAsAHundredPercentAndPasses() {
    var result = quiz.score(allRight());

    assertThat(result.correctAnswers()).isEqualTo(5);
    assertThat(result.scorePercent()).isEqualTo(100);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void passesAtExactlyThePassingScore() {
    var responses = allRight();
    responses.put(refusal, Response.choosing("a"));

    var result = quiz.score(responses);

    assertThat(result.scorePercent()).isEqualTo(80);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void failsBelowThePassingScore() {
    var responses = allRight();
    responses.remove(refusal);
    responses.put(single, Response.choosing("b"));

    var result = quiz.score(responses);

    assertThat(result.scorePercent()).isEqualTo(60);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void countsAMultipleChoiceAnswerMissingARightOptionAsWrong() {
    var responses = allRight();
    responses.put(multiple, Response.choosing("a"));

    assertThat(quiz.score(responses).questions().get(1).correct()).isFalse();
  }

  @Test
  void countsAMultipleChoiceAnswerWithAnExtraWrongOptionAsWrong() {
    var responses = allRight();
    responses.put(multiple, Response.choosing("a", "b", "c"));

    assertThat(quiz.score(responses).questions().get(1).correct()).isFalse();
  }

  @Test
  void countsAnOrderingAnswerInTheWrongOrderAsWrongAndSaysSo() {
    var responses = allRight();
    responses.put(ordering, Response.inOrder("b", "a", "c"));

    var result = quiz.score(responses).questions().get(2);

    assertThat(result.correct()).isFalse();
    assertThat(result.feedback()).containsExactly("Hãy xem lại bài học.");
  }

  @Test
  void countsTwoChoicesOnASingleChoiceQuestionAsWrong() {
    var responses = allRight();
    responses.put(single, Response.choosing("a", "b"));

    assertThat(quiz.score(responses).questions().get(0).correct()).isFalse();
  }

  @Test
  void givesTheFeedbackOfTheChosenOption() {
    var responses = allRight();
    responses.put(single, Response.choosing("b"));

    assertThat(quiz.score(responses).questions().get(0).feedback()).containsExactly("Không phải.");
  }

  @Test
  void countsAnUnansweredQuestionAsWrong() {
    var result = quiz.score(Map.of(single, Response.choosing("a")));

    assertThat(result.correctAnswers()).isEqualTo(1);
    assertThat(result.scorePercent()).isEqualTo(20);
  }

  @Test
  void rejectsAResponseNamingAnOptionTheQuestionDoesNotHave() {
    assertThatThrownBy(() -> quiz.score(Map.of(single, Response.choosing("z"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no option z");
  }

  @Test
  void rejectsAResponseToAQuestionTheQuizDoesNotHave() {
    assertThatThrownBy(() -> quiz.score(Map.of("khong-co", Response.choosing("a"))))
        .hasMessageContaining("No question khong-co");
  }

  @Test
  void marksATrueFalseQuestion() {
    var question = Question.trueFalse("Mã OTP là bí mật.", true, "Đúng!", "Sai: hãy giữ bí mật.");

    assertThat(question.mark(Response.choosing("a")).correct()).isTrue();
    assertThat(question.mark(Response.choosing("b")).feedback())
        .containsExactly("Sai: hãy giữ bí mật.");
  }

  @Test
  void limitsAttemptsWhenThePolicySaysSo() {
    assertThat(quiz.allowsAnotherAttempt(2)).isTrue();
    assertThat(quiz.allowsAnotherAttempt(3)).isFalse();
    assertThat(AttemptsPolicy.unlimited().allowsAnotherAttempt(1000)).isTrue();
  }

  @Test
  void rejectsAPassingScoreAboveAHundred() {
    assertThatThrownBy(() -> quiz.requireScore(120)).hasMessageContaining("between 1 and 100");
  }
}
