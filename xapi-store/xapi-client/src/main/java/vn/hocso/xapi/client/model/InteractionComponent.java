package vn.hocso.xapi.client.model;

/**
 * One choice, scale point, source, target or step of an interaction (xAPI 2.0 Part 2 §2.4.4.1.1).
 *
 * @param id its identifier within the interaction
 * @param description what the learner sees, or null
 */
public record InteractionComponent(String id, LanguageMap description) {

  public InteractionComponent {
    Rules.nonEmpty(id, "id", "xAPI 2.0 Part 2 §2.4.4.1.1");
  }

  public static InteractionComponent of(String id, String language, String description) {
    return new InteractionComponent(id, LanguageMap.of(language, description));
  }
}
