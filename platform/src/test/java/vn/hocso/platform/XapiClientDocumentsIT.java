package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.Document;
import vn.hocso.xapi.client.DocumentAddress;
import vn.hocso.xapi.client.Precondition;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.XapiConflictException;
import vn.hocso.xapi.client.XapiPreconditionFailedException;
import vn.hocso.xapi.client.model.Agent;

/**
 * Our xAPI client's document calls against the platform's real LRS: state and profiles round-trip
 * with ETags, and the concurrency rules come back as typed exceptions.
 */
class XapiClientDocumentsIT {

  static final String LESSON = "https://hocso.vn/xapi/activities/khoa-hoc/an-toan-mang/bai-1";

  static XapiClient lrs;

  @BeforeAll
  static void platform() throws Exception {
    var platform = SharedPlatform.get();
    lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(10))
            .build();
  }

  static Agent learner() {
    return Agent.account("https://hocso.vn", "p-" + UUID.randomUUID());
  }

  @Test
  void stateRoundTripsWithAnEtagThatGuardsTheNextWrite() {
    var address = DocumentAddress.state(LESSON, learner(), UUID.randomUUID(), "resume");
    var first = Json.createObjectBuilder().add("vị trí", 3).build();

    lrs.putDocument(address, Document.json(first), Precondition.ifNoneMatch());
    var read = lrs.getDocument(address).orElseThrow();
    lrs.putDocument(
        address,
        Document.json(Json.createObjectBuilder().add("vị trí", 4).build()),
        Precondition.ifMatch(read.etag().orElseThrow()));

    assertThat(read.asJson()).isEqualTo(first);
    assertThat(read.contentType()).startsWith("application/json");
    assertThat(read.lastModified()).isPresent();
    assertThat(lrs.getDocument(address).orElseThrow().asJson().getInt("vị trí")).isEqualTo(4);
    assertThatThrownBy(
            () ->
                lrs.putDocument(
                    address,
                    Document.json(Json.createObjectBuilder().add("vị trí", 5).build()),
                    Precondition.ifMatch(read.etag().orElseThrow())))
        .isInstanceOf(XapiPreconditionFailedException.class);
    assertThatThrownBy(
            () ->
                lrs.putDocument(
                    address,
                    Document.json(Json.createObjectBuilder().build()),
                    Precondition.ifNoneMatch()))
        .isInstanceOf(XapiPreconditionFailedException.class);
  }

  @Test
  void postMergesJsonAndDeleteRemoves() {
    var address = DocumentAddress.state(LESSON, learner(), null, "bookmarks");

    lrs.postDocument(address, Json.createObjectBuilder().add("a", 1).build(), Precondition.none());
    lrs.postDocument(address, Json.createObjectBuilder().add("b", 2).build(), Precondition.none());
    var merged = lrs.getDocument(address).orElseThrow().asJson();
    lrs.deleteDocument(address, Precondition.none());

    assertThat(merged).isEqualTo(Json.createObjectBuilder().add("a", 1).add("b", 2).build());
    assertThat(lrs.getDocument(address)).isEmpty();
  }

  @Test
  void profilesListTheirIdsAndRefuseAnUnconditionalOverwrite() {
    var agent = learner();
    var before = Instant.now().minusSeconds(60);
    var settings = DocumentAddress.agentProfile(agent, "settings");
    var binary = Document.of("PDF…".getBytes(StandardCharsets.UTF_8), "application/pdf");

    lrs.putDocument(settings, binary, Precondition.none());
    lrs.putDocument(
        DocumentAddress.agentProfile(agent, "avatar"), binary, Precondition.ifNoneMatch());
    var ids = lrs.documentIds(DocumentAddress.agentProfile(agent, null), before);
    var stored = lrs.getDocument(settings).orElseThrow();

    assertThat(ids).containsExactlyInAnyOrder("settings", "avatar");
    assertThat(stored.content()).isEqualTo(binary.content());
    assertThat(stored.contentType()).startsWith("application/pdf");
    assertThatThrownBy(() -> lrs.putDocument(settings, binary, Precondition.none()))
        .isInstanceOf(XapiConflictException.class);
    var activityProfile = DocumentAddress.activityProfile(LESSON, "p-" + UUID.randomUUID());
    lrs.putDocument(activityProfile, binary, Precondition.ifNoneMatch());
    assertThat(lrs.getDocument(activityProfile)).isPresent();
  }
}
