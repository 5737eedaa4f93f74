package vn.hocso.lms.accounts.control;

import java.util.List;

/** A registration that cannot be accepted: every problem, each named by its form field. */
public class RegistrationRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param field the form field at fault ({@code fullName}, {@code commune}, …)
   * @param message what to do about it, for her, in Vietnamese
   */
  public record Problem(String field, String message) {}

  private final List<Problem> problems;

  public RegistrationRejectedException(List<Problem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
