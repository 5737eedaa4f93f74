package vn.hocso.lms.learning.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.NoSuchElementException;
import vn.hocso.lms.learning.control.Learning;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.control.LearningViews.Standing;
import vn.hocso.lms.web.Messages;

/**
 * The enrol / continue / take-again panel of the course page (/app/course.xhtml). View-scoped, so a
 * postback decodes the forms against the standing the page was shown with: the course id (a view
 * parameter) is set only after the forms' {@code rendered} conditions are evaluated, and a request
 * bean asked then for the standing in course 0, so a form shown only to enrolled learners was never
 * decoded and its button did nothing.
 */
@Named
@ViewScoped
public class CourseLearningView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Learning learning;
  @Inject transient Messages messages;

  private long id;
  private transient Standing standing;

  public Standing getStanding() {
    if (standing == null) {
      standing = learning.standing(LearnerPages.username(), id);
    }
    return standing;
  }

  /** Enrols her and opens the step she starts with (the course page if there is none). */
  public String enrol() {
    try {
      var first = learning.enrol(LearnerPages.username(), id);
      return first
          .map(step -> LearnerPages.outcome(id, step))
          .orElse("/app/course?faces-redirect=true&id=" + id);
    } catch (LearningRefusedException e) {
      LearnerPages.show(messages, e);
      return null;
    } catch (NoSuchElementException e) {
      return "/app/courses?faces-redirect=true";
    }
  }

  /** Takes the course again after completing it, and opens the step she starts with. */
  public String retake() {
    try {
      var first = learning.retake(LearnerPages.username(), id);
      return first
          .map(step -> LearnerPages.outcome(id, step))
          .orElse("/app/course?faces-redirect=true&id=" + id);
    } catch (LearningRefusedException e) {
      LearnerPages.show(messages, e);
      return null;
    } catch (NoSuchElementException e) {
      return "/app/courses?faces-redirect=true";
    }
  }

  /** Continues where she left off. */
  public String resume() {
    return getStanding()
        .resume()
        .map(step -> LearnerPages.outcome(id, step))
        .orElse("/app/course?faces-redirect=true&id=" + id);
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }
}
