package vn.hocso.lms.learning.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import vn.hocso.lms.learning.control.Learning;
import vn.hocso.lms.learning.control.LearningViews.CourseProgress;
import vn.hocso.lms.learning.control.LearningViews.Recommendation;

/**
 * The learner's home (/app/home.xhtml) and "my learning" (/app/my-learning.xhtml): the courses she
 * is in, where to continue, what to take next.
 */
@Named
@RequestScoped
public class LearnerHomeView {

  private static final int RECOMMENDED = 3;

  @Inject Learning learning;

  private Boolean canLearn;
  private List<CourseProgress> courses;
  private List<Recommendation> recommended;

  public boolean isCanLearn() {
    if (canLearn == null) {
      canLearn = learning.canLearn(LearnerPages.username());
    }
    return canLearn;
  }

  /** Every course she is enrolled in, latest first. */
  public List<CourseProgress> getCourses() {
    if (courses == null) {
      courses = isCanLearn() ? learning.myLearning(LearnerPages.username()) : List.of();
    }
    return courses;
  }

  /** The courses she has not completed yet: "continue where you left off". */
  public List<CourseProgress> getInProgress() {
    return getCourses().stream().filter(c -> !c.completed()).toList();
  }

  public List<Recommendation> getRecommended() {
    if (recommended == null) {
      recommended =
          isCanLearn() ? learning.recommendations(LearnerPages.username(), RECOMMENDED) : List.of();
    }
    return recommended;
  }

  public String time(Instant at) {
    return LearnerPages.time(at);
  }
}
