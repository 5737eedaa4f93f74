package vn.hocso.lms.authoring.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.content.course.application.OutlineView;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.PublishingProblem;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.authoring.control.Caller;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.CourseDetails;
import vn.hocso.lms.authoring.control.EditorState;
import vn.hocso.lms.authoring.control.ImageUploads;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/**
 * The course editor: details, the outline (modules and lessons, reordered by drag and drop or by
 * the up and down buttons), what stops publishing, and submit, return and publish.
 */
@Named
@ViewScoped
public class CourseEditorView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;
  @Inject Messages messages;

  private long id;
  private transient EditorState state;
  private String title;
  private String titleEnglish;
  private String summary;
  private Track track;
  private Level level;
  private int minutes;
  private String newModuleTitle;
  private final Map<String, String> newLessonTitles = new HashMap<>();
  private final Map<String, String> moduleTitles = new HashMap<>();
  private final Map<String, String> targetModules = new HashMap<>();
  private long revision;
  private String tagsText;
  private List<String> prerequisites = new ArrayList<>();
  private transient List<CourseAuthoring.PrerequisiteChoice> prerequisiteChoices;
  private transient Part coverFile;
  private String returnComment;

  /** On GET: loads the course, or answers 404 when she may not edit it. */
  public void load() throws IOException {
    try {
      reload();
    } catch (AccessDeniedException e) {
      notFound();
      return;
    }
    var details = state.details();
    title = details.title();
    titleEnglish = details.titleEnglish();
    summary = details.summary();
    track = details.track();
    level = details.level();
    minutes = details.estimatedMinutes();
    tagsText = String.join(", ", state.extras().tags());
    prerequisites = new ArrayList<>(state.extras().prerequisites());
  }

  static void notFound() throws IOException {
    var context = FacesContext.getCurrentInstance();
    context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
    context.responseComplete();
  }

  private void reload() {
    state = authoring.editor(author.caller(), id);
    revision = state.revision();
    moduleTitles.clear();
    state.outline().modules().forEach(m -> moduleTitles.put(m.key(), m.title()));
  }

  public EditorState getState() {
    if (state == null) {
      reload();
    }
    return state;
  }

  /** The course as a package (zip) to download; the service checks she may edit it. */
  public org.primefaces.model.StreamedContent getExportPackage() {
    var caller = author.caller();
    var name = "khoa-hoc-" + id + "-v" + getState().outline().versionNumber() + ".zip";
    return org.primefaces.model.DefaultStreamedContent.builder()
        .name(name)
        .contentType("application/zip")
        .writer(
            out -> {
              try {
                authoring.exportPackage(caller, id, out);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .build();
  }

  public void saveDetails() {
    act(
        "authoring.saved",
        () ->
            authoring.saveDetails(
                editing(),
                id,
                new CourseDetails(title, titleEnglish, summary, null, track, level, minutes),
                splitTags(tagsText),
                prerequisites == null ? List.of() : prerequisites));
  }

  static List<String> splitTags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** Uploads a cover picture (re-encoded like any image) and makes it the cover. */
  public void saveCover() throws IOException {
    if (coverFile == null || coverFile.getSize() == 0) {
      Feedback.error(messages.get("authoring.image.EMPTY"));
      return;
    }
    if (coverFile.getSize() > ImageUploads.MAX_UPLOAD_BYTES) {
      Feedback.error(messages.get("authoring.image.TOO_LARGE"));
      return;
    }
    byte[] bytes;
    try (var in = coverFile.getInputStream()) {
      bytes = in.readAllBytes();
    }
    act(
        "authoring.saved",
        () ->
            authoring.useCoverImage(
                editing(), id, authoring.uploadImage(author.caller(), id, bytes)));
  }

  public void removeCover() {
    act("authoring.removed", () -> authoring.useCoverImage(editing(), id, null));
  }

  /** The keyboard's (and anyone's) way to move a lesson to another module: to its end. */
  public void moveLessonToModule(String lessonKey) {
    var target = targetModules.get(lessonKey);
    if (target == null || target.isBlank()) {
      return;
    }
    var end =
        getState().outline().modules().stream()
            .filter(m -> m.key().equals(target))
            .findFirst()
            .map(m -> m.lessons().size())
            .orElse(0);
    act("authoring.moved", () -> authoring.moveLesson(editing(), id, lessonKey, target, end));
    targetModules.remove(lessonKey);
  }

  /** Sends the version in review back, with the reviewer's comment. */
  public void returnWithComment() {
    if (act("authoring.returned", () -> authoring.returnToDraft(editing(), id, returnComment))) {
      returnComment = null;
    }
  }

  /** A problem before publishing, in the page's language. */
  public String problemText(PublishingProblem problem) {
    return Feedback.problem(messages, problem);
  }

  public List<CourseAuthoring.PrerequisiteChoice> getPrerequisiteChoices() {
    if (prerequisiteChoices == null) {
      prerequisiteChoices = authoring.prerequisiteChoices(author.caller(), id);
    }
    return prerequisiteChoices;
  }

  /** The caller, saving changes to the course as this page last showed it. */
  private Caller editing() {
    return author.caller().seeing(revision);
  }

  public void addModule() {
    if (act("authoring.saved", () -> authoring.addModule(editing(), id, newModuleTitle))) {
      newModuleTitle = null;
    }
  }

  public void renameModule(String moduleKey) {
    act(
        "authoring.saved",
        () -> authoring.renameModule(editing(), id, moduleKey, moduleTitles.get(moduleKey)));
  }

  public void removeModule(String moduleKey) {
    act("authoring.removed", () -> authoring.removeModule(editing(), id, moduleKey));
  }

  public void moveModule(String moduleKey, int toPosition) {
    act(null, () -> authoring.moveModule(editing(), id, moduleKey, toPosition));
  }

  public void addLesson(String moduleKey) {
    var lessonTitle = newLessonTitles.get(moduleKey);
    if (act("authoring.saved", () -> authoring.addLesson(editing(), id, moduleKey, lessonTitle))) {
      newLessonTitles.remove(moduleKey);
    }
  }

  public void removeLesson(String lessonKey) {
    act("authoring.removed", () -> authoring.removeLesson(editing(), id, lessonKey));
  }

  /** The up and down buttons: the keyboard's way of reordering. */
  public void moveLesson(String moduleKey, String lessonKey, int toPosition) {
    act(
        "authoring.moved",
        () -> authoring.moveLesson(editing(), id, lessonKey, moduleKey, toPosition));
  }

  /** The lessons of a module for its table. */
  public java.util.List<OutlineView.LessonItem> lessonsOf(OutlineView.ModuleView module) {
    return module.lessons();
  }

  /**
   * A lesson row dropped by the mouse, in its own module's table or in another's (the page's
   * outline.js reports each drop as the lesson, the module it landed in and its position there).
   */
  public void dropLesson() {
    var parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    var lessonKey = parameters.get("lesson");
    var moduleKey = parameters.get("module");
    int position;
    try {
      position = Integer.parseInt(parameters.getOrDefault("position", ""));
    } catch (NumberFormatException notANumber) {
      position = -1;
    }
    if (lessonKey == null || moduleKey == null || position < 0) {
      Feedback.error(messages.get("authoring.dropUnclear"));
      return;
    }
    moveLesson(moduleKey, lessonKey, position);
  }

  public void submitForReview() {
    act("authoring.submitted", () -> authoring.submitForReview(editing(), id));
  }

  public void returnToDraft() {
    act("authoring.returned", () -> authoring.returnToDraft(editing(), id));
  }

  public void publish() {
    act("authoring.published", () -> authoring.publish(editing(), id));
  }

  private boolean act(String doneKey, Runnable action) {
    var done = Feedback.attempt(messages, doneKey, action);
    reload();
    return done;
  }

  public Track[] getTracks() {
    return Track.values();
  }

  public Level[] getLevels() {
    return Level.values();
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getTitleEnglish() {
    return titleEnglish;
  }

  public void setTitleEnglish(String titleEnglish) {
    this.titleEnglish = titleEnglish;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public Track getTrack() {
    return track;
  }

  public void setTrack(Track track) {
    this.track = track;
  }

  public Level getLevel() {
    return level;
  }

  public void setLevel(Level level) {
    this.level = level;
  }

  public int getMinutes() {
    return minutes;
  }

  public void setMinutes(int minutes) {
    this.minutes = minutes;
  }

  public String getNewModuleTitle() {
    return newModuleTitle;
  }

  public void setNewModuleTitle(String newModuleTitle) {
    this.newModuleTitle = newModuleTitle;
  }

  public Map<String, String> getNewLessonTitles() {
    return newLessonTitles;
  }

  public Map<String, String> getTargetModules() {
    return targetModules;
  }

  public String getTagsText() {
    return tagsText;
  }

  public void setTagsText(String tagsText) {
    this.tagsText = tagsText;
  }

  public List<String> getPrerequisites() {
    return prerequisites;
  }

  public void setPrerequisites(List<String> prerequisites) {
    this.prerequisites = prerequisites;
  }

  public Part getCoverFile() {
    return coverFile;
  }

  public void setCoverFile(Part coverFile) {
    this.coverFile = coverFile;
  }

  public String getReturnComment() {
    return returnComment;
  }

  public void setReturnComment(String returnComment) {
    this.returnComment = returnComment;
  }

  public boolean isReviewer() {
    return author.caller().mayReview();
  }

  public Map<String, String> getModuleTitles() {
    return moduleTitles;
  }
}
