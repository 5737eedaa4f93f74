package vn.hocso.content.course.application;

import java.util.List;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionKind;

/** A question as a page shows it (to its author: right answers and feedback included). */
public record QuestionView(
    String key,
    QuestionKind kind,
    String prompt,
    List<OptionView> options,
    String feedbackWhenRight,
    String feedbackWhenWrong) {

  /** One option of a question. */
  public record OptionView(String key, String text, boolean correct, String feedback) {

    static OptionView of(AnswerOption option) {
      return new OptionView(option.key(), option.text(), option.isCorrect(), option.feedback());
    }
  }

  public static QuestionView of(Question question) {
    return new QuestionView(
        question.key(),
        question.kind(),
        question.prompt(),
        question.options().stream().map(OptionView::of).toList(),
        question.feedbackWhenRight(),
        question.feedbackWhenWrong());
  }
}
