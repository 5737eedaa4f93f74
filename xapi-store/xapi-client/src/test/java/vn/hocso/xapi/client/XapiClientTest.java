package vn.hocso.xapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verbs;

/** The transport against a scripted LRS: requests, error mapping, retries, paging. */
class XapiClientTest {

  static final Agent LAN = Agent.account("https://hocso.vn", "p-1234");

  FakeLrs lrs;
  final List<Duration> waits = new ArrayList<>();
  XapiClient client;

  @BeforeEach
  void start() throws IOException {
    lrs = new FakeLrs();
    client = client(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() {
    lrs.close();
  }

  XapiClient client(RetryPolicy retry) {
    return XapiClient.builder(lrs.endpoint())
        .basicAuth("hocso-lms", "bí mật")
        .timeout(Duration.ofSeconds(2))
        .retryPolicy(retry)
        .sleeper(waits::add)
        .build();
  }

  static Statement statement(String lesson) {
    return Statement.builder()
        .actor(LAN)
        .verb(Verbs.COMPLETED)
        .object(Activity.of("https://hocso.vn/xapi/activities/" + lesson))
        .build();
  }

  static String json(Statement statement) {
    return statement.toJsonString();
  }

  // --- requests ------------------------------------------------------------------------------

  @Test
  void postSendsTheBatchWithIdsVersionAndBasicAuth() {
    var given = statement("bai-1").toBuilder().newId().build();
    var made = statement("bai-2");
    lrs.answer(200, "[\"" + given.id() + "\",\"00000000-0000-4000-8000-000000000002\"]");

    var ids = client.postStatements(List.of(given, made));

    var request = lrs.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri().getPath()).isEqualTo("/xapi/statements");
    assertThat(request.header("X-Experience-API-Version")).isEqualTo("2.0.0");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("hocso-lms:bí mật".getBytes(StandardCharsets.UTF_8)));
    var sent = Json.createReader(new java.io.StringReader(request.body())).readArray();
    assertThat(sent).hasSize(2);
    assertThat(sent.getJsonObject(0).getString("id")).isEqualTo(given.id().toString());
    assertThat(sent.getJsonObject(1).getString("id")).matches("[0-9a-f-]{36}");
    assertThat(ids).hasSize(2).startsWith(given.id());
  }

  @Test
  void putSendsTheStatementUnderItsId() {
    lrs.answer(204, Map.of(), "");
    var statement = statement("bai-1").toBuilder().newId().build();

    var id = client.putStatement(statement);

    assertThat(id).isEqualTo(statement.id());
    assertThat(lrs.last().method()).isEqualTo("PUT");
    assertThat(lrs.last().query()).isEqualTo("statementId=" + id);
    assertThat(Statement.parse(lrs.last().body())).isEqualTo(statement);
  }

  @Test
  void getReadsOneStatementAndAnUnknownIdIsEmpty() {
    var statement = statement("bai-1").toBuilder().newId().build();
    lrs.answer(200, json(statement)).answer(404, "{\"error\":\"No statement\"}");

    assertThat(client.getStatement(statement.id())).contains(statement);
    assertThat(client.getVoidedStatement(statement.id())).isEmpty();
    assertThat(lrs.last().query()).isEqualTo("voidedStatementId=" + statement.id());
  }

