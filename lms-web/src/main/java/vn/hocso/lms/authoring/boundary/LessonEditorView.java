package vn.hocso.lms.authoring.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import vn.hocso.content.course.application.BlockView;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.ImageUploads;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/**
 * The lesson editor: its title and its blocks (rich text in the PrimeFaces text editor, callouts,
 * images), each movable, editable and removable.
 */
@Named
@ViewScoped
public class LessonEditorView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;
  @Inject Messages messages;

  private long course;
  private String lesson;
  private transient LessonView view;
  private String title;

  /** The block being edited, or -1 for a new one. */
  private int editing = -1;

  private String html;
  private CalloutBlock.Tone tone = CalloutBlock.Tone.TIP;
  private String calloutText;
  private transient Part imageFile;
  private String altText;
  private String caption;

  public void load() throws IOException {
    try {
      reload();
      title = view.title();
    } catch (AccessDeniedException | java.util.NoSuchElementException e) {
      CourseEditorView.notFound();
    }
  }

  private void reload() {
    view = authoring.lesson(author.caller(), course, lesson);
  }

  public LessonView getView() {
    if (view == null) {
      reload();
    }
    return view;
  }

  public void rename() {
    act("authoring.saved", () -> authoring.renameLesson(author.caller(), course, lesson, title));
  }

  /** Saves the text in the editor: a new block, or the block being edited. */
  public void saveText() {
    var position = editing;
    if (act(
        "authoring.saved",
        () -> {
          if (position >= 0) {
            authoring.replaceText(author.caller(), course, lesson, position, html);
          } else {
            authoring.addText(author.caller(), course, lesson, html);
          }
        })) {
      clearForms();
    }
  }

  public void saveCallout() {
    var position = editing;
    if (act(
        "authoring.saved",
        () -> {
          if (position >= 0) {
            authoring.replaceCallout(author.caller(), course, lesson, position, tone, calloutText);
          } else {
            authoring.addCallout(author.caller(), course, lesson, tone, calloutText);
          }
        })) {
      clearForms();
    }
  }

  /** Uploads the picture (re-encoded by the service), then adds or replaces the image block. */
  public void saveImage() throws IOException {
    var position = editing;
    byte[] bytes = null;
    if (imageFile != null && imageFile.getSize() > 0) {
      if (imageFile.getSize() > ImageUploads.MAX_UPLOAD_BYTES) {
        Feedback.error(messages.get("authoring.image.TOO_LARGE"));
        return;
      }
      try (var in = imageFile.getInputStream()) {
        bytes = in.readAllBytes();
      }
    }
    var upload = bytes;
    var keep = position >= 0 ? getView().blocks().get(position).mediaFile() : null;
    if (upload == null && keep == null) {
      Feedback.error(messages.get("authoring.image.EMPTY"));
      return;
    }
    if (act(
        "authoring.saved",
        () -> {
          var reference =
              upload != null
                  ? authoring.uploadImage(author.caller(), course, upload)
                  : "media/" + keep;
          if (position >= 0) {
            authoring.replaceImage(
                author.caller(), course, lesson, position, reference, altText, caption);
          } else {
            authoring.addImage(author.caller(), course, lesson, reference, altText, caption);
          }
        })) {
      clearForms();
    }
  }

  /** Loads a block into its form. */
  public void edit(int position) {
    var block = getView().blocks().get(position);
    clearForms();
    editing = position;
    switch (block.kind()) {
      case "text" -> html = block.html();
      case "callout" -> {
        tone = CalloutBlock.Tone.valueOf(block.tone());
        calloutText = block.text();
      }
      case "image" -> {
        altText = block.altText();
        caption = block.caption();
      }
      default -> editing = -1;
    }
  }

  public void cancel() {
    clearForms();
  }

  public void move(int from, int to) {
    act("authoring.moved", () -> authoring.moveBlock(author.caller(), course, lesson, from, to));
  }

  public void remove(int position) {
    if (act(
        "authoring.removed",
        () -> authoring.removeBlock(author.caller(), course, lesson, position))) {
      clearForms();
    }
  }

  public String editingKind() {
    return editing >= 0 ? getView().blocks().get(editing).kind() : "";
  }

  private void clearForms() {
    editing = -1;
    html = null;
    tone = CalloutBlock.Tone.TIP;
    calloutText = null;
    altText = null;
    caption = null;
    imageFile = null;
  }

  private boolean act(String doneKey, Runnable action) {
    var done = Feedback.attempt(messages, doneKey, action);
    reload();
    return done;
  }

  public BlockView block(int position) {
    return getView().blocks().get(position);
  }

  public CalloutBlock.Tone[] getTones() {
    return CalloutBlock.Tone.values();
  }

  public long getCourse() {
    return course;
  }

  public void setCourse(long course) {
    this.course = course;
  }

  public String getLesson() {
    return lesson;
  }

  public void setLesson(String lesson) {
    this.lesson = lesson;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public int getEditing() {
    return editing;
  }

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public CalloutBlock.Tone getTone() {
    return tone;
  }

  public void setTone(CalloutBlock.Tone tone) {
    this.tone = tone;
  }

  public String getCalloutText() {
    return calloutText;
  }

  public void setCalloutText(String calloutText) {
    this.calloutText = calloutText;
  }

  public Part getImageFile() {
    return imageFile;
  }

  public void setImageFile(Part imageFile) {
    this.imageFile = imageFile;
  }

  public String getAltText() {
    return altText;
  }

  public void setAltText(String altText) {
    this.altText = altText;
  }

  public String getCaption() {
    return caption;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }
}
