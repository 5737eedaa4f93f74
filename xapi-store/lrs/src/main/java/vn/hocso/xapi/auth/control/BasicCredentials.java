package vn.hocso.xapi.auth.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The key and secret of an HTTP Basic Authorization header (RFC 7617). */
public record BasicCredentials(String key, String secret) {

  /** Parses the header; empty when it is absent or not well-formed Basic credentials. */
  public static Optional<BasicCredentials> parse(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      var decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "BasicCredentials[key=" + key + "]"; // never the secret
  }
}
