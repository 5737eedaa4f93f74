package vn.hocso.xapi.client.model;

import java.util.Optional;

/**
 * One person or system (xAPI 2.0 Part 2 §2.4.2.1), identified by exactly one {@link Ifi}.
 *
 * @param name the display name, or null
 * @param ifi the identifier, required
 */
public record Agent(String name, Ifi ifi) implements Actor {

  public Agent {
    Rules.required(ifi, "ifi", Rules.IFI);
  }

  /** An agent known by an account, as Học Số identifies learners (opaque account name). */
  public static Agent account(String homePage, String accountName) {
    return new Agent(null, Ifi.account(homePage, accountName));
  }

  /** An agent known by e-mail; {@code mailto:} is added when missing. */
  public static Agent mbox(String email) {
    return new Agent(null, Ifi.mbox(email.startsWith("mailto:") ? email : "mailto:" + email));
  }

  /** This agent with a display name. */
  public Agent named(String displayName) {
    return new Agent(displayName, ifi);
  }

  @Override
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<Ifi> identifier() {
    return Optional.of(ifi);
  }

  @Override
  public String objectType() {
    return "Agent";
  }
}
