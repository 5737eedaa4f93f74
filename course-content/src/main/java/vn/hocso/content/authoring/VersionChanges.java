package vn.hocso.content.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vn.hocso.content.authoring.Change.Kind;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.ContentBlock;
import vn.hocso.content.course.domain.CourseModule;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.ExternalAuBlock;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.VideoBlock;

/**
 * What changed from one version of a course to another. Items are matched by their keys, which
 * every version copies (so a renamed lesson is "renamed", not "removed and added"); content is
 * compared block by block.
 */
public final class VersionChanges {

  private VersionChanges() {}

  /** The changes from {@code before} to {@code after}; {@code before} null for a first version. */
  public static List<Change> between(CourseVersion before, CourseVersion after) {
    if (before == null) {
      return List.of(Change.of(Kind.FIRST_VERSION));
    }
    var changes = new ArrayList<Change>();
    if (!Objects.equals(before.title(), after.title())
        || !Objects.equals(before.titleEnglish(), after.titleEnglish())) {
      changes.add(new Change(Kind.TITLE, after.title()));
    }
    if (!Objects.equals(before.summary(), after.summary())
        || !Objects.equals(before.summaryEnglish(), after.summaryEnglish())) {
      changes.add(Change.of(Kind.SUMMARY));
    }
    if (before.track() != after.track()
        || before.level() != after.level()
        || before.audience() != after.audience()
        || before.estimatedMinutes() != after.estimatedMinutes()
        || !before.tags().equals(after.tags())
        || !before.prerequisites().equals(after.prerequisites())
        || before.unlocksInSequence() != after.unlocksInSequence()
        || !before.completionRule().equals(after.completionRule())
        || !Objects.equals(before.coverImage(), after.coverImage())) {
      changes.add(Change.of(Kind.DETAILS));
    }
    compareModules(before, after, changes);
    compareLessons(before, after, changes);
    compareQuizzes(before, after, changes);
    if (changes.isEmpty()) {
      changes.add(Change.of(Kind.NOTHING));
    }
    return changes;
  }

  private static void compareModules(
      CourseVersion before, CourseVersion after, List<Change> changes) {
    var old = byKey(before.modules(), CourseModule::key);
    var now = byKey(after.modules(), CourseModule::key);
    for (var module : after.modules()) {
      var previous = old.get(module.key());
      if (previous == null) {
        changes.add(new Change(Kind.MODULE_ADDED, module.title()));
      } else if (!previous.title().equals(module.title())) {
        changes.add(new Change(Kind.MODULE_RENAMED, module.title()));
      }
    }
    for (var module : before.modules()) {
      if (!now.containsKey(module.key())) {
        changes.add(new Change(Kind.MODULE_REMOVED, module.title()));
      }
    }
    if (reordered(
        keys(before.modules(), CourseModule::key), keys(after.modules(), CourseModule::key))) {
      changes.add(Change.of(Kind.MODULES_REORDERED));
    }
  }

  private static void compareLessons(
      CourseVersion before, CourseVersion after, List<Change> changes) {
    var old = byKey(before.lessons(), Lesson::key);
    var now = byKey(after.lessons(), Lesson::key);
    var movedBetweenModules = false;
    for (var lesson : after.lessons()) {
      var previous = old.get(lesson.key());
      if (previous == null) {
        changes.add(new Change(Kind.LESSON_ADDED, lesson.title()));
        continue;
      }
      if (!previous.title().equals(lesson.title())) {
        changes.add(new Change(Kind.LESSON_RENAMED, lesson.title()));
      }
      if (!previous.module().key().equals(lesson.module().key())) {
        changes.add(new Change(Kind.LESSON_MOVED, lesson.title()));
        movedBetweenModules = true;
      }
      if (!blocks(previous).equals(blocks(lesson))) {
        changes.add(new Change(Kind.LESSON_CONTENT, lesson.title()));
      }
    }
    for (var lesson : before.lessons()) {
      if (!now.containsKey(lesson.key())) {
        changes.add(new Change(Kind.LESSON_REMOVED, lesson.title()));
      }
    }
    if (!movedBetweenModules
        && reordered(keys(before.lessons(), Lesson::key), keys(after.lessons(), Lesson::key))) {
      changes.add(Change.of(Kind.LESSONS_REORDERED));
    }
  }

  private static void compareQuizzes(
      CourseVersion before, CourseVersion after, List<Change> changes) {
    var old = byKey(before.quizzes(), Quiz::key);
    var now = byKey(after.quizzes(), Quiz::key);
    for (var quiz : after.quizzes()) {
      var previous = old.get(quiz.key());
      if (previous == null) {
        changes.add(new Change(Kind.QUIZ_ADDED, quiz.title()));
      } else if (!describe(previous).equals(describe(quiz))) {
        changes.add(new Change(Kind.QUIZ_CHANGED, quiz.title()));
      }
    }
    for (var quiz : before.quizzes()) {
      if (!now.containsKey(quiz.key())) {
        changes.add(new Change(Kind.QUIZ_REMOVED, quiz.title()));
      }
    }
  }

  /** True when the items both versions have are in a different relative order. */
  private static boolean reordered(List<String> before, List<String> after) {
    var common = new ArrayList<>(before);
    common.retainAll(after);
    var commonAfter = new ArrayList<>(after);
    commonAfter.retainAll(before);
    return !common.equals(commonAfter);
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    var map = new LinkedHashMap<String, T>();
    items.forEach(item -> map.put(key.apply(item), item));
    return map;
  }

  private static <T> List<String> keys(List<T> items, Function<T, String> key) {
    return items.stream().map(key).toList();
  }

  private static List<List<Object>> blocks(Lesson lesson) {
    return lesson.blocks().stream().map(VersionChanges::describe).toList();
  }

  /** What a block shows, as comparable values. */
  private static List<Object> describe(ContentBlock block) {
    if (block instanceof RichTextBlock rich) {
      return List.of("text", rich.html());
    } else if (block instanceof CalloutBlock callout) {
      return List.of("callout", callout.tone(), callout.text());
    } else if (block instanceof ImageBlock image) {
      return List.of("image", image.image(), image.altText(), String.valueOf(image.caption()));
    } else if (block instanceof VideoBlock video) {
      return List.of(
          "video",
          String.valueOf(video.upload()),
          String.valueOf(video.link()),
          String.valueOf(video.caption()));
    } else if (block instanceof InstructionBlock instruction) {
      return List.of("steps", instruction.heading(), instruction.steps());
    } else if (block instanceof QuestionBlock question) {
      return List.of("question", describe(question.question()));
    } else if (block instanceof ExternalAuBlock au) {
      return List.of(
          "externalAu",
          au.auId(),
          au.url(),
          au.launchMethod(),
          au.moveOn(),
          String.valueOf(au.masteryScore()),
          String.valueOf(au.launchParameters()));
    }
    return List.of(block.getClass().getSimpleName());
  }

  private static List<Object> describe(Quiz quiz) {
    return List.of(
        quiz.title(),
        quiz.passingScore(),
        quiz.attemptsPolicy(),
        quiz.questions().stream().map(VersionChanges::describe).toList());
  }

  private static List<Object> describe(Question question) {
    return List.of(
        question.key(),
        question.kind(),
        question.prompt(),
        question.options(),
        String.valueOf(question.feedbackWhenRight()),
        String.valueOf(question.feedbackWhenWrong()));
  }
}
