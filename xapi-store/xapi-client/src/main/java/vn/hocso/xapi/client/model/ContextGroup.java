package vn.hocso.xapi.client.model;

import java.util.List;

/**
 * A group with a role in the experience (xAPI 2.0 Part 2 §2.4.6.3, 2.0 only).
 *
 * @param relevantTypes IRIs of the roles; never null, not written when empty
 */
public record ContextGroup(Group group, List<String> relevantTypes) {

  public ContextGroup {
    Rules.required(group, "group", ContextAgent.SECTION);
    relevantTypes = relevantTypes == null ? List.of() : List.copyOf(relevantTypes);
    for (int i = 0; i < relevantTypes.size(); i++) {
      Rules.iri(relevantTypes.get(i), "relevantTypes[" + i + "]", ContextAgent.SECTION);
    }
  }
}
