package vn.hocso.xapi.statements.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys under which identifiers are indexed: a SHA-256 of an IRI, or of an agent's inverse
 * functional identifier (xAPI 2.0 Part 2 §2.4.2.3), so any length fits one index column.
 */
public final class IndexKeys {

  private IndexKeys() {}

  public static String ofIri(String iri) {
    return sha256("iri\n" + iri);
  }

  /** The key of an Agent or identified Group; empty for an anonymous Group. */
  public static Optional<String> ofAgent(JsonObject agent) {
    if (agent.get("mbox") instanceof JsonString mbox) {
      return Optional.of(sha256("mbox\n" + mbox.getString()));
    }
    if (agent.get("mbox_sha1sum") instanceof JsonString sum) {
      return Optional.of(sha256("mbox_sha1sum\n" + sum.getString().toLowerCase(Locale.ROOT)));
    }
    if (agent.get("openid") instanceof JsonString openid) {
      return Optional.of(sha256("openid\n" + openid.getString()));
    }
    if (agent.get("account") instanceof JsonObject account
        && account.get("homePage") instanceof JsonString homePage
        && account.get("name") instanceof JsonString name) {
      return Optional.of(sha256("account\n" + homePage.getString() + "\n" + name.getString()));
    }
    return Optional.empty();
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
