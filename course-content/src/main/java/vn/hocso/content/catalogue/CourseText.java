package vn.hocso.content.catalogue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.ContentBlock;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.VideoBlock;

/** The searchable text of one published version, split into the fields search ranks apart. */
record CourseText(CatalogueCourse course, Map<SearchField, List<String>> fragments) {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

  static CourseText of(CourseVersion version) {
    var fields = new EnumMap<SearchField, List<String>>(SearchField.class);
    for (var field : SearchField.values()) {
      fields.put(field, new ArrayList<>());
    }
    add(fields.get(SearchField.TITLE), version.title(), version.titleEnglish());
    fields.get(SearchField.TAGS).addAll(version.tags());
    add(fields.get(SearchField.SUMMARY), version.summary(), version.summaryEnglish());
    var outline = fields.get(SearchField.OUTLINE);
    var body = fields.get(SearchField.BODY);
    for (var module : version.modules()) {
      outline.add(module.title());
      for (var lesson : module.lessons()) {
        outline.add(lesson.title());
        for (var block : lesson.blocks()) {
          addBlock(body, block);
        }
      }
      if (module.quiz() != null) {
        outline.add(module.quiz().title());
      }
    }
    return new CourseText(CatalogueCourse.of(version), fields);
  }

  private static void addBlock(List<String> body, ContentBlock block) {
    if (block instanceof RichTextBlock rich) {
      body.add(plainText(rich.html()));
    } else if (block instanceof CalloutBlock callout) {
      body.add(callout.text());
    } else if (block instanceof InstructionBlock instruction) {
      body.add(instruction.heading());
      instruction.steps().forEach(step -> body.add(step.instruction()));
    } else if (block instanceof ImageBlock image) {
      add(body, image.altText(), image.caption());
    } else if (block instanceof VideoBlock video) {
      add(body, video.caption());
    } else if (block instanceof QuestionBlock question) {
      body.add(question.question().prompt());
    }
  }

  private static void add(List<String> fragments, String... texts) {
    for (var text : texts) {
      if (text != null && !text.isBlank()) {
        fragments.add(text);
      }
    }
  }

  /**
   * The words of sanitised HTML: tags become spaces (so "
   * <li>a
   * <li>b" stays two words) and entities spaces too; search needs words, not a faithful rendering.
   */
  static String plainText(String html) {
    var withoutTags = TAG.matcher(html).replaceAll(" ");
    return ENTITY.matcher(withoutTags).replaceAll(" ");
  }
}
