package vn.hocso.lms.catalogue.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.content.course.application.OutlineView;

/**
 * A published course as learners see it: its outline and one lesson at a time. Always the published
 * version; drafts never show here. (The learner player with progress and xAPI statements comes with
 * the learning feature.)
 */
@Named
@RequestScoped
public class CoursePageView {

  @Inject CourseCatalog catalog;

  private long id;
  private String lesson;
  private OutlineView outline;
  private LessonView current;

  public void load() throws IOException {
    outline = catalog.publishedOutline(id).orElse(null);
    if (outline == null) {
      var context = FacesContext.getCurrentInstance();
      context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
      context.responseComplete();
      return;
    }
    if (lesson == null && !outline.lessonKeys().isEmpty()) {
      lesson = outline.lessonKeys().get(0);
    }
    current = lesson == null ? null : catalog.publishedLesson(id, lesson).orElse(null);
  }

  public OutlineView getOutline() {
    return outline;
  }

  public LessonView getCurrent() {
    return current;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getLesson() {
    return lesson;
  }

  public void setLesson(String lesson) {
    this.lesson = lesson;
  }
}