  @Test
  void queryEncodesTheFiltersAndReadsThePage() {
    var registration = UUID.randomUUID();
    var statement = statement("bai-1").toBuilder().newId().build();
    lrs.answer(
        200,
        Map.of(
            "Content-Type",
            "application/json",
            "X-Experience-API-Consistent-Through",
            "2026-11-28T01:02:03.123456Z"),
        "{\"statements\":[" + json(statement) + "],\"more\":\"/xapi/statements?more=abc\"}");

    var page =
        client.queryStatements(
            StatementQuery.builder()
                .agent(LAN)
                .verb(Verbs.COMPLETED)
                .activity("https://hocso.vn/xapi/activities/bai 1")
                .registration(registration)
                .since(Instant.parse("2026-01-01T00:00:00Z"))
                .limit(10)
                .ascending(true)
                .format(StatementQuery.Format.EXACT)
                .build());

    assertThat(page.statements()).containsExactly(statement);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.consistentThrough()).isEqualTo(Instant.parse("2026-11-28T01:02:03.123456Z"));
    var raw = lrs.last().uri().getRawQuery();
    assertThat(raw).doesNotContain("+").doesNotContain(" ");
    assertThat(lrs.last().query())
        .contains("activity=https://hocso.vn/xapi/activities/bai 1")
        .contains(
            "agent={\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\",\"name\":\"p-1234\"}}")
        .contains("ascending=true")
        .contains("format=exact")
        .contains("limit=10")
        .contains("registration=" + registration)
        .contains("since=2026-01-01T00:00:00.000000Z")
        .contains("verb=http://adlnet.gov/expapi/verbs/completed");
  }

  @Test
  void streamFollowsMoreAcrossPages() {
    var a = statement("a").toBuilder().newId().build();
    var b = statement("b").toBuilder().newId().build();
    var c = statement("c").toBuilder().newId().build();
    lrs.answer(200, "{\"statements\":[" + json(a) + "],\"more\":\"/xapi/statements?more=p2\"}")
        .answer(200, "{\"statements\":[],\"more\":\"/xapi/statements?more=p3\"}")
        .answer(200, "{\"statements\":[" + json(b) + "," + json(c) + "],\"more\":\"\"}");

    var all = client.streamStatements(StatementQuery.builder().limit(1).build()).toList();

    assertThat(all).containsExactly(a, b, c);
    assertThat(lrs.requests).hasSize(3);
    assertThat(lrs.requests.get(1).uri().toString()).isEqualTo("/xapi/statements?more=p2");
    assertThat(lrs.requests.get(2).uri().toString()).isEqualTo("/xapi/statements?more=p3");
  }

  @Test
  void streamFetchesOnlyThePagesThatAreRead() {
    var a = statement("a").toBuilder().newId().build();
    lrs.answer(200, "{\"statements\":[" + json(a) + "],\"more\":\"/xapi/statements?more=p2\"}");

    var first = client.streamStatements(StatementQuery.builder().build()).findFirst();

    assertThat(first).contains(a);
    assertThat(lrs.requests).hasSize(1);
  }

  @Test
  void nextPageOfTheLastPageIsAnError() {
    assertThatThrownBy(() -> client.nextPage(new StatementPage(List.of(), "")))
        .isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void aboutStillWorksWithTheTwoArgumentConstructor() {
    lrs.answer(200, "{\"version\":[\"2.0.0\",\"1.0.3\"]}");

    var about = new XapiClient(lrs.endpoint(), Duration.ofSeconds(2)).about();

    assertThat(about.speaks("1.0.3")).isTrue();
    assertThat(lrs.last().uri().getPath()).isEqualTo("/xapi/about");
    assertThat(lrs.last().header("Authorization")).isNull();
  }

  @Test
  void endpointWithoutTrailingSlashIsCompleted() {
    var bare = URI.create(lrs.endpoint().toString().replaceAll("/$", ""));
    lrs.answer(200, "{\"version\":[\"2.0.0\"]}");

    new XapiClient(bare, Duration.ofSeconds(2)).about();

    assertThat(lrs.last().uri().getPath()).isEqualTo("/xapi/about");
  }

  @Test
  void readsTheCanonicalActivityAndThePerson() {
    lrs.answer(
            200,
            "{\"objectType\":\"Activity\",\"id\":\"https://hocso.vn/a\","
                + "\"definition\":{\"name\":{\"vi\":\"Bài 1\"}}}")
        .answer(
            200,
            "{\"objectType\":\"Person\",\"name\":[\"Lan\",\"Nguyễn Thị Lan\"],"
                + "\"mbox\":[\"mailto:lan@hocso.vn\"],"
                + "\"account\":[{\"homePage\":\"https://hocso.vn\",\"name\":\"p-1234\"}]}");

    var activity = client.getActivity("https://hocso.vn/a");
    var person = client.getPerson(LAN);

    assertThat(activity.definition().name().get("vi")).contains("Bài 1");
    assertThat(lrs.requests.get(0).query()).isEqualTo("activityId=https://hocso.vn/a");
    assertThat(person.names()).containsExactly("Lan", "Nguyễn Thị Lan");
    assertThat(person.identifiers())
        .containsExactly(
            vn.hocso.xapi.client.model.Ifi.mbox("mailto:lan@hocso.vn"),
            vn.hocso.xapi.client.model.Ifi.account("https://hocso.vn", "p-1234"));
    assertThat(lrs.last().uri().getPath()).isEqualTo("/xapi/agents");
  }

  // --- errors --------------------------------------------------------------------------------

  @Test
  void aRejectedStatementCarriesTheLrsMessageFieldAndRuleAndIsNotRetried() {
    lrs.answer(
        400,
        "{\"error\":\"actor.mbox: must be a mailto IRI (xAPI 2.0 Part 2 §2.4.2.3)\","
            + "\"field\":\"actor.mbox\",\"rule\":\"mbox-is-mailto-iri\"}");

    assertThatThrownBy(() -> client.postStatement(statement("bai-1")))
        .isInstanceOfSatisfying(
            XapiRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error()).contains("must be a mailto IRI");
              assertThat(e.field()).contains("actor.mbox");
              assertThat(e.rule()).contains("mbox-is-mailto-iri");
              assertThat(e.retryable()).isFalse();
            });
    assertThat(lrs.requests).hasSize(1);
  }

  @Test
  void aConflictIsTypedAndNotRetried() {
    lrs.answer(
        409,
        "{\"error\":\"A different statement has this id\",\"field\":\"id\",\"rule\":\"statement-id-unique\"}");

    assertThatThrownBy(() -> client.postStatement(statement("bai-1")))
        .isInstanceOf(XapiConflictException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("A different statement has this id");
    assertThat(lrs.requests).hasSize(1);
  }

  @Test
  void aNonJsonErrorBodyIsKeptAsText() {
    lrs.answer(403, Map.of("Content-Type", "text/plain"), "Forbidden: scope statements/write");

    assertThatThrownBy(() -> client.getStatement(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            XapiAccessDeniedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.error()).isEqualTo("Forbidden: scope statements/write");
              assertThat(e.field()).isEmpty();
            });
  }

  @Test
  void retriesAStatementPostWithTheSameIdsUntilTheLrsAccepts() {
    lrs.answer(503, "{\"error\":\"database unavailable\"}")
        .answer(502, Map.of(), "")
        .answer(FakeLrs::idsOfPostedStatements);
    var statement = statement("bai-1"); // no id: the client makes one, once

    var id = client.postStatement(statement);

    assertThat(lrs.requests).hasSize(3);
    assertThat(lrs.requests.stream().map(FakeLrs.Request::body).distinct()).hasSize(1);
    assertThat(lrs.requests.get(0).body()).contains("\"id\":\"" + id + "\"");
    assertThat(waits).hasSize(2);
  }

  @Test
  void retriedPostSucceedsAndReturnsTheIdMadeBeforeTheFirstAttempt() {
    lrs.answer(500, "{\"error\":\"internal\"}");
    var statement = statement("bai-1").toBuilder().newId().build();
    lrs.answer(200, "[\"" + statement.id() + "\"]");

    var id = client.postStatement(statement);

    assertThat(id).isEqualTo(statement.id());
    assertThat(lrs.requests).hasSize(2);
  }

  @Test
  void givesUpAfterTheLastAttemptWithARetryableFailure() {
    lrs.answer(503, "{}").answer(503, "{}").answer(503, "{}").answer(200, "[]");

    assertThatThrownBy(() -> client.getStatement(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            XapiUnavailableException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.status()).hasValue(503);
            });
    assertThat(lrs.requests).hasSize(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void honoursRetryAfterUpToTheCeiling() {
    lrs.answer(429, Map.of("Retry-After", "0"), "")
        .answer(503, Map.of("Retry-After", "30"), "")
        .answer(200, "{\"version\":[\"2.0.0\"]}");

    client.about();

    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isEqualTo(Duration.ofSeconds(1)); // 30 s asked, capped at 1 s
  }

  @Test
  void aTimeoutIsUnavailable() {
    lrs.answerLate(1500, 200, "{}");
    var impatient =
        XapiClient.builder(lrs.endpoint())
            .timeout(Duration.ofMillis(300))
            .retryPolicy(RetryPolicy.none())
            .build();

    assertThatThrownBy(impatient::about)
        .isInstanceOf(XapiUnavailableException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void anLrsThatIsNotThereIsUnavailableAfterEveryAttempt() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var absent =
        XapiClient.builder(URI.create("http://127.0.0.1:" + port + "/xapi/"))
            .timeout(Duration.ofSeconds(1))
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)))
            .sleeper(waits::add)
            .build();

    assertThatThrownBy(() -> absent.postStatement(statement("bai-1")))
        .isInstanceOfSatisfying(
            XapiUnavailableException.class, e -> assertThat(e.status()).isEmpty());
    assertThat(waits).hasSize(2);
  }

  @Test
  void anUnreadableAnswerIsNeitherRejectedNorUnavailable() {
    lrs.answer(200, Map.of("Content-Type", "text/html"), "<html>proxy login</html>");

    assertThatThrownBy(() -> client.queryStatements(StatementQuery.builder().build()))
        .isExactlyInstanceOf(XapiException.class)
        .hasMessageContaining("no valid JSON");
  }

  @Test
  void anInvalidStatementFromTheLrsIsAnXapiException() {
    lrs.answer(200, "{\"statements\":[{\"actor\":{}}],\"more\":\"\"}");

    assertThatThrownBy(() -> client.queryStatements(StatementQuery.builder().build()))
        .isExactlyInstanceOf(XapiException.class)
        .hasMessageContaining("unreadable statement");
  }

  @Test
  void retryPolicyBacksOffExponentiallyWithinItsCeiling() {
    var policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(800));

    for (int i = 0; i < 50; i++) {
      assertThat(policy.delayAfter(1, null))
          .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(policy.delayAfter(2, null))
          .isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(policy.delayAfter(3, null))
          .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(policy.delayAfter(9, null))
          .isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
