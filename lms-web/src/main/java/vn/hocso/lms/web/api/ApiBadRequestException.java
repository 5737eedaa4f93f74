package vn.hocso.lms.web.api;

/** A request the API cannot read: a parameter or field missing or out of range (400). */
public class ApiBadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean missing;

  public ApiBadRequestException(String what) {
    this(what, false);
  }

  private ApiBadRequestException(String what, boolean missing) {
    super(what);
    this.missing = missing;
  }

  /** A required field or parameter was not given. */
  public static ApiBadRequestException missing(String field) {
    return new ApiBadRequestException(field, true);
  }

  /** Throws {@link #missing} when the value is null; returns it otherwise. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  public boolean isMissing() {
    return missing;
  }
}
