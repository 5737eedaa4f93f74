package vn.hocso.xapi.client.model;

import java.util.UUID;

/** A pointer to another statement by id (xAPI 2.0 Part 2 §2.4.4.3). */
public record StatementRef(UUID id) implements StatementObject {

  public StatementRef {
    Rules.required(id, "id", "xAPI 2.0 Part 2 §2.4.4.3");
  }

  public static StatementRef to(UUID id) {
    return new StatementRef(id);
  }

  @Override
  public String objectType() {
    return "StatementRef";
  }
}
