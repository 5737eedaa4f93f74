package vn.hocso.content.course.domain;

import java.util.List;

/**
 * A learner's answer to one question, as option keys: the chosen options for a choice or true/false
 * question, the items in her order for an ordering question.
 */
public record Response(List<String> optionKeys) {

  public Response {
    optionKeys = List.copyOf(optionKeys);
  }

  /** The options she chose. */
  public static Response choosing(String... keys) {
    return new Response(List.of(keys));
  }

  /** The items in the order she put them. */
  public static Response inOrder(String... keys) {
    return new Response(List.of(keys));
  }
}
