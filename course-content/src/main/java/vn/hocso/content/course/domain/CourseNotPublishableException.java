package vn.hocso.content.course.domain;

import java.util.List;

/** A version that is not ready to be reviewed or published, with every reason why. */
public class CourseNotPublishableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient List<PublishingProblem> problems;

  public CourseNotPublishableException(List<PublishingProblem> problems) {
    super(
        "The course cannot be published yet: "
            + String.join("; ", problems.stream().map(PublishingProblem::english).toList()));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, as codes (see {@link PublishingProblem}). */
  public List<PublishingProblem> problems() {
    return problems;
  }
}
