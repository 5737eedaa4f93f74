package vn.hocso.content.course.domain;

import java.util.List;

/** A version that is not ready to be reviewed or published, with every reason why. */
public class CourseNotPublishableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CourseNotPublishableException(List<String> problems) {
    super("The course cannot be published yet: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
