package vn.hocso.content.course.domain;

import java.net.URI;
import java.util.List;

/** How one question of an attempt went, and the feedback to show for it. */
public record QuestionResult(
    String questionKey, URI activityIri, boolean correct, List<String> feedback) {

  public QuestionResult {
    feedback = List.copyOf(feedback);
  }
}
