package vn.hocso.lms.web.api;

import java.util.List;

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

  /**
   * Throws {@link #missing} when the list is not given or holds a null element ({@code [null]}
   * names the element, e.g. {@code sourceIds[0]}); returns it otherwise.
   */
  public static <T> List<T> requiredEach(List<T> values, String field) {
    required(values, field);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw missing(field + "[" + i + "]");
      }
    }
    return values;
  }

  public boolean isMissing() {
    return missing;
  }
}
