package vn.hocso.lms.authoring.control;

import java.util.List;
import vn.hocso.content.course.application.QuestionView;
import vn.hocso.content.course.domain.Quiz;

/** The quiz that ends a module, as the quiz builder shows it. */
public record QuizView(
    String moduleKey,
    String key,
    String title,
    int passingScore,
    Integer maxAttempts,
    List<QuestionView> questions) {

  static QuizView of(String moduleKey, Quiz quiz) {
    return new QuizView(
        moduleKey,
        quiz.key(),
        quiz.title(),
        quiz.passingScore(),
        quiz.attemptsPolicy().maxAttempts().isPresent()
            ? quiz.attemptsPolicy().maxAttempts().getAsInt()
            : null,
        quiz.questions().stream().map(QuestionView::of).toList());
  }
}
