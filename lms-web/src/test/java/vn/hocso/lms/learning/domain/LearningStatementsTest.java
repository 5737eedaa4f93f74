package vn.hocso.lms.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.Response;
import vn.hocso.xapi.client.model.Statement;

/** Each statement exactly as docs/XAPI-PROFILE.md says, compared as JSON. */
class LearningStatementsTest {

  private static final String COURSE =
      "https://hocso.vn/xapi/activities/course/thanh-toan-bang-ma-vietqr";
  private static final String ACTOR =
      "\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://hocso.vn\","
          + "\"name\":\"7c1f0a52-9d7e-4a55-8f0e-2b3c4d5e6f70\"}}";
  private static final String EXTENSIONS =
      "\"extensions\":{\"https://w3id.org/xapi/cmi5/context/extensions/sessionid\":"
          + "\"5e551011-2222-4c2d-9e8f-000000000002\","
          + "\"https://hocso.vn/xapi/extensions/course-version\":1}";
  private static final String REGISTRATION =
      "\"registration\":\"0b9e3a1c-1111-4c2d-9e8f-000000000001\"";
  private static final String TIMESTAMP = "\"timestamp\":\"2026-11-28T03:04:05.678000Z\"";

  private final CourseVersion version = Sample.vietQr();
  private final LearningStatements statements = new LearningStatements(Sample.ids());
  private final LearningContext who = Sample.context(version);

  @Test
  void registeredNamesTheCourseTheRegistrationTheSittingAndTheVersion() {
    assertJson(
        statements.registered(who, Sample.AT),
        "{\"id\":\"00000000-0000-4000-8000-000000000001\","
            + ACTOR
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/registered\","
            + "\"display\":{\"en-US\":\"registered\"}},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "\"},\"context\":{"
            + REGISTRATION
            + ","
            + EXTENSIONS
            + "},"
            + TIMESTAMP
            + "}");
  }

  @Test
  void launchedAndInitializedAreCmi5Verbs() {
    assertThat(statements.launched(who, Sample.AT).verb().id())
        .isEqualTo("http://adlnet.gov/expapi/verbs/launched");
    assertThat(statements.initialized(who, Sample.AT).verb().id())
        .isEqualTo("http://adlnet.gov/expapi/verbs/initialized");
  }

  @Test
  void terminatedCarriesTheSittingsDurationInWholeSeconds() {
    var terminated = statements.terminated(who, Duration.ofMillis(301_700), Sample.AT);

    assertThat(terminated.toJson().getJsonObject("result").toString())
        .isEqualTo("{\"duration\":\"PT5M1S\"}");
    assertThat(terminated.verb().id()).isEqualTo("http://adlnet.gov/expapi/verbs/terminated");
  }

  @Test
  void experiencedHasTheModuleAsParentAndTheCourseAsGrouping() {
    assertJson(
        statements.experienced(who, version.lesson("vietqr-la-gi"), null, Sample.AT),
        "{\"id\":\"00000000-0000-4000-8000-000000000001\","
            + ACTOR
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\","
            + "\"display\":{\"en-US\":\"experienced\"}},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "/lesson/vietqr-la-gi\"},\"context\":{"
            + REGISTRATION
            + ",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "/module/tra-tien-bang-qr\"}],\"grouping\":[{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "\"}]},"
            + EXTENSIONS
            + "},"
            + TIMESTAMP
            + "}");
  }

  @Test
  void answeredDefinesTheInteractionAndGivesResponseAndSuccess() {
    var module = version.module("nhan-tien-bang-qr");
    var question = module.quiz().question("vietqr-theo-chuan-nao");

    assertJson(
        statements.answered(who, module, question, Response.choosing("b"), false, Sample.AT),
        "{\"id\":\"00000000-0000-4000-8000-000000000001\","
            + ACTOR
            + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\","
            + "\"display\":{\"en-US\":\"answered\"}},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "/question/vietqr-theo-chuan-nao\",\"definition\":{"
            + "\"description\":{\"vi\":\"Mã VietQR là mẫu mã QR chung theo tiêu chuẩn của đơn vị"
            + " nào?\"},\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\","
            + "\"interactionType\":\"choice\",\"correctResponsesPattern\":[\"a\"],"
            + "\"choices\":[{\"id\":\"a\",\"description\":{\"vi\":\"NAPAS\"}},"
            + "{\"id\":\"b\",\"description\":{\"vi\":\"Một cửa hàng bất kỳ tự đặt ra\"}},"
            + "{\"id\":\"c\",\"description\":{\"vi\":\"Nhà mạng điện thoại\"}}]}},"
            + "\"result\":{\"success\":false,\"response\":\"b\"},"
            + "\"context\":{"
            + REGISTRATION
            + ",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "/quiz/bai-kiem-tra-vietqr\"}],\"grouping\":[{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "/module/nhan-tien-bang-qr\"},{\"objectType\":\"Activity\",\"id\":\""
            + COURSE
            + "\"}]},"
            + EXTENSIONS
            + "},"
            + TIMESTAMP
            + "}");
  }

