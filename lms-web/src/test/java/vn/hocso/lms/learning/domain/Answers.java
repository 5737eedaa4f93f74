package vn.hocso.lms.learning.domain;

import java.util.ArrayList;
import java.util.Collections;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.Response;

/** The right and a wrong response to any question. */
final class Answers {

  private Answers() {}

  static Response right(Question question) {
    if (question.kind() == QuestionKind.ORDERING) {
      return new Response(question.options().stream().map(AnswerOption::key).toList());
    }
    return new Response(
        question.options().stream()
            .filter(AnswerOption::isCorrect)
            .map(AnswerOption::key)
            .toList());
  }

  static Response wrong(Question question) {
    if (question.kind() == QuestionKind.ORDERING) {
      var keys = new ArrayList<>(question.options().stream().map(AnswerOption::key).toList());
      Collections.reverse(keys);
      return new Response(keys);
    }
    var wrong = question.options().stream().filter(o -> !o.isCorrect()).findFirst().orElseThrow();
    return Response.choosing(wrong.key());
  }
}
