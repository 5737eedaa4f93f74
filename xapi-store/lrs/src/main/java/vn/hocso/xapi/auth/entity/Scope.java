package vn.hocso.xapi.auth.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The scopes of xAPI 2.0 Part 3 §4.2 (1.0.3 §6.4.2), plus one of our own: {@code hocso/clients}
 * lets a client manage the other clients (1.0.3 §6.4.2: "The LRS MAY accept other scopes"). No xAPI
 * resource honours it, so it grants nothing on statements or documents.
 */
public enum Scope {
  STATEMENTS_WRITE("statements/write"),
  STATEMENTS_READ("statements/read"),
  STATEMENTS_READ_MINE("statements/read/mine"),
  ALL_READ("all/read"),
  ALL("all"),
  STATE("state"),
  DEFINE("define"),
  PROFILE("profile"),
  MANAGE_CLIENTS("hocso/clients");

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Scope parse(String text) {
    for (var scope : values()) {
      if (scope.text.equals(text)) {
        return scope;
      }
    }
    throw new IllegalArgumentException("Unknown xAPI scope: " + text);
  }

  /** Parses a space-separated list, as stored and as OAuth writes scopes. */
  public static Set<Scope> parseAll(String spaceSeparated) {
    var scopes = EnumSet.noneOf(Scope.class);
    for (var part : spaceSeparated.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        scopes.add(parse(part));
      }
    }
    return scopes;
  }
}
