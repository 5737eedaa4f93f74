package vn.hocso.lms.units.domain;

/**
 * A change to the Union's tree that its rules forbid. Carries the message shown to an officer
 * (Vietnamese) and one for logs and API clients (English).
 */
public class UnitRuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String vietnamese;

  public UnitRuleException(String vietnamese, String english) {
    super(english);
    this.vietnamese = vietnamese;
  }

  public String vietnameseMessage() {
    return vietnamese;
  }
}
