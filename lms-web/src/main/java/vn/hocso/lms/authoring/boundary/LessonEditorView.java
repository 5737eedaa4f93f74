package vn.hocso.lms.authoring.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.content.course.application.BlockView;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.lms.authoring.control.Caller;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.ImageUploads;
import vn.hocso.lms.authoring.control.QuestionInput;
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
  private long revision;

  private String videoLink;
  private String videoCaption;

  private String heading;
  private List<StepRow> steps = stepRows(List.of(), List.of());

  private QuestionKind questionKind = QuestionKind.SINGLE_CHOICE;
  private String prompt;
  private List<QuizEditorView.OptionRow> questionOptions = QuizEditorView.blankOptions();
  private String feedbackWhenRight;
  private String feedbackWhenWrong;

  /** Blank step rows offered after the existing ones. */
  static final int BLANK_STEPS = 3;

  /** One row of the instruction form: what to do, and a screenshot kept or uploaded. */
  public static class StepRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String text;
    private String screenshot;
    private boolean dropScreenshot;
    private transient Part file;

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    /** The screenshot kept from before (its file name), or null. */
    public String getScreenshot() {
      return screenshot;
    }

    public boolean isDropScreenshot() {
      return dropScreenshot;
    }

    public void setDropScreenshot(boolean dropScreenshot) {
      this.dropScreenshot = dropScreenshot;
    }

    public Part getFile() {
      return file;
    }

    public void setFile(Part file) {
      this.file = file;
    }
  }

  static List<StepRow> stepRows(List<String> texts, List<String> screenshots) {
    var rows = new ArrayList<StepRow>();
    for (int i = 0; i < texts.size(); i++) {
      var row = new StepRow();
      row.text = texts.get(i);
      row.screenshot =
          i < screenshots.size() && !screenshots.get(i).isEmpty() ? screenshots.get(i) : null;
      rows.add(row);
    }
    for (int i = 0; i < BLANK_STEPS && rows.size() < 50; i++) {
      rows.add(new StepRow());
    }
    return rows;
  }

  /** Saves a video link (https) with its caption: a new block or the one being edited. */
  public void saveVideo() {
    var position = editing;
    if (act(
        "authoring.saved",
        () ->
            authoring.saveVideoLink(
                editing(), course, lesson, position, videoLink, videoCaption))) {
      clearForms();
    }
  }

  /** Uploads the screenshots given (re-encoded), then saves the instruction. */
  public void saveInstruction() throws IOException {
    var position = editing;
    var uploads = new ArrayList<byte[]>();
    for (var row : steps) {
      byte[] bytes = null;
      if (row.file != null && row.file.getSize() > 0) {
        if (row.file.getSize() > ImageUploads.MAX_UPLOAD_BYTES) {
          Feedback.error(messages.get("authoring.image.TOO_LARGE"));
          return;
        }
        try (var in = row.file.getInputStream()) {
          bytes = in.readAllBytes();
        }
      }
      uploads.add(bytes);
    }
    if (act(
        "authoring.saved",
        () -> {
          var inputs = new ArrayList<CourseAuthoring.StepInput>();
          for (int i = 0; i < steps.size(); i++) {
            var row = steps.get(i);
            String reference = null;
            if (uploads.get(i) != null) {
              reference = authoring.uploadImage(author.caller(), course, uploads.get(i));
            } else if (row.screenshot != null && !row.dropScreenshot) {
              reference = "media/" + row.screenshot;
            }
            inputs.add(new CourseAuthoring.StepInput(row.text, reference));
          }
          authoring.saveInstruction(editing(), course, lesson, position, heading, inputs);
        })) {
      clearForms();
    }
  }

  /** Saves the embedded question: a new block or the one being edited (keeping its IRI). */
  public void saveQuestion() {
    var position = editing;
    var input =
        new QuestionInput(
            questionKind,
            prompt,
            questionOptions.stream()
                .map(
                    o -> new QuestionInput.OptionInput(o.getText(), o.isCorrect(), o.getFeedback()))
                .toList(),
            feedbackWhenRight,
            feedbackWhenWrong);
    if (act(
        "authoring.saved",
        () -> authoring.saveQuestionBlock(editing(), course, lesson, position, input))) {
      clearForms();
    }
  }

  /** A true/false question starts with its two options written out. */
  public void questionKindChanged() {
    if (questionKind == QuestionKind.TRUE_FALSE
        && questionOptions.stream().allMatch(o -> o.getText() == null || o.getText().isBlank())) {
      questionOptions.get(0).setText(messages.get("quiz.true"));
      questionOptions.get(1).setText(messages.get("quiz.false"));
    }
  }

  /** The caller, saving changes to the course as this page last showed it. */
  private Caller editing() {
    return author.caller().seeing(revision);
  }

  public void load() throws IOException {
    try {
      reload();
      title = view.title();
    } catch (AccessDeniedException | java.util.NoSuchElementException e) {
      CourseEditorView.notFound();
    }
  }

  private void reload() {
    // The revision first: an edit between the two reads then refuses her next save instead of
    // letting it overwrite what she never saw.
    revision = authoring.revision(author.caller(), course);
    view = authoring.lesson(author.caller(), course, lesson);
  }

  public LessonView getView() {
    if (view == null) {
      reload();
    }
    return view;
  }

  public void rename() {
    act("authoring.saved", () -> authoring.renameLesson(editing(), course, lesson, title));
  }

  /** Saves the text in the editor: a new block, or the block being edited. */
  public void saveText() {
    var position = editing;
    if (act(
        "authoring.saved",
        () -> {
          if (position >= 0) {
            authoring.replaceText(editing(), course, lesson, position, html);
          } else {
            authoring.addText(editing(), course, lesson, html);
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
            authoring.replaceCallout(editing(), course, lesson, position, tone, calloutText);
          } else {
            authoring.addCallout(editing(), course, lesson, tone, calloutText);
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
                editing(), course, lesson, position, reference, altText, caption);
          } else {
            authoring.addImage(editing(), course, lesson, reference, altText, caption);
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
      case "video" -> {
        if (block.link() == null) {
          editing = -1; // an uploaded file (from a package): replaced only by a link
        }
        videoLink = block.link();
        videoCaption = block.caption();
      }
      case "steps" -> {
        heading = block.text();
        steps = stepRows(block.steps(), block.stepImages());
      }
      case "question" -> {
        var q = block.question();
        questionKind = q.kind();
        prompt = q.prompt();
        feedbackWhenRight = q.feedbackWhenRight();
        feedbackWhenWrong = q.feedbackWhenWrong();
        for (int i = 0; i < q.options().size() && i < questionOptions.size(); i++) {
          var option = q.options().get(i);
          questionOptions.get(i).setText(option.text());
          questionOptions.get(i).setCorrect(option.correct());
          questionOptions.get(i).setFeedback(option.feedback());
        }
      }
      default -> editing = -1;
    }
  }

  public void cancel() {
    clearForms();
  }

  public void move(int from, int to) {
    act("authoring.moved", () -> authoring.moveBlock(editing(), course, lesson, from, to));
  }

  public void remove(int position) {
    if (act(
        "authoring.removed", () -> authoring.removeBlock(editing(), course, lesson, position))) {
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
    videoLink = null;
    videoCaption = null;
    heading = null;
    steps = stepRows(List.of(), List.of());
    questionKind = QuestionKind.SINGLE_CHOICE;
    prompt = null;
    questionOptions = QuizEditorView.blankOptions();
    feedbackWhenRight = null;
    feedbackWhenWrong = null;
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

  public String getVideoLink() {
    return videoLink;
  }

  public void setVideoLink(String videoLink) {
    this.videoLink = videoLink;
  }

  public String getVideoCaption() {
    return videoCaption;
  }

  public void setVideoCaption(String videoCaption) {
    this.videoCaption = videoCaption;
  }

  public String getHeading() {
    return heading;
  }

  public void setHeading(String heading) {
    this.heading = heading;
  }

  public List<StepRow> getSteps() {
    return steps;
  }

  public QuestionKind getQuestionKind() {
    return questionKind;
  }

  public void setQuestionKind(QuestionKind questionKind) {
    this.questionKind = questionKind;
  }

  public QuestionKind[] getKinds() {
    return QuestionKind.values();
  }

  public String getPrompt() {
    return prompt;
  }

  public void setPrompt(String prompt) {
    this.prompt = prompt;
  }

  public List<QuizEditorView.OptionRow> getQuestionOptions() {
    return questionOptions;
  }

  public String getFeedbackWhenRight() {
    return feedbackWhenRight;
  }

  public void setFeedbackWhenRight(String feedbackWhenRight) {
    this.feedbackWhenRight = feedbackWhenRight;
  }

  public String getFeedbackWhenWrong() {
    return feedbackWhenWrong;
  }

  public void setFeedbackWhenWrong(String feedbackWhenWrong) {
    this.feedbackWhenWrong = feedbackWhenWrong;
  }

  public String letter(int index) {
    return String.valueOf((char) ('A' + index));
  }
}
