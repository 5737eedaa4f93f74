package vn.hocso.lms.authoring.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.CourseDetails;
import vn.hocso.lms.authoring.control.CourseRow;
import vn.hocso.lms.web.Messages;

/** "Khoá học của tôi": the courses she writes (every course for a central admin), and a new one. */
@Named
@ViewScoped
public class MyCoursesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;
  @Inject Messages messages;

  private transient List<CourseRow> rows;
  private String title;
  private String summary;
  private Track track = Track.ELECTRONIC_PAYMENT;
  private int minutes = 30;

  public boolean isAllowed() {
    return author.caller().mayAuthor();
  }

  public List<CourseRow> getRows() {
    if (rows == null) {
      rows = isAllowed() ? authoring.myCourses(author.caller()) : List.of();
    }
    return rows;
  }

  /** Creates the course and opens its editor. */
  public String create() {
    long[] id = new long[1];
    var created =
        Feedback.attempt(
            messages,
            null,
            () ->
                id[0] =
                    authoring.create(
                        author.caller(),
                        new CourseDetails(
                            title, null, summary, null, track, Level.BASIC, minutes)));
    if (!created) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Feedback.info(messages.get("authoring.created"));
    return "/app/authoring/course?faces-redirect=true&id=" + id[0];
  }

  /** Imports a course package (.zip) as a new draft course and opens its editor. */
  public String importPackage() throws java.io.IOException {
    if (packageFile == null || packageFile.getSize() == 0) {
      Feedback.error(messages.get("authoring.import.noFile"));
      return null;
    }
    if (packageFile.getSize() > MAX_PACKAGE_BYTES) {
      Feedback.error(messages.get("authoring.import.tooLarge"));
      return null;
    }
    try (var in = packageFile.getInputStream()) {
      return opened(() -> authoring.importPackage(author.caller(), in));
    }
  }

  /** Imports a cmi5 course structure (cmi5.xml) as a new draft course and opens its editor. */
  public String importCmi5() throws java.io.IOException {
    if (cmi5File == null || cmi5File.getSize() == 0) {
      Feedback.error(messages.get("authoring.import.noFile"));
      return null;
    }
    try (var in = cmi5File.getInputStream()) {
      return opened(() -> authoring.importCmi5(author.caller(), in, cmi5Track, cmi5Minutes));
    }
  }

  private String opened(java.util.function.LongSupplier importing) {
    long[] id = new long[1];
    if (!Feedback.attempt(messages, null, () -> id[0] = importing.getAsLong())) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Feedback.info(messages.get("authoring.import.done"));
    return "/app/authoring/course?faces-redirect=true&id=" + id[0];
  }

  /** Larger packages are refused before reading (images are re-encoded small anyway). */
  static final long MAX_PACKAGE_BYTES = 200L * 1024 * 1024;

  private transient jakarta.servlet.http.Part packageFile;
  private transient jakarta.servlet.http.Part cmi5File;
  private Track cmi5Track = Track.ELECTRONIC_PAYMENT;
  private int cmi5Minutes = 30;

  public boolean isReviewer() {
    return author.caller().mayReview();
  }

  public jakarta.servlet.http.Part getPackageFile() {
    return packageFile;
  }

  public void setPackageFile(jakarta.servlet.http.Part packageFile) {
    this.packageFile = packageFile;
  }

  public jakarta.servlet.http.Part getCmi5File() {
    return cmi5File;
  }

  public void setCmi5File(jakarta.servlet.http.Part cmi5File) {
    this.cmi5File = cmi5File;
  }

  public Track getCmi5Track() {
    return cmi5Track;
  }

  public void setCmi5Track(Track cmi5Track) {
    this.cmi5Track = cmi5Track;
  }

  public int getCmi5Minutes() {
    return cmi5Minutes;
  }

  public void setCmi5Minutes(int cmi5Minutes) {
    this.cmi5Minutes = cmi5Minutes;
  }

  public Track[] getTracks() {
    return Track.values();
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
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

  public int getMinutes() {
    return minutes;
  }

  public void setMinutes(int minutes) {
    this.minutes = minutes;
  }
}
