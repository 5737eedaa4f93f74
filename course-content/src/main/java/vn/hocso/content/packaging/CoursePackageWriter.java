package vn.hocso.content.packaging;

import static vn.hocso.content.packaging.PackageFormat.*;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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

/** Writes one version of a course as a course package (see PACKAGE-FORMAT.md). */
public class CoursePackageWriter {

  /**
   * Writes {@code version} and every media file it refers to.
   *
   * @param media gives the bytes of a media reference ({@code media/…}); null when it has none
   * @throws IllegalArgumentException when a referenced media file cannot be found
   */
  public void write(CourseVersion version, Function<String, byte[]> media, OutputStream out)
      throws IOException {
    var zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(COURSE_JSON));
    zip.write(json(version));
    zip.closeEntry();
    for (var reference : version.mediaReferences()) {
      var bytes = media.apply(reference);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "The course refers to " + reference + " but it is missing");
      }
      zip.putNextEntry(new ZipEntry(reference));
      zip.write(bytes);
      zip.closeEntry();
    }
    zip.finish();
  }

  /** The course.json of a version, pretty-printed UTF-8. */
  public byte[] json(CourseVersion version) {
    var document =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("formatVersion", VERSION)
            .add("sourceVersion", version.number())
            .add("course", course(version))
            .build();
    var bytes = new ByteArrayOutputStream();
    try (var writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
      writer.writeObject(document);
    }
    return bytes.toByteArray();
  }

  private static JsonObject course(CourseVersion version) {
    var course = Json.createObjectBuilder();
    course.add("slug", version.course().slug());
    course.add("activityId", version.course().activityIri().toString());
    course.add("title", version.title());
    optional(course, "titleEnglish", version.titleEnglish());
    course.add("summary", version.summary());
    optional(course, "summaryEnglish", version.summaryEnglish());
    course.add("track", version.track().name());
    course.add("level", version.level().name());
    course.add("audience", version.audience().name());
    course.add("language", version.language());
    course.add("estimatedMinutes", version.estimatedMinutes());
    optional(course, "coverImage", version.coverImage());
    course.add("tags", strings(version.tags().stream().map(Object::toString).toList()));
    course.add(
        "prerequisites", strings(version.prerequisites().stream().map(Object::toString).toList()));
    course.add("sequentialUnlocking", version.unlocksInSequence());
    course.add(
        "completion",
        Json.createObjectBuilder()
            .add("allLessonsSeen", version.completionRule().allLessonsSeen())
            .add("allQuizzesPassed", version.completionRule().allQuizzesPassed()));
    var modules = Json.createArrayBuilder();
    for (var module : version.modules()) {
      modules.add(module(module));
    }
    course.add("modules", modules);
    return course.build();
  }

  private static JsonObjectBuilder module(CourseModule module) {
    var json = Json.createObjectBuilder().add("key", module.key()).add("title", module.title());
    var lessons = Json.createArrayBuilder();
    for (var lesson : module.lessons()) {
      lessons.add(lesson(lesson));
    }
    json.add("lessons", lessons);
    if (module.quiz() != null) {
      json.add("quiz", quiz(module.quiz()));
    }
    return json;
  }

  private static JsonObjectBuilder lesson(Lesson lesson) {
    var blocks = Json.createArrayBuilder();
    for (var block : lesson.blocks()) {
      blocks.add(block(block));
    }
    return Json.createObjectBuilder()
        .add("key", lesson.key())
        .add("title", lesson.title())
        .add("blocks", blocks);
  }

  private static JsonObjectBuilder block(ContentBlock block) {
    var json = Json.createObjectBuilder();
    if (block instanceof RichTextBlock text) {
      json.add("type", RICH_TEXT).add("html", text.html());
    } else if (block instanceof ImageBlock image) {
      json.add("type", IMAGE).add("image", image.image()).add("altText", image.altText());
      optional(json, "caption", image.caption());
    } else if (block instanceof VideoBlock video) {
      json.add("type", VIDEO);
      optional(json, "upload", video.upload());
      optional(json, "link", video.link());
      optional(json, "caption", video.caption());
    } else if (block instanceof CalloutBlock callout) {
      json.add("type", CALLOUT).add("tone", callout.tone().name()).add("text", callout.text());
    } else if (block instanceof InstructionBlock instruction) {
      var steps = Json.createArrayBuilder();
      for (var step : instruction.steps()) {
        var stepJson = Json.createObjectBuilder().add("instruction", step.instruction());
        optional(stepJson, "screenshot", step.screenshot());
        steps.add(stepJson);
      }
      json.add("type", INSTRUCTION).add("heading", instruction.heading()).add("steps", steps);
    } else if (block instanceof ExternalAuBlock au) {
      json.add("type", EXTERNAL_AU)
          .add("auId", au.auId())
          .add("url", au.url())
          .add("launchMethod", au.launchMethod().name())
          .add("moveOn", au.moveOn().name());
      if (au.masteryScore() != null) {
        json.add("masteryScore", au.masteryScore());
      }
      optional(json, "launchParameters", au.launchParameters());
    } else if (block instanceof QuestionBlock question) {
      json.add("type", QUESTION).add("question", question(question.question()));
    } else {
      throw new IllegalStateException("No package form for " + block.getClass().getSimpleName());
    }
    return json;
  }

  private static JsonObjectBuilder quiz(Quiz quiz) {
    var json =
        Json.createObjectBuilder()
            .add("key", quiz.key())
            .add("title", quiz.title())
            .add("passingScore", quiz.passingScore());
    quiz.attemptsPolicy().maxAttempts().ifPresent(max -> json.add("maxAttempts", max));
    var questions = Json.createArrayBuilder();
    for (var question : quiz.questions()) {
      questions.add(question(question));
    }
    return json.add("questions", questions);
  }

  private static JsonObjectBuilder question(Question question) {
    var options = Json.createArrayBuilder();
    for (var option : question.options()) {
      var json =
          Json.createObjectBuilder()
              .add("key", option.key())
              .add("text", option.text())
              .add("correct", option.isCorrect());
      optional(json, "feedback", option.feedback());
      options.add(json);
    }
    var json =
        Json.createObjectBuilder()
            .add("key", question.key())
            .add("kind", question.kind().name())
            .add("prompt", question.prompt())
            .add("options", options);
    optional(json, "feedbackWhenRight", question.feedbackWhenRight());
    optional(json, "feedbackWhenWrong", question.feedbackWhenWrong());
    return json;
  }

  private static JsonArrayBuilder strings(java.util.List<String> values) {
    var array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
