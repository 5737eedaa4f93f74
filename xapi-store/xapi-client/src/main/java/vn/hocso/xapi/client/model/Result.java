package vn.hocso.xapi.client.model;

import java.time.Duration;

/**
 * The outcome (xAPI 2.0 Part 2 §2.4.5). Every part is null when absent.
 *
 * @param duration an ISO 8601 duration as written ({@code PT1M30S}; {@code P1D} and other forms
 *     {@link Duration} cannot hold are kept too)
 */
public record Result(
    Score score,
    Boolean success,
    Boolean completion,
    String response,
    String duration,
    Extensions extensions) {

  public Result {
    Rules.duration(duration, "duration");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The duration as a {@link Duration}, when it has no years, months or weeks. */
  public Duration durationValue() {
    return duration == null ? null : Duration.parse(duration);
  }

  /** Builds a {@link Result}; validation happens in {@link #build()}. */
  public static final class Builder {
    private Score score;
    private Boolean success;
    private Boolean completion;
    private String response;
    private String duration;
    private Extensions extensions;

    private Builder() {}

    public Builder score(Score score) {
      this.score = score;
      return this;
    }

    public Builder success(Boolean success) {
      this.success = success;
      return this;
    }

    public Builder completion(Boolean completion) {
      this.completion = completion;
      return this;
    }

    public Builder response(String response) {
      this.response = response;
      return this;
    }

    /** An ISO 8601 duration, as text. */
    public Builder duration(String duration) {
      this.duration = duration;
      return this;
    }

    /** A duration, written in ISO 8601 ({@code PT1M30.5S}). */
    public Builder duration(Duration duration) {
      this.duration = duration == null ? null : duration.toString();
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public Result build() {
      return new Result(score, success, completion, response, duration, extensions);
    }
  }
}
