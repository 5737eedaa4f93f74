package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.AttachmentContent;
import vn.hocso.xapi.client.StatementPage;
import vn.hocso.xapi.client.StatementQuery;
import vn.hocso.xapi.client.XapiAccessDeniedException;
import vn.hocso.xapi.client.XapiClient;
import vn.hocso.xapi.client.XapiConflictException;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.ActivityDefinition;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Context;
import vn.hocso.xapi.client.model.ContextActivities;
import vn.hocso.xapi.client.model.LanguageMap;
import vn.hocso.xapi.client.model.Result;
import vn.hocso.xapi.client.model.Score;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.StatementRef;
import vn.hocso.xapi.client.model.Verbs;

/**
 * Our xAPI client against the platform's real LRS (MariaDB): cmi5-style statements posted in a
 * batch come back equal, queries page with {@code more}, a changed statement under a known id is a
 * typed conflict.
 */
class XapiClientStatementsIT {

  static final String COURSE = "https://hocso.vn/xapi/activities/khoa-hoc/thanh-toan-dien-tu";

  static PlatformProcess platform;
  static XapiClient lrs;

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
    lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(10))
            .build();
  }

  static Agent learner() {
    return Agent.account("https://hocso.vn", "p-" + UUID.randomUUID()).named("Nguyễn Thị Lan");
  }

  /** A cmi5-style statement: opaque account, registration, course structure, session id. */
  static Statement lesson(Agent learner, UUID registration, String lesson, int minute) {
    return Statement.builder()
        .newId()
        .actor(learner)
        .verb(Verbs.COMPLETED)
        .object(
            Activity.of(
                COURSE + "/" + lesson,
                ActivityDefinition.builder()
                    .name("vi", "Bài " + lesson)
                    .type("http://adlnet.gov/expapi/activities/lesson")
                    .build()))
        .result(
            Result.builder()
                .completion(true)
                .score(Score.scaled("0.90"))
                .duration(Duration.ofSeconds(95, 500_000_000))
                .build())
        .context(
            Context.builder()
                .registration(registration)
                .contextActivities(
                    ContextActivities.of(
                        List.of(Activity.of(COURSE + "/chuong-1")),
                        List.of(Activity.of(COURSE)),
                        List.of(
                            Activity.of("https://w3id.org/xapi/cmi5/context/categories/moveon"))))
                .language("vi-VN")
                .build())
        .timestamp(Instant.parse("2026-11-28T01:00:00Z").plusSeconds(60L * minute))
        .build();
  }

  /** What the client sent: the statement as the LRS returns it, without what the LRS adds. */
  static Statement asSent(Statement stored) {
    return stored.toBuilder().stored(null).authority(null).version(null).build();
  }

  @Test
  void postedBatchComesBackEqualWithWhatTheLrsAdds() {
    var learner = learner();
    var registration = UUID.randomUUID();
    var batch =
        List.of(
            lesson(learner, registration, "bai-1", 0),
            lesson(learner, registration, "bai-2", 1),
            lesson(learner, registration, "bai-3", 2));

    var ids = lrs.postStatements(batch);

    assertThat(ids).containsExactlyElementsOf(batch.stream().map(Statement::id).toList());
    for (var sent : batch) {
      var stored = lrs.getStatement(sent.id()).orElseThrow();
      assertThat(asSent(stored)).isEqualTo(sent);
      assertThat(stored.version()).startsWith("2.0");
      assertThat(stored.storedInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
      assertThat(stored.authority().displayName()).contains(SharedPlatform.LRS_KEY);
    }
  }

  @Test
  void queryPagesWithMoreAcrossPagesAndTheStreamFollowsThem() {
    var learner = learner();
    var registration = UUID.randomUUID();
    var sent =
        IntStream.range(0, 5).mapToObj(i -> lesson(learner, registration, "bai-" + i, i)).toList();
    lrs.postStatements(sent);
    var query =
        StatementQuery.builder().registration(registration).limit(2).ascending(true).build();

    var first = lrs.queryStatements(query);
    var second = lrs.nextPage(first);
    var third = lrs.nextPage(second);
    var streamed = lrs.streamStatements(query).map(Statement::id).toList();

    assertThat(List.of(first, second, third))
        .extracting(page -> page.statements().size())
        .containsExactly(2, 2, 1);
    assertThat(List.of(first, second, third))
        .extracting(StatementPage::hasMore)
        .containsExactly(true, true, false);
    assertThat(streamed).containsExactlyElementsOf(sent.stream().map(Statement::id).toList());
  }

  @Test
  void queryFiltersByAgentVerbAndActivity() {
    var learner = learner();
    var registration = UUID.randomUUID();
    var mine = lesson(learner, registration, "bai-1", 0);
    var someoneElse = lesson(learner(), registration, "bai-1", 0);
    lrs.postStatements(List.of(mine, someoneElse));

    var page =
        lrs.queryStatements(
            StatementQuery.builder()
                .agent(learner)
                .verb(Verbs.COMPLETED)
                .activity(COURSE + "/bai-1")
                .build());
    var related =
        lrs.queryStatements(
            StatementQuery.builder()
                .agent(learner)
                .activity(COURSE)
                .relatedActivities(true)
                .build());

    assertThat(page.statements()).extracting(Statement::id).containsExactly(mine.id());
    assertThat(related.statements()).extracting(Statement::id).containsExactly(mine.id());
  }

  @Test
  void sendingTheSameStatementAgainIsSafeButAChangedOneIsAConflict() {
    var statement = lesson(learner(), UUID.randomUUID(), "bai-1", 0);
    lrs.postStatement(statement);

    lrs.postStatement(statement); // a retry after a lost answer
    lrs.putStatement(statement);
    var changed = statement.toBuilder().verb(Verbs.PASSED).build();

    assertThatThrownBy(() -> lrs.postStatement(changed))
        .isInstanceOfSatisfying(
            XapiConflictException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.field()).contains("id");
              assertThat(e.rule()).contains("statement-id-unique");
              assertThat(e.retryable()).isFalse();
            });
    assertThatThrownBy(() -> lrs.putStatement(changed)).isInstanceOf(XapiConflictException.class);
    assertThat(lrs.getStatement(statement.id()).map(XapiClientStatementsIT::asSent))
        .contains(statement);
  }

  @Test
  void aVoidedStatementIsFoundOnlyAsVoided() {
    var learner = learner();
    var statement = lesson(learner, UUID.randomUUID(), "bai-1", 0);
    lrs.postStatement(statement);

    lrs.postStatement(
        Statement.builder()
            .actor(learner)
            .verb(Verbs.VOIDED)
            .object(StatementRef.to(statement.id()))
            .build());

    assertThat(lrs.getStatement(statement.id())).isEmpty();
    assertThat(lrs.getVoidedStatement(statement.id()).map(XapiClientStatementsIT::asSent))
        .contains(statement);
  }

  @Test
  void activityDefinitionsAndPersonsAreReadBack() {
    var learner = learner();
    var statement = lesson(learner, UUID.randomUUID(), "bai-" + UUID.randomUUID(), 0);
    lrs.postStatement(statement);
    var activityId = ((Activity) statement.object()).id();

    var activity = lrs.getActivity(activityId);
    var unknown = lrs.getActivity(COURSE + "/" + UUID.randomUUID());
    var person = lrs.getPerson(learner);

    assertThat(activity.id()).isEqualTo(activityId);
    assertThat(activity.definition().type())
        .isEqualTo("http://adlnet.gov/expapi/activities/lesson");
    assertThat(unknown.definition()).isNull();
    assertThat(person.identifiers()).containsExactly(learner.ifi());
  }

  @Test
  void wrongCredentialsAreRejectedNotRetried() {
    var stranger = XapiClient.builder(platform.uri("/xapi/")).basicAuth("nobody", "wrong").build();

    assertThatThrownBy(() -> stranger.getStatement(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            XapiAccessDeniedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void aboutNamesBothVersions() {
    var about = new XapiClient(platform.uri("/xapi/"), Duration.ofSeconds(5)).about();

    assertThat(about.speaks("2.0.0")).isTrue();
    assertThat(about.speaks("1.0.3")).isTrue();
  }

  @Test
  void postsAStatementWithAttachmentDataAndReadsTheSameBytesBack() {
    var certificate =
        new AttachmentContent(
            "application/pdf", "%PDF-1.4 chứng nhận\r\n--\0".getBytes(StandardCharsets.UTF_8));
    var statement =
        lesson(learner(), UUID.randomUUID(), "bai-chung-nhan", 1).toBuilder()
            .attachments(
                List.of(
                    certificate.describedAs(
                        "https://hocso.vn/xapi/attachments/certificate",
                        LanguageMap.of("vi", "Giấy chứng nhận"),
                        null)))
            .build();

    var ids = lrs.postStatements(List.of(statement), List.of(certificate));

    assertThat(ids).containsExactly(statement.id());
    assertThat(lrs.getStatement(statement.id()).orElseThrow().attachments())
        .isEqualTo(statement.attachments());
    assertThat(lrs.getAttachments(statement.id()))
        .containsExactly(java.util.Map.entry(certificate.sha2(), certificate));
  }
}
