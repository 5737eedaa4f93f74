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
    var known = IRI_KEYS.get(iri);
    if (known != null) {
      return known;
    }
    var key = sha256("iri\n" + iri);
    if (iri.length() > IRI_LENGTH_REMEMBERED) {
      return key; // a client's long IRIs must not fill the heap: 10,000 × a 1 MB body each
    }
    if (IRI_KEYS.size() >= IRI_KEYS_REMEMBERED) {
      IRI_KEYS.clear(); // bounded: a store with many activities just hashes again
    }
    IRI_KEYS.put(iri, key);
    return key;
  }

  /**
   * Keys of recent IRIs: verbs and course activities repeat in nearly every statement, and the hash
   * was 5 % of the POST path's allocation in the ingest benchmark's profile.
   */
  private static final int IRI_KEYS_REMEMBERED = 10_000;

  /** Only IRIs up to this length are remembered (verbs and activity ids are far shorter). */
  static final int IRI_LENGTH_REMEMBERED = 512;

  /** How many keys are remembered now, for tests. */
  static int remembered() {
    return IRI_KEYS.size();
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String> IRI_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** MessageDigest.getInstance looks the provider up at each call; one digest per thread. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every Java", e);
            }
          });

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
    // digest() resets the digest, so the thread's next call starts afresh
    return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
