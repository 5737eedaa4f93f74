package vn.hocso.xapi.validation;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.hocso.xapi.platform.Json;

/**
 * Checks a Signed Statement (xAPI 2.0 Part 2 §2.6; 1.0.3 §4.4): its signature attachment holds a
 * JWS in compact serialization (RFC 7515) signed with RS256, RS384 or RS512 whose payload is the
 * statement as it was before the signature was added. When the JWS header carries an X.509 chain
 * ({@code x5c}), the signature is verified with the first certificate's key and each certificate
 * with the next one's. Without {@code x5c} there is no key to verify with: the LRS then checks the
 * form, the algorithm and the payload only, as the specification requires.
 */
public final class StatementSignature {

  /** The usageType of a signature attachment (xAPI 2.0 Part 2 §2.6). */
  public static final String USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature";

  /** The contentType a signature attachment must have (xAPI 2.0 Part 2 §2.6). */
  public static final String CONTENT_TYPE = "application/octet-stream";

  private static final String SECTION = "xAPI 2.0 Part 2 §2.6";

  private static final Map<String, String> ALGORITHMS =
      Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

  /** Seconds of an ISO 8601 duration with more than two decimals. */
  private static final Pattern SECONDS = Pattern.compile("(\\d+)\\.(\\d+)S");

  private StatementSignature() {}

  /** Whether an attachment object is a signature. */
  public static boolean isSignature(JsonObject attachment) {
    return attachment.get("usageType") instanceof JsonString usage
        && USAGE_TYPE.equals(usage.getString());
  }

  /**
   * Refuses a statement whose signature is malformed, uses another algorithm, does not verify or
   * does not sign this statement.
   *
   * @param field where the signature attachment is ({@code attachments[0]})
   * @param jws the bytes of the signature attachment
   */
  public static void verify(JsonObject statement, String field, byte[] jws) {
    var compact = new String(jws, StandardCharsets.US_ASCII).trim();
    var pieces = compact.split("\\.", -1);
    if (pieces.length != 3 || pieces[0].isEmpty() || pieces[1].isEmpty() || pieces[2].isEmpty()) {
      throw invalid(field, "jws-compact", "is not a JWS in compact serialization (RFC 7515 §7.1)");
    }
    var header = json(pieces[0], field, "header");
    var alg = header.get("alg") instanceof JsonString name ? name.getString() : "";
    var javaAlgorithm = ALGORITHMS.get(alg);
    if (javaAlgorithm == null) {
      throw invalid(
          field,
          "jws-algorithm",
          "uses algorithm \"" + alg + "\"; RS256, RS384 or RS512 is required");
    }
    var payload = json(pieces[1], field, "payload");
    if (header.containsKey("x5c")) {
      verifyWithCertificates(header.get("x5c"), javaAlgorithm, compact, pieces[2], field);
    }
    if (!comparable(payload).equals(comparable(withoutSignatures(statement, payload)))) {
      throw invalid(field, "jws-payload-matches", "signs a payload that is not this statement");
    }
  }

  private static JsonObject json(String base64Url, String field, String what) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(field, "jws-compact", "has a " + what + " that is not base64url");
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw invalid(field, "jws-" + what + "-json", "has a " + what + " that is not a JSON object");
    }
  }

  private static void verifyWithCertificates(
      JsonValue x5c, String javaAlgorithm, String compact, String signature, String field) {
    if (!(x5c instanceof JsonArray chain) || chain.isEmpty()) {
      throw invalid(field, "jws-x5c", "has an x5c header that is not a list of certificates");
    }
    try {
      var factory = CertificateFactory.getInstance("X.509");
      var certificates = new ArrayList<X509Certificate>();
      for (var entry : chain) {
        var der = Base64.getDecoder().decode(((JsonString) entry).getString());
        certificates.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
      for (int i = 0; i + 1 < certificates.size(); i++) {
        certificates.get(i).verify(certificates.get(i + 1).getPublicKey());
      }
      var verifier = Signature.getInstance(javaAlgorithm);
      verifier.initVerify(certificates.get(0).getPublicKey());
      verifier.update(
          compact.substring(0, compact.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(Base64.getUrlDecoder().decode(signature))) {
        throw invalid(field, "jws-verifies", "does not verify with the key of its certificate");
      }
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      throw invalid(field, "jws-x5c", "has an x5c chain that does not verify: " + e.getMessage());
    }
  }

  /**
   * The statement as it was before it was signed: without signature attachments, and without what
   * the signer may have left to the LRS (id, timestamp, version) when the payload lacks them.
   */
  private static JsonObject withoutSignatures(JsonObject statement, JsonObject payload) {
    var result = Json.createObjectBuilder(statement);
    if (statement.get("attachments") instanceof JsonArray attachments) {
      var others = Json.createArrayBuilder();
      var kept = 0;
      for (var attachment : attachments) {
        if (!isSignature(attachment.asJsonObject())) {
          others.add(attachment);
          kept++;
        }
      }
      if (kept == 0) {
        result.remove("attachments");
      } else {
        result.add("attachments", others);
      }
    }
    for (var settable : new String[] {"id", "timestamp", "version"}) {
      if (!payload.containsKey(settable)) {
        result.remove(settable);
      }
    }
    return result.build();
  }

  /**
   * What the comparison looks at (xAPI 2.0 Part 2 §2.3.1 and §4.2.7): not what the LRS sets
   * (authority, stored), ids in lower case, durations to 0.01 s.
   */
  private static JsonObject comparable(JsonObject statement) {
    var result = Json.createObjectBuilder(statement).remove("authority").remove("stored");
    if (statement.get("id") instanceof JsonString id) {
      result.add("id", id.getString().toLowerCase(Locale.ROOT));
    }
    if (statement.get("result") instanceof JsonObject outcome
        && outcome.get("duration") instanceof JsonString duration) {
      result.add(
          "result",
          Json.createObjectBuilder(outcome).add("duration", hundredths(duration.getString())));
    }
    if (statement.get("object") instanceof JsonObject object
        && "SubStatement".equals(object.getString("objectType", ""))) {
      result.add("object", comparable(object));
    }
    return result.build();
  }

  /** A duration with its seconds cut to hundredths, without trailing zeros. */
  static String hundredths(String duration) {
    var matcher = SECONDS.matcher(duration);
    if (!matcher.find()) {
      return duration;
    }
    var fraction = matcher.group(2);
    fraction = fraction.substring(0, Math.min(2, fraction.length())).replaceAll("0+$", "");
    var seconds = matcher.group(1) + (fraction.isEmpty() ? "" : "." + fraction) + "S";
    return duration.substring(0, matcher.start()) + seconds + duration.substring(matcher.end());
  }

  private static InvalidStatementException invalid(String field, String rule, String detail) {
    return new InvalidStatementException(field, rule, "the signature " + detail, SECTION);
  }
}
