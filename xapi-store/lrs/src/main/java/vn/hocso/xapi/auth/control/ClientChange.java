package vn.hocso.xapi.auth.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.version.XapiVersion;

/**
 * What credential management asks of a client, read from a JSON body {@code {"scopes": [...],
 * "secret": "...", "xapiVersion": "1.0.3"}} and checked: known scopes only, at least one, a secret
 * long enough to resist guessing, and the xAPI version the client's content speaks (1.0.x or 2.0.x;
 * absent keeps what the client had, 2.0.0 for a new one). Also makes new keys and secrets.
 */
public record ClientChange(
    Set<Scope> scopes, Optional<String> secret, Optional<XapiVersion> speaks) {

  /** Long enough that guessing over HTTP is hopeless; generated secrets are longer. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{1,190}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public ClientChange {
    scopes = Set.copyOf(scopes);
  }

  public ClientChange(Set<Scope> scopes, Optional<String> secret) {
    this(scopes, secret, Optional.empty());
  }

  /** Reads a body; a missing secret is allowed here, the caller decides whether it needs one. */
  public static ClientChange read(JsonValue body) {
    if (!(body instanceof JsonObject object)) {
      throw new InvalidRequestException(
          null, "client-body-object", "The body must be a JSON object with \"scopes\"");
    }
    for (var name : object.keySet()) {
      if (!name.equals("scopes") && !name.equals("secret") && !name.equals("xapiVersion")) {
        throw new InvalidRequestException(
            name,
            "client-unknown-property",
            "Unknown property " + name + ": use scopes, secret, xapiVersion");
      }
    }
    return new ClientChange(
        scopes(object.get("scopes")),
        secret(object.get("secret")),
        speaks(object.get("xapiVersion")));
  }

  private static Optional<XapiVersion> speaks(JsonValue value) {
    if (value == null) {
      return Optional.empty();
    }
    var named = value instanceof JsonString text ? XapiVersion.named(text.getString()) : null;
    if (named == null || named.isEmpty()) {
      throw new InvalidRequestException(
          "xapiVersion",
          "client-xapi-version",
          "xapiVersion must be the xAPI version the client speaks: \"1.0.3\" or \"2.0.0\"");
    }
    return named;
  }

  private static Set<Scope> scopes(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException(
          "scopes",
          "client-scopes-array",
          "scopes must be an array of scope names, e.g. [\"statements/write\"]");
    }
    var scopes = EnumSet.noneOf(Scope.class);
    var array = value.asJsonArray();
    for (var index = 0; index < array.size(); index++) {
      if (!(array.get(index) instanceof JsonString text)) {
        throw new InvalidRequestException(
            "scopes[" + index + "]", "client-scope-string", "Each scope must be a string");
      }
      try {
        scopes.add(Scope.parse(text.getString()));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "scopes[" + index + "]",
            "client-scope-known",
            "Unknown scope "
                + text.getString()
                + " (xAPI 2.0 Part 3 §4.2 defines statements/write, statements/read,"
                + " statements/read/mine, all/read, all, state, define, profile; ours is"
                + " hocso/clients)");
      }
    }
    if (scopes.isEmpty()) {
      throw new InvalidRequestException(
          "scopes", "client-scopes-empty", "A client needs at least one scope");
    }
    return scopes;
  }

  private static Optional<String> secret(JsonValue value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString text)) {
      throw new InvalidRequestException(
          "secret", "client-secret-string", "secret must be a string");
    }
    if (text.getString().length() < MIN_SECRET_LENGTH) {
      throw new InvalidRequestException(
          "secret",
          "client-secret-length",
          "secret must be at least " + MIN_SECRET_LENGTH + " characters long");
    }
    return Optional.of(text.getString());
  }

  /** Checks a key chosen by the caller: it goes into URLs and HTTP Basic, so no colon or space. */
  public static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidRequestException(
          "key",
          "client-key-format",
          "A client key is 1 to 190 characters of letters, digits and . _ ~ -");
    }
    return key;
  }

  /** A fresh key nobody chose: 96 random bits. */
  public static String newKey() {
    var bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "client-" + HexFormat.of().formatHex(bytes);
  }

  /** A fresh secret: 256 random bits. */
  public static String newSecret() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
