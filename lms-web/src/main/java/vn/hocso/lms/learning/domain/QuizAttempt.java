package vn.hocso.lms.learning.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocso.content.course.domain.QuestionResult;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.QuizResult;
import vn.hocso.content.course.domain.Response;

/**
 * One attempt at a quiz, answered a question at a time with feedback after each: an answer once
 * given stays, the attempt is finished when every question is answered and is then marked as the
 * quiz marks (its passing score). Starting one needs an attempt left under the quiz's policy.
 */
public final class QuizAttempt {

  private final Quiz quiz;
  private final Map<String, Response> responses = new LinkedHashMap<>();

  private QuizAttempt(Quiz quiz) {
    this.quiz = quiz;
  }

  /**
   * The attempt she is in: her answers so far in it, after {@code attemptsUsed} finished ones.
   *
   * @throws NoAttemptLeftException when the quiz's attempts policy allows no other
   * @throws IllegalArgumentException for an answer to a question or option the quiz does not have
   */
  public static QuizAttempt resume(Quiz quiz, int attemptsUsed, Map<String, Response> answers) {
    if (!quiz.allowsAnotherAttempt(attemptsUsed)) {
      throw new NoAttemptLeftException(quiz.key(), attemptsUsed);
    }
    return inProgress(quiz, answers);
  }

  /**
   * An attempt already begun, with her answers so far in it: the attempts policy was applied when
   * it began, so it is not asked again for an answer inside it.
   *
   * @throws IllegalArgumentException for an answer to a question or option the quiz does not have
   */
  public static QuizAttempt inProgress(Quiz quiz, Map<String, Response> answers) {
    var attempt = new QuizAttempt(quiz);
    answers.forEach(
        (key, response) -> {
          quiz.question(key).mark(response);
          attempt.responses.put(key, response);
        });
    return attempt;
  }

  public boolean hasAnswered(String questionKey) {
    return responses.containsKey(questionKey);
  }

  /** Marks one answer; her feedback is in the result. */
  public QuestionResult answer(String questionKey, Response response) {
    if (hasAnswered(questionKey)) {
      throw new IllegalStateException("Question " + questionKey + " is already answered");
    }
    var marked = quiz.question(questionKey).mark(response);
    responses.put(questionKey, response);
    return marked;
  }

  public boolean isFinished() {
    return responses.size() == quiz.questions().size();
  }

  /** The mark of the finished attempt. */
  public QuizResult result() {
    if (!isFinished()) {
      throw new IllegalStateException(
          "The attempt has " + responses.size() + " of " + quiz.questions().size() + " answers");
    }
    return quiz.score(responses);
  }

  /** The quiz allows no other attempt. */
  public static class NoAttemptLeftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoAttemptLeftException(String quizKey, int attemptsUsed) {
      super("Quiz " + quizKey + " allows no attempt after " + attemptsUsed);
    }
  }
}
