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
