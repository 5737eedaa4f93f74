package vn.hocso.content.course.application;

import java.util.List;
import vn.hocso.content.authoring.RichText;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.ContentBlock;
import vn.hocso.content.course.domain.ExternalAuBlock;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.VideoBlock;

/**
 * One block of a lesson as a page shows it. {@code kind} says which fields are used: {@code text}
 * ({@code html}), {@code callout} ({@code tone}, {@code text}), {@code image} ({@code mediaFile},
 * {@code altText}, {@code caption}), {@code video} ({@code mediaFile} or {@code link}, {@code
 * caption}), {@code steps} ({@code text} as heading, {@code steps}, {@code stepImages}: the
 * screenshot's file name per step, empty for none), {@code question} ({@code question}), {@code
 * externalAu} (a cmi5 assignable unit: {@code text} its publisher id, {@code link} its launch
 * address). Rich text is sanitised again here, so content from a package is as safe as content
 * typed in the editor.
 */
public record BlockView(
    int position,
    String kind,
    String html,
    String tone,
    String text,
    String mediaFile,
    String link,
    String altText,
    String caption,
    List<String> steps,
    QuestionView question,
    List<String> stepImages) {

  public static BlockView of(ContentBlock block) {
    int at = block.position();
    if (block instanceof RichTextBlock rich) {
      return new BlockView(
          at,
          "text",
          RichText.sanitise(rich.html()),
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          null,
          List.of());
    } else if (block instanceof CalloutBlock callout) {
      return new BlockView(
          at,
          "callout",
          null,
          callout.tone().name(),
          callout.text(),
          null,
          null,
          null,
          null,
          List.of(),
          null,
          List.of());
    } else if (block instanceof ImageBlock image) {
      return new BlockView(
          at,
          "image",
          null,
          null,
          null,
          fileName(image.image()),
          null,
          image.altText(),
          image.caption(),
          List.of(),
          null,
          List.of());
    } else if (block instanceof VideoBlock video) {
      return new BlockView(
          at,
          "video",
          null,
          null,
          null,
          video.isUploaded() ? fileName(video.upload()) : null,
          video.link(),
          null,
          video.caption(),
          List.of(),
          null,
          List.of());
    } else if (block instanceof InstructionBlock instruction) {
      return new BlockView(
          at,
          "steps",
          null,
          null,
          instruction.heading(),
          null,
          null,
          null,
          null,
          instruction.steps().stream().map(s -> s.instruction()).toList(),
          null,
          instruction.steps().stream()
              .map(s -> s.screenshot() == null ? "" : fileName(s.screenshot()))
              .toList());
    } else if (block instanceof QuestionBlock question) {
      return new BlockView(
          at,
          "question",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          QuestionView.of(question.question()),
          List.of());
    } else if (block instanceof ExternalAuBlock au) {
      return new BlockView(
          at,
          "externalAu",
          null,
          null,
          au.auId(),
          null,
          au.url(),
          null,
          null,
          List.of(),
          null,
          List.of());
    }
    throw new IllegalArgumentException("Unknown block " + block.getClass().getSimpleName());
  }

  /** "media/anh.jpg" gives "anh.jpg": the file's name in the course's media. */
  static String fileName(String mediaReference) {
    return mediaReference == null ? null : mediaReference.substring("media/".length());
  }
}
