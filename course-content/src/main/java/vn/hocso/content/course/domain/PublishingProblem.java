package vn.hocso.content.course.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing that stops a version being reviewed or published, as a code with its subjects, so a
 * page can say it in the author's language (the LMS maps each code to a bundle key, {@code
 * authoring.problem.<CODE>}: argument {0} is the place's title, {1} the question's prompt, {2} a
 * count). {@link #english()} is the text for logs and exceptions.
 *
 * @param code what is wrong
 * @param place where: the module, lesson or quiz named by {@code placeTitle}, or the course itself
 * @param placeTitle the module's, lesson's or quiz's title; null for the course
 * @param prompt the question's prompt, for question problems; else null
 * @param count the number of right answers, for {@link Code#QUESTION_SEVERAL_RIGHT}; else 0
 */
public record PublishingProblem(
    Code code, Place place, String placeTitle, String prompt, long count) {

  /** What is wrong. */
  public enum Code {
    MODULE_EMPTY,
    LESSON_EMPTY,
    QUIZ_EMPTY,
    QUESTION_NO_RIGHT_ANSWER,
    QUESTION_SEVERAL_RIGHT,
    COMPLETION_NEEDS_QUIZ
  }

  /** Where the problem is. */
  public enum Place {
    COURSE,
    MODULE,
    LESSON,
    QUIZ
  }

  public PublishingProblem {
    Objects.requireNonNull(code);
    Objects.requireNonNull(place);
  }

  static PublishingProblem of(Code code, Place place, String placeTitle) {
    return new PublishingProblem(code, place, placeTitle, null, 0);
  }

  /** A problem of a question, before it is placed in a lesson or quiz. */
  static PublishingProblem ofQuestion(Code code, String prompt, long count) {
    return new PublishingProblem(code, Place.COURSE, null, prompt, count);
  }

  /** The same question problem, in a lesson or quiz. */
  PublishingProblem in(Place newPlace, String title) {
    return new PublishingProblem(code, newPlace, title, prompt, count);
  }

  /** The arguments {0} place title, {1} prompt, {2} count, for a message pattern. */
  public List<Object> arguments() {
    return List.of(placeTitle == null ? "" : placeTitle, prompt == null ? "" : prompt, count);
  }

  /** In English, e.g. {@code Quiz "Kiểm tra": Question "Ai?" has no right answer}. */
  public String english() {
    var question = "Question \"" + prompt + "\"";
    var text =
        switch (code) {
          case MODULE_EMPTY -> "Module \"" + placeTitle + "\" has no lessons";
          case LESSON_EMPTY -> "Lesson \"" + placeTitle + "\" has no content";
          case QUIZ_EMPTY -> "Quiz \"" + placeTitle + "\" has no questions";
          case QUESTION_NO_RIGHT_ANSWER -> question + " has no right answer";
          case QUESTION_SEVERAL_RIGHT ->
              question + " has " + count + " right answers but allows only one choice";
          case COMPLETION_NEEDS_QUIZ ->
              "The completion rule asks for quizzes passed but the course has no quiz";
        };
    var isQuestion = code == Code.QUESTION_NO_RIGHT_ANSWER || code == Code.QUESTION_SEVERAL_RIGHT;
    if (isQuestion && place == Place.LESSON) {
      return "Lesson \"" + placeTitle + "\": " + text;
    }
    if (isQuestion && place == Place.QUIZ) {
      return "Quiz \"" + placeTitle + "\": " + text;
    }
    return text;
  }

  @Override
  public String toString() {
    return english();
  }
}
