package vn.hocso.lms.web.api;

import java.util.List;

/**
 * The body of every error the API answers.
 *
 * @param status the HTTP status, repeated for clients that lose it
 * @param error a stable code to branch on (e.g. {@code not-found}, {@code rule})
 * @param message what was wrong, in Vietnamese or, for {@code Accept-Language: en}, English
 * @param problems details where there are several (e.g. fields), else empty
 */
public record ApiError(int status, String error, String message, List<String> problems) {

  public ApiError {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
