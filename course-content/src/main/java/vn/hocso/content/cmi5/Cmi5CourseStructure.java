package vn.hocso.content.cmi5;

import java.math.BigDecimal;
import java.util.List;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.ExternalAuBlock;
import vn.hocso.content.course.domain.ExternalAuBlock.LaunchMethod;
import vn.hocso.content.course.domain.ExternalAuBlock.MoveOn;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;

/**
 * A cmi5 course structure read and checked by {@link Cmi5Reader}, flattened to our two levels:
 * every cmi5 block that holds assignable units directly becomes a module (nested blocks are named
 * by their path, "Outer › Inner"), AUs at the top level go into a module named after the course,
 * and each AU becomes a lesson. Texts are in the language chosen by the reader (Vietnamese when the
 * file has it), with English kept where the file has it.
 */
public record Cmi5CourseStructure(
    String courseId,
    String title,
    String titleEnglish,
    String description,
    String descriptionEnglish,
    String language,
    List<Module> modules) {

  public Cmi5CourseStructure {
    modules = List.copyOf(modules);
  }

  /** A module-to-be: a cmi5 block (or the course's own top-level AUs). */
  public record Module(String title, List<Unit> units) {
    public Module {
      units = List.copyOf(units);
    }
  }

  /** One assignable unit (cmi5 §13.1.4). */
  public record Unit(
      String id,
      String title,
      String description,
      String url,
      LaunchMethod launchMethod,
      MoveOn moveOn,
      BigDecimal masteryScore,
      String launchParameters) {}

  /** How many assignable units there are. */
  public int unitCount() {
    return modules.stream().mapToInt(m -> m.units().size()).sum();
  }

  /**
   * A new course whose only version is a draft: one lesson per AU, holding the AU's description (as
   * plain text in a paragraph) and the unit itself.
   *
   * @param slug the course's slug, free on this platform (the caller checks)
   * @throws Cmi5Exception when a text breaks a rule of the course model (e.g. a title over 200
   *     characters), naming the item
   */
  public Course toCourse(String slug, Track track, int estimatedMinutes) throws Cmi5Exception {
    Course course;
    try {
      course =
          new Course(
              slug, title, titleEnglish, summaryOf(description, title), track, estimatedMinutes);
    } catch (IllegalArgumentException e) {
      throw new Cmi5Exception(
          "Khóa học " + courseId + ": " + e.getMessage(),
          "course " + courseId + ": " + e.getMessage(),
          e);
    }
    var draft = course.edit();
    draft.describe(
        summaryOf(description, title),
        descriptionEnglish == null ? null : summaryOf(descriptionEnglish, titleEnglish));
    draft.useLanguage(language);
    for (var module : modules) {
      var made = at("block \"" + module.title() + "\"", () -> draft.addModule(module.title()));
      for (var unit : module.units()) {
        at(
            "au " + unit.id(),
            () -> {
              var lesson = made.addLesson(unit.title());
              if (unit.description() != null && !unit.description().isBlank()) {
                lesson.addBlock(new RichTextBlock("<p>" + escape(unit.description()) + "</p>"));
              }
              lesson.addBlock(
                  new ExternalAuBlock(
                      unit.id(),
                      unit.url(),
                      unit.launchMethod(),
                      unit.moveOn(),
                      unit.masteryScore(),
                      unit.launchParameters()));
              return lesson;
            });
      }
    }
    return course;
  }

  @FunctionalInterface
  private interface Step<T> {
    T run();
  }

  private static <T> T at(String where, Step<T> step) throws Cmi5Exception {
    try {
      return step.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new Cmi5Exception(where + ": " + e.getMessage(), where + ": " + e.getMessage(), e);
    }
  }

  /** A course summary is at most 2000 characters: a longer cmi5 description is shortened. */
  private static String summaryOf(String description, String fallback) {
    var text = description == null || description.isBlank() ? fallback : description;
    return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
  }

  private static String escape(String text) {
    var out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
