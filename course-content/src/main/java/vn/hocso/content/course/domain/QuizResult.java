package vn.hocso.content.course.domain;

import java.util.List;

/**
 * The mark of one quiz attempt: questions answered right out of all, the score in whole percent
 * (rounded down, which never turns a fail into a pass), and whether it reaches the passing score.
 */
public record QuizResult(
    int correctAnswers,
    int questionCount,
    int scorePercent,
    boolean passed,
    List<QuestionResult> questions) {

  public QuizResult {
    questions = List.copyOf(questions);
  }
}
