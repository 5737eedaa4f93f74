package vn.hocso.xapi.client.model;

import java.util.Optional;

/** Who did it: an Agent or a Group (xAPI 2.0 Part 2 §2.4.2). */
public sealed interface Actor extends StatementObject permits Agent, Group {

  /** The display name; not an identifier. */
  Optional<String> displayName();

  /** The identifier; empty only for an anonymous Group. */
  Optional<Ifi> identifier();
}
