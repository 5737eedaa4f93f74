package vn.hocso.lms.authoring.control;

import java.util.List;
import vn.hocso.content.course.domain.QuestionKind;

/** What the quiz builder sends for a question. Blank options are dropped. */
public record QuestionInput(
    QuestionKind kind,
    String prompt,
    List<OptionInput> options,
    String feedbackWhenRight,
    String feedbackWhenWrong) {

  /** One answer option (for an ordering question: one item, in the right order). */
  public record OptionInput(String text, boolean correct, String feedback) {}
}
