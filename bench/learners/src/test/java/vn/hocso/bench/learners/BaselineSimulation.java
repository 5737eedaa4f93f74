package vn.hocso.bench.learners;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The baseline of {@link LearnersSimulation}: the same arrivals and the same number of requests per
 * visitor (21), a reader's pause between them, each the login page, which reads nothing from the
 * database and sends no statement. Learner p95 / baseline p95 is what our pages and their
 * statements cost over the server's floor for a Faces page. (A learner also pauses after each of
 * the first seven answers, reading the feedback before "next question", which sends no request.)
 */
public class BaselineSimulation extends Simulation {

  static final Settings SETTINGS = Settings.fromSystemProperties();
  static final int REQUESTS_PER_VISITOR = 21;

  static final ScenarioBuilder VISITOR =
      scenario("login page only")
          .exec(http("login page (baseline)").get("/login.xhtml").check(css("form#login").exists()))
          .repeat(REQUESTS_PER_VISITOR - 1)
          .on(
              pause(SETTINGS.thinkMin(), SETTINGS.thinkMax())
                  .exec(
                      http("login page (baseline)")
                          .get("/login.xhtml")
                          .check(css("form#login").exists())));

  {
    setUp(VISITOR.injectOpen(rampUsers(SETTINGS.learners()).during(SETTINGS.ramp())))
        .protocols(Protocols.http(SETTINGS));
  }
}
