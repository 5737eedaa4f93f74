package vn.hocso.xapi.client.model;

import java.util.List;
import java.util.Optional;

/**
 * A group of agents (xAPI 2.0 Part 2 §2.4.2.2): identified (with an {@link Ifi}, members optional)
 * or anonymous (no Ifi, at least one member).
 *
 * @param name the display name, or null
 * @param ifi the identifier, or null for an anonymous group
 * @param members the agents in it, never null; written only when not empty
 */
public record Group(String name, Ifi ifi, List<Agent> members) implements Actor {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.2.2";

  public Group {
    members = List.copyOf(members == null ? List.of() : members);
    if (ifi == null && members.isEmpty()) {
      throw Rules.fail(
          "member", "anonymous-group-has-members", "an anonymous Group lists its members", SECTION);
    }
  }

  public static Group identified(String name, Ifi ifi, List<Agent> members) {
    return new Group(name, Rules.required(ifi, "ifi", SECTION), members);
  }

  public static Group anonymous(List<Agent> members) {
    return new Group(null, null, members);
  }

  @Override
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<Ifi> identifier() {
    return Optional.ofNullable(ifi);
  }

  @Override
  public String objectType() {
    return "Group";
  }
}
