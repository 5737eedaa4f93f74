package vn.hocso.lms.learning.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.NoSuchElementException;
import vn.hocso.lms.learning.control.Learning;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.control.LearningViews.LessonPage;
import vn.hocso.lms.web.Messages;

/** The lesson player (/app/learn.xhtml): one lesson per page, previous and next. */
@Named
@RequestScoped
public class LessonPlayerView {

  @Inject Learning learning;
  @Inject Messages messages;

  private long course;
  private String lesson;
  private LessonPage page;
  private String refusal;

  public void load() throws IOException {
    try {
      page = learning.lesson(LearnerPages.username(), course, lesson);
    } catch (LearningRefusedException e) {
      refusal = messages.get(e.reason().messageKey());
    } catch (NoSuchElementException e) {
      LearnerPages.notFound();
    }
  }

  public LessonPage getPage() {
    return page;
  }

  /** Why the lesson is not shown, or null. */
  public String getRefusal() {
    return refusal;
  }

  /** "2 / 10": where this step is in the course. */
  public String getPosition() {
    var steps = page.path().steps();
    return (steps.indexOf(page.step()) + 1) + " / " + steps.size();
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
