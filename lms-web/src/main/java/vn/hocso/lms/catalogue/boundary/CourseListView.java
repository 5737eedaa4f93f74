package vn.hocso.lms.catalogue.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.content.course.application.CourseCatalog;
import vn.hocso.content.course.application.CourseSummary;

/** The list of published courses. */
@Named
@ViewScoped
public class CourseListView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CourseCatalog catalog;

  private List<CourseSummary> courses;

  @PostConstruct
  void init() {
    courses = catalog.publishedCourses();
  }

  public List<CourseSummary> getCourses() {
    return courses;
  }
}
