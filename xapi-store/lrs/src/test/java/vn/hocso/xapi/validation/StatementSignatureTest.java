package vn.hocso.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed statements (xAPI 2.0 Part 2 §2.6): form, algorithm, payload and x5c verification. */
class StatementSignatureTest {

  static PrivateKey key;
  static PrivateKey certifiedKey;
  static Certificate certificate;

  @BeforeAll
  static void keys(@TempDir Path folder) throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair().getPrivate();
    // A real self-signed X.509 certificate, made by the JDK's keytool.
    var store = folder.resolve("signer.p12");
    var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    var process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "signer",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=Hoc So test signer",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getInputStream().readAllBytes()))
        .isZero();
    var keyStore = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(store.toFile())) {
      keyStore.load(in, "changeit".toCharArray());
    }
    certifiedKey = (PrivateKey) keyStore.getKey("signer", "changeit".toCharArray());
    certificate = keyStore.getCertificate("signer");
    Files.deleteIfExists(store);
  }

  static final JsonObject STATEMENT =
      StatementValidatorTest.json(
          """
          {"id": "9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
           "actor": {"mbox": "mailto:lan@example.vn"},
           "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
           "object": {"id": "https://hocso.vn/courses/thanh-toan"},
           "result": {"duration": "PT1M0.12S"}}
          """);

  static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] jws(String header, String payload, PrivateKey with, String javaAlgorithm)
      throws Exception {
    var input = base64Url(header) + "." + base64Url(payload);
    var signer = Signature.getInstance(javaAlgorithm);
    signer.initSign(with);
    signer.update(input.getBytes(StandardCharsets.US_ASCII));
    var signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    return (input + "." + signature).getBytes(StandardCharsets.US_ASCII);
  }

  /** The statement as sent: with its signature attachment, as the LRS receives it. */
  static JsonObject signed(JsonObject statement) {
    return Json.createObjectBuilder(statement)
        .add(
            "attachments",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("usageType", StatementSignature.USAGE_TYPE)
                        .add("display", Json.createObjectBuilder().add("en-US", "Signature"))
                        .add("contentType", StatementSignature.CONTENT_TYPE)
                        .add("length", 1)
                        .add("sha2", "0".repeat(64))))
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512"})
  void acceptsTheRsaAlgorithms(String alg) throws Exception {
    var java = "SHA" + alg.substring(2) + "withRSA";
    var jws = jws("{\"alg\":\"" + alg + "\"}", STATEMENT.toString(), key, java);

    assertThatCode(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", jws))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnotherAlgorithm() throws Exception {
    var jws = jws("{\"alg\":\"HS256\"}", STATEMENT.toString(), key, "SHA256withRSA");

    assertThatThrownBy(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", jws))
        .isInstanceOfSatisfying(
            InvalidStatementException.class,
            e -> {
              assertThat(e.rule()).isEqualTo("jws-algorithm");
              assertThat(e.field()).isEqualTo("attachments[0]");
            });
  }

  @Test
  void rejectsWhatIsNotACompactJws() {
    assertThatThrownBy(
            () ->
                StatementSignature.verify(
                    signed(STATEMENT), "attachments[0]", "not.a-jws".getBytes()))
        .hasFieldOrPropertyWithValue("rule", "jws-compact");
  }

  @Test
  void rejectsAPayloadThatIsNotJson() throws Exception {
    var jws =
        jws(
            "{\"alg\":\"RS256\"}",
            STATEMENT.toString().replaceFirst("\"", "'"),
            key,
            "SHA256withRSA");

    assertThatThrownBy(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", jws))
        .hasFieldOrPropertyWithValue("rule", "jws-payload-json");
  }

  @Test
  void rejectsAPayloadThatIsAnotherStatement() throws Exception {
    var other =
        Json.createObjectBuilder(STATEMENT)
            .add("object", Json.createObjectBuilder().add("id", "https://hocso.vn/courses/khac"))
            .build();
    var jws = jws("{\"alg\":\"RS256\"}", other.toString(), key, "SHA256withRSA");

    assertThatThrownBy(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", jws))
        .hasFieldOrPropertyWithValue("rule", "jws-payload-matches");
  }

  @Test
  void comparesDurationsToHundredthsAndIgnoresWhatTheLrsSets() throws Exception {
    var precise =
        Json.createObjectBuilder(STATEMENT)
            .add("result", Json.createObjectBuilder().add("duration", "PT1M0.1299S"))
            .add("authority", Json.createObjectBuilder().add("mbox", "mailto:lrs@hocso.vn"))
            .build();
    var jws = jws("{\"alg\":\"RS256\"}", STATEMENT.toString(), key, "SHA256withRSA");

    assertThatCode(() -> StatementSignature.verify(signed(precise), "attachments[0]", jws))
        .doesNotThrowAnyException();
    assertThat(StatementSignature.hundredths("P1DT12H36M0.1237S")).isEqualTo("P1DT12H36M0.12S");
    assertThat(StatementSignature.hundredths("PT3.10S")).isEqualTo("PT3.1S");
    assertThat(StatementSignature.hundredths("PT3.001S")).isEqualTo("PT3S");
  }

  @Test
  void verifiesTheSignatureWithTheX5cCertificate() throws Exception {
    var header =
        "{\"alg\":\"RS256\",\"x5c\":[\""
            + Base64.getEncoder().encodeToString(certificate.getEncoded())
            + "\"]}";
    var good = jws(header, STATEMENT.toString(), certifiedKey, "SHA256withRSA");
    var forged = jws(header, STATEMENT.toString(), key, "SHA256withRSA");

    assertThatCode(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", good))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> StatementSignature.verify(signed(STATEMENT), "attachments[0]", forged))
        .hasFieldOrPropertyWithValue("rule", "jws-verifies");
  }
}
