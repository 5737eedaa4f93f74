package vn.hocso.lms.coverage.domain;

import java.util.Objects;

/**
 * What a figure is about: one course, or one track (a person counts once in a track, from the first
 * of its courses in which she reached the milestone). Stored as {@code C<course id>} or {@code
 * T<track>}.
 */
public record Subject(String code) {

  public Subject {
    Objects.requireNonNull(code, "code");
    if (code.length() < 2 || (code.charAt(0) != 'C' && code.charAt(0) != 'T')) {
      throw new IllegalArgumentException("Not a coverage subject: " + code);
    }
  }

  public static Subject course(long courseId) {
    return new Subject("C" + courseId);
  }

  public static Subject track(String track) {
    return new Subject("T" + track);
  }

  public boolean isCourse() {
    return code.charAt(0) == 'C';
  }

  /** The course id of a course subject. */
  public long courseId() {
    if (!isCourse()) {
      throw new IllegalStateException(code + " is a track");
    }
    return Long.parseLong(code.substring(1));
  }

  /** The track name of a track subject. */
  public String track() {
    if (isCourse()) {
      throw new IllegalStateException(code + " is a course");
    }
    return code.substring(1);
  }

  @Override
  public String toString() {
    return code;
  }
}
