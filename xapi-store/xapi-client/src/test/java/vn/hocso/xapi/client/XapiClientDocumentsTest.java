package vn.hocso.xapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.model.Agent;

/** State and profile documents with ETags (xAPI 2.0 Part 3 §2.3–2.6, §3) against a scripted LRS. */
class XapiClientDocumentsTest {

  static final Agent LAN = Agent.account("https://hocso.vn", "p-1234");
  static final String LESSON = "https://hocso.vn/xapi/activities/bai-1";

  FakeLrs lrs;
  XapiClient client;

  @BeforeEach
  void start() throws IOException {
    lrs = new FakeLrs();
    client =
        XapiClient.builder(lrs.endpoint())
            .basicAuth("k", "s")
            .timeout(Duration.ofSeconds(2))
            .retryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO))
            .build();
  }

  @AfterEach
  void stop() {
    lrs.close();
  }

  @Test
  void getReturnsContentTypeEtagAndLastModified() {
    var registration = UUID.randomUUID();
    lrs.answer(
        200,
        Map.of(
            "Content-Type", "application/json",
            "ETag", "\"e1\"",
            "Last-Modified", "Sat, 28 Nov 2026 01:02:03 GMT"),
        "{\"position\":3}");

    var document =
        client
            .getDocument(DocumentAddress.state(LESSON, LAN, registration, "resume"))
            .orElseThrow();

    assertThat(document.asJson().getInt("position")).isEqualTo(3);
    assertThat(document.etag()).contains("\"e1\"");
    assertThat(document.contentType()).isEqualTo("application/json");
    assertThat(document.lastModified()).contains(Instant.parse("2026-11-28T01:02:03Z"));
    var request = lrs.last();
    assertThat(request.uri().getPath()).isEqualTo("/xapi/activities/state");
    assertThat(request.query())
        .isEqualTo(
            "activityId="
                + LESSON
                + "&agent={\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\","
                + "\"name\":\"p-1234\"}}&registration="
                + registration
                + "&stateId=resume");
  }

  @Test
  void aMissingDocumentIsEmpty() {
    lrs.answer(404, "{\"error\":\"none\"}");

    assertThat(client.getDocument(DocumentAddress.activityProfile(LESSON, "p"))).isEmpty();
  }

  @Test
  void putSendsIfMatchAndReturnsTheNewEtag() {
    lrs.answer(204, Map.of("ETag", "\"e2\""), "");

    var etag =
        client.putDocument(
            DocumentAddress.agentProfile(LAN, "settings"),
            Document.json(Json.createObjectBuilder().add("ngôn ngữ", "vi").build()),
            Precondition.ifMatch("\"e1\""));

    assertThat(etag).contains("\"e2\"");
    var request = lrs.last();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.uri().getPath()).isEqualTo("/xapi/agents/profile");
    assertThat(request.header("If-Match")).isEqualTo("\"e1\"");
    assertThat(request.header("If-None-Match")).isNull();
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{\"ngôn ngữ\":\"vi\"}");
  }

  @Test
  void ifMatchQuotesABareEtag() {
    assertThat(Precondition.ifMatch("abc").value()).isEqualTo("\"abc\"");
    assertThat(Precondition.ifMatch("W/\"abc\"").value()).isEqualTo("W/\"abc\"");
    assertThat(Precondition.ifNoneMatch().value()).isEqualTo("*");
  }

  @Test
  void aChangedDocumentIsAPreconditionFailure() {
    lrs.answer(
        412,
        "{\"error\":\"The document changed\",\"field\":\"If-Match\",\"rule\":\"etag-matches\"}");

    assertThatThrownBy(
            () ->
                client.putDocument(
                    DocumentAddress.activityProfile(LESSON, "p"),
                    Document.of(new byte[] {1, 2}, "application/octet-stream"),
                    Precondition.ifMatch("\"old\"")))
        .isInstanceOfSatisfying(
            XapiPreconditionFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(412);
              assertThat(e.field()).contains("If-Match");
              assertThat(e.retryable()).isFalse();
            });
    assertThat(lrs.requests).hasSize(1);
  }

  @Test
  void anUnconditionalWriteOverAnExistingDocumentIsAConflict() {
    lrs.answer(409, "{\"error\":\"Give If-Match or If-None-Match\"}");

    assertThatThrownBy(
            () ->
                client.putDocument(
                    DocumentAddress.activityProfile(LESSON, "p"),
                    Document.json(Json.createObjectBuilder().build()),
                    Precondition.none()))
        .isInstanceOf(XapiConflictException.class);
    assertThat(lrs.last().header("If-Match")).isNull();
  }

  @Test
  void postMergesJsonWithIfNoneMatch() {
    lrs.answer(204, Map.of(), "");

    client.postDocument(
        DocumentAddress.state(LESSON, LAN, null, "resume"),
        Json.createObjectBuilder().add("position", 4).build(),
        Precondition.ifNoneMatch());

    assertThat(lrs.last().method()).isEqualTo("POST");
    assertThat(lrs.last().header("If-None-Match")).isEqualTo("*");
    assertThat(lrs.last().query()).doesNotContain("registration");
  }

  @Test
  void deleteOfAMissingDocumentSucceeds() {
    lrs.answer(404, "{}");

    client.deleteDocument(DocumentAddress.activityProfile(LESSON, "p"), Precondition.none());

    assertThat(lrs.last().method()).isEqualTo("DELETE");
  }

  @Test
  void listsTheIdsOfACollectionSinceAnInstant() {
    lrs.answer(200, "[\"resume\",\"bookmarks\"]");

    var ids =
        client.documentIds(
            DocumentAddress.state(LESSON, LAN, null, null), Instant.parse("2026-11-01T00:00:00Z"));

    assertThat(ids).containsExactly("resume", "bookmarks");
    assertThat(lrs.last().query())
        .endsWith("&since=2026-11-01T00:00:00.000000Z")
        .doesNotContain("stateId");
  }

  @Test
  void singleAndCollectionAddressesAreNotMixedUp() {
    assertThatThrownBy(() -> client.getDocument(DocumentAddress.agentProfile(LAN, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.documentIds(DocumentAddress.agentProfile(LAN, "x"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void documentsAreEqualByContent() {
    assertThat(Document.of(new byte[] {1}, "a/b")).isEqualTo(Document.of(new byte[] {1}, "a/b"));
    assertThat(Document.of(new byte[] {1}, "a/b")).isNotEqualTo(Document.of(new byte[] {2}, "a/b"));
    assertThat(List.of(Document.of(new byte[] {1}, "a/b")).get(0).content()).containsExactly(1);
  }
}
