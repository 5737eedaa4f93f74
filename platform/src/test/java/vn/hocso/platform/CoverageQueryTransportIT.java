package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.XapiClient;

/**
 * The coverage projector on the shared platform, which has no Kafka: it reads the statement stream
 * through the xAPI statements query (HOCSO_LRS_KEY / HOCSO_LRS_SECRET), keeping its position in the
 * LMS database. Statements POSTed to the LRS move the commune, province and Central by exactly
 * their effect; a voided completion is taken back; statements sent twice count once.
 */
class CoverageQueryTransportIT {

  @Test
  void statementsPostedToTheLrsMoveEveryLevelExactlyOnce() throws Exception {
    var platform = SharedPlatform.get();
    var lrs =
        XapiClient.builder(platform.uri("/xapi/"))
            .basicAuth(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET)
            .timeout(Duration.ofSeconds(30))
            .build();
    var data = new CoverageItData(SharedPlatform.DATABASE);
    var place = data.place();
    var units = List.of(place.commune(), place.province(), place.central());
    var before = new ArrayList<long[]>();
    CoverageItData.await(
        Duration.ofMinutes(2),
        "the LMS has its coverage tables",
        () -> data.live(place.central(), place.courseId(), "ENROLLED") < 0 ? "migrating" : "");
    for (long unit : units) {
      before.add(
          new long[] {
            data.live(unit, place.courseId(), "ENROLLED"),
            data.live(unit, place.courseId(), "COMPLETED")
          });
    }
    var people = data.addPeople(place.commune(), 4);
    var posted = new ArrayList<UUID>();
    var completions = new ArrayList<UUID>();
    for (var account : people) {
      var enrol =
          CoverageItData.course(UUID.randomUUID(), "registered", account, place.courseIri());
      var complete =
          CoverageItData.course(UUID.randomUUID(), "completed", account, place.courseIri());
      lrs.postStatements(List.of(enrol, complete));
      lrs.putStatement(enrol); // sent again with the same id: the LRS keeps one
      posted.add(enrol.id());
      posted.add(complete.id());
      completions.add(complete.id());
    }
    var voiding = CoverageItData.voiding(completions.get(0), people.get(0));
    lrs.postStatement(voiding);
    posted.add(voiding.id());

    CoverageItData.await(
        Duration.ofMinutes(2),
        "four enrolments and three completions are counted at every level",
        () -> {
          var wrong = new StringBuilder();
          for (int i = 0; i < units.size(); i++) {
            long e = data.live(units.get(i), place.courseId(), "ENROLLED") - before.get(i)[0];
            long c = data.live(units.get(i), place.courseId(), "COMPLETED") - before.get(i)[1];
            if (e != 4 || c != 3) {
              wrong.append("unit ").append(units.get(i)).append(": +").append(e);
              wrong.append("/+").append(c).append("; ");
            }
          }
          return wrong.toString();
        });
    // Posted voided: the query transport never delivers the voided completion itself.
    assertThat(data.handled(posted)).isBetween((long) posted.size() - 1, (long) posted.size());
    var health = platform.get("/health/ready").body();
    assertThat(health).contains("xAPI statements query");
  }
}
