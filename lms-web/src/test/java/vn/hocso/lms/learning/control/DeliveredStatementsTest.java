package vn.hocso.lms.learning.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.Context;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Verb;

/** When what this instance delivered may stand for the LRS, and when it may not. */
class DeliveredStatementsTest {

  private static final long TERM = 3;

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final DeliveredStatements delivered = new DeliveredStatements(nanos::get);
  private final UUID registration = UUID.randomUUID();

  @Test
  void answersForTheLrsForAMinuteAfterARead() {
    var read = List.of(statement(registration), statement(registration));
    delivered.replace(registration, read, delivered.mark(TERM));

    pass(DeliveredStatements.FRESH.minusSeconds(1));
    assertThat(delivered.fresh(registration, delivered.mark(TERM))).contains(read);

    pass(Duration.ofSeconds(2));
    assertThat(delivered.fresh(registration, delivered.mark(TERM))).isEmpty();
    assertThat(delivered.of(registration)).contains(read); // still the outage fallback
  }

  @Test
  void herDeliveredStatementsJoinTheReadOnceEach() {
    var read = List.of(statement(registration));
    delivered.replace(registration, read, delivered.mark(TERM));
    var answered = statement(registration);

    delivered.remember(List.of(answered));
    delivered.remember(List.of(answered)); // delivered again after a lost answer: same id

    assertThat(delivered.fresh(registration, delivered.mark(TERM)))
        .contains(List.of(read.get(0), answered));
  }

  @Test
  void aDeliveryDuringTheFirstReadIsKeptWhenTheReadDidNotSeeIt() {
    var mark = delivered.mark(TERM);
    var registered = statement(registration);
    var launched = statement(registration);
    // The read began before launched reached the LRS; the delivery is remembered meanwhile.
    delivered.remember(List.of(launched));
    assertThat(delivered.of(registration)).isEmpty(); // deliveries alone are not her records
    delivered.replace(registration, List.of(registered), mark);

    assertThat(delivered.fresh(registration, delivered.mark(TERM)))
        .contains(List.of(registered, launched));
  }

  @Test
  void aReadThatSawTheDeliveryKeepsTheLrsOrder() {
    var mark = delivered.mark(TERM);
    var registered = statement(registration);
    var launched = statement(registration);
    delivered.remember(List.of(launched));
    delivered.replace(registration, List.of(registered, launched), mark);

    assertThat(delivered.fresh(registration, delivered.mark(TERM)))
        .contains(List.of(registered, launched));
  }

  @Test
  void answersForNothingOnceTheDeliveryLeaseWasBrokenOrNotHeld() {
    delivered.replace(registration, List.of(statement(registration)), delivered.mark(TERM));

    assertThat(delivered.fresh(registration, delivered.mark(TERM + 1))).isEmpty();
    assertThat(delivered.fresh(registration, delivered.mark(-1))).isEmpty();

    var other = UUID.randomUUID();
    delivered.replace(other, List.of(statement(other)), delivered.mark(-1));
    assertThat(delivered.fresh(other, delivered.mark(-1))).isEmpty();
  }

  @Test
  void aReadDuringWhichEntriesWereForgottenIsOnlyAFallback() {
    var mark = delivered.mark(TERM);
    var others = new ArrayList<Statement>();
    for (int i = 0; i <= DeliveredStatements.MAX_REGISTRATIONS; i++) {
      others.add(statement(UUID.randomUUID()));
    }
    delivered.remember(others); // one more registration than it keeps: the eldest is forgotten
    var read = List.of(statement(registration));
    delivered.replace(registration, read, mark);

    assertThat(delivered.fresh(registration, delivered.mark(TERM))).isEmpty();
    assertThat(delivered.of(registration)).contains(read);
  }

  private void pass(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  static Statement statement(UUID registration) {
    return Statement.builder()
        .newId()
        .actor(Agent.account("https://hocso.vn", "hv-1"))
        .verb(Verb.of("http://adlnet.gov/expapi/verbs/experienced"))
        .object(Activity.of("https://hocso.vn/xapi/activities/course/thu"))
        .context(Context.builder().registration(registration).build())
        .build();
  }
}