  @Test
  void aQuestionInsideALessonHasTheLessonAsParent() {
    var course =
        vn.hocso.lms.demo.Curriculum.courses().stream()
            .filter(c -> c.slug().equals("thanh-toan-bang-ma-vietqr"))
            .findFirst()
            .orElseThrow();
    var lesson = course.workingVersion().orElseThrow().lessons().get(0);
    var question =
        vn.hocso.content.course.domain.Question.singleChoice(
            "Quét mã QR của người lạ gửi qua Zalo có an toàn không?",
            java.util.List.of(
                vn.hocso.content.course.domain.AnswerOption.wrong("Có", null),
                vn.hocso.content.course.domain.AnswerOption.right("Không", "Đúng, hãy hỏi lại.")));
    lesson.addBlock(new vn.hocso.content.course.domain.QuestionBlock(question));
    course.publish();
    var published = course.version(1);
    var inLesson = published.lessons().get(0);
    var embedded =
        ((vn.hocso.content.course.domain.QuestionBlock)
                inLesson.blocks().get(inLesson.blocks().size() - 1))
            .question();
    var wrong = embedded.options().get(0).key();

    var answered =
        statements.answeredInLesson(
            Sample.context(published),
            inLesson,
            embedded,
            Response.choosing(wrong),
            false,
            Sample.AT);

    var json = answered.toJson();
    assertThat(json.getJsonObject("verb").getString("id"))
        .isEqualTo("http://adlnet.gov/expapi/verbs/answered");
    assertThat(json.getJsonObject("object").getString("id"))
        .isEqualTo(embedded.activityIri().toString());
    var activities = json.getJsonObject("context").getJsonObject("contextActivities");
    assertThat(activities.getJsonArray("parent").getJsonObject(0).getString("id"))
        .isEqualTo(inLesson.activityIri().toString());
    assertThat(activities.getJsonArray("grouping").getJsonObject(0).getString("id"))
        .isEqualTo(inLesson.module().activityIri().toString());
    assertThat(activities.getJsonArray("grouping").getJsonObject(1).getString("id"))
        .isEqualTo(published.course().activityIri().toString());
    assertThat(answered.result().response()).isEqualTo(wrong);
    assertThat(answered.result().success()).isFalse();
  }

  @Test
  void anOrderingAnswerIsASequencingResponseOfOptionKeys() {
    var module = version.module("nhan-tien-bang-qr");
    var question = module.quiz().question("thu-tu-tra-tien-qr");

    var answered =
        statements.answered(
            who,
            module,
            question,
            Response.inOrder("b", "a", "c", "d", "e", "f"),
            false,
            Sample.AT);

    var definition = answered.toJson().getJsonObject("object").getJsonObject("definition");
    assertThat(definition.getString("interactionType")).isEqualTo("sequencing");
    assertThat(definition.getJsonArray("correctResponsesPattern").getString(0))
        .isEqualTo("a[,]b[,]c[,]d[,]e[,]f");
    assertThat(answered.result().response()).isEqualTo("b[,]a[,]c[,]d[,]e[,]f");
  }

  @Test
  void aFinishedAttemptIsPassedOrFailedWithItsScore() {
    var module = version.module("nhan-tien-bang-qr");
    var quiz = module.quiz();
    var result = quiz.score(Map.of("vietqr-theo-chuan-nao", Response.choosing("a")));

    var failed = statements.quizFinished(who, module, result, Sample.AT);

    assertThat(failed.verb().id()).isEqualTo("http://adlnet.gov/expapi/verbs/failed");
    assertThat(failed.toJson().getJsonObject("result").toString())
        .isEqualTo(
            "{\"score\":{\"scaled\":0.125,\"raw\":1,\"max\":8},\"success\":false,"
                + "\"completion\":true}");
    assertThat(failed.toJson().getJsonObject("context").getJsonObject("contextActivities"))
        .hasToString(
            "{\"parent\":[{\"objectType\":\"Activity\",\"id\":\""
                + COURSE
                + "/module/nhan-tien-bang-qr\"}],\"grouping\":[{\"objectType\":\"Activity\","
                + "\"id\":\""
                + COURSE
                + "\"}]}");
  }

  @Test
  void theCourseIsPassedCompletedAndSatisfiedWithTheProfilesResults() {
    assertThat(statements.coursePassed(who, Sample.AT).toJson().getJsonObject("result"))
        .hasToString("{\"success\":true}");
    var completed = statements.completed(who, Sample.AT);
    assertThat(completed.verb().id()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
    assertThat(completed.toJson().getJsonObject("result")).hasToString("{\"completion\":true}");
    var satisfied = statements.satisfied(who, Sample.AT);
    assertThat(satisfied.verb().id()).isEqualTo("https://w3id.org/xapi/adl/verbs/satisfied");
    assertThat(satisfied.object()).isEqualTo(completed.object());
  }

  @Test
  void everyStatementHasItsIdBeforeItIsQueued() {
    var random = new LearningStatements();

    var first = random.registered(who, Sample.AT);
    var second = random.registered(who, Sample.AT);

    assertThat(first.id()).isNotNull().isNotEqualTo(second.id());
  }

  private static void assertJson(Statement actual, String expected) {
    assertThat(actual.toJson()).isEqualTo(parse(expected));
    assertThat(Statement.parse(actual.toJsonString())).isEqualTo(actual);
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
