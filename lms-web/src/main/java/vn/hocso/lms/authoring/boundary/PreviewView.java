package vn.hocso.lms.authoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * A lesson of the version being written, shown as a learner would see it: the preview page puts it
 * in a frame 360 px wide, the width of a cheap phone.
 */
@Named
@RequestScoped
public class PreviewView {

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;

  private long course;
  private String lesson;
  private LessonView view;

  public void load() throws IOException {
    try {
      view = authoring.lesson(author.caller(), course, lesson);
    } catch (AccessDeniedException | java.util.NoSuchElementException e) {
      CourseEditorView.notFound();
    }
  }

  public LessonView getView() {
    return view;
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
}
