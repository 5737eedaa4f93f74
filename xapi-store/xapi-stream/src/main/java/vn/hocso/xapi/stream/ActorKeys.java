package vn.hocso.xapi.stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The actor key of a statement on the stream, the same on every transport: the SHA-256 (64 hex
 * characters) of the actor's inverse functional identifier (xAPI 2.0 Part 2 §2.4.2.3), so any
 * identifier fits a Kafka key and a database column, and no e-mail address is readable in it.
 */
public final class ActorKeys {

  private ActorKeys() {}

  /**
   * The key of the statement's actor. An anonymous Group has no identifier: its key is made from
   * its members' (so the same members keep their order), or, without identified members, from the
   * statement id.
   *
   * @param statement a statement as stored, with {@code id} and {@code actor}
   */
  public static String of(JsonObject statement) {
    var actor = statement.getJsonObject("actor");
    var identified = ofAgent(actor);
    if (identified.isPresent()) {
      return identified.get();
    }
    var members = new TreeSet<String>();
    if (actor.get("member") instanceof JsonArray list) {
      for (var member : list) {
        if (member instanceof JsonObject agent) {
          ofAgent(agent).ifPresent(members::add);
        }
      }
    }
    return members.isEmpty()
        ? sha256("statement\n" + statement.getString("id").toLowerCase(Locale.ROOT))
        : sha256("group\n" + String.join("\n", members));
  }

  /** The key of an Agent or identified Group; empty for an anonymous Group. */
  static Optional<String> ofAgent(JsonObject agent) {
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

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
