package vn.hocso.lms.people.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.people.control.ImportPreview;

class ImportPreviewsTest {

  static final ImportPreview PREVIEW =
      new ImportPreview(
          List.of(new ImportPreview.ImportRow(2, "Lê Thị Một", 1980, null, null, true, 36L)),
          List.of(),
          1);

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-28T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aCheckIsCommittedOnceAndComesBackWhenTheCommitFails() {
    var previews = new ImportPreviews(new MovingClock());
    var id = previews.keep("canbo.tinh", PREVIEW);
    assertThat(previews.take(id, "canbo.xa")).isEmpty();

    assertThat(previews.take(id, "canbo.tinh")).contains(PREVIEW);
    assertThat(previews.take(id, "canbo.tinh")).as("a second commit meanwhile").isEmpty();
    previews.putBack(id);
    assertThat(previews.take(id, "canbo.tinh")).as("after a failed commit").contains(PREVIEW);
    previews.done(id);
    previews.putBack(id);
    assertThat(previews.find(id, "canbo.tinh")).as("after a commit").isEmpty();
  }

  @Test
  void aCheckIsFoundOnlyByTheAccountThatMadeIt() {
    var previews = new ImportPreviews(new MovingClock());
    var id = previews.keep("canbo.tinh", PREVIEW);
    assertThat(previews.find(id, "canbo.tinh")).contains(PREVIEW);
    assertThat(previews.find(id, "canbo.xa")).isEmpty();
    assertThat(previews.find("not-an-id", "canbo.tinh")).isEmpty();
  }

  @Test
  void aCheckExpiresAfterHalfAnHourAndIsForgottenAfterItsCommit() {
    var clock = new MovingClock();
    var previews = new ImportPreviews(clock);
    var id = previews.keep("canbo.tinh", PREVIEW);
    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertThat(previews.find(id, "canbo.tinh")).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(previews.find(id, "canbo.tinh")).isEmpty();

    var again = previews.keep("canbo.tinh", PREVIEW);
    previews.forget(again);
    assertThat(previews.find(again, "canbo.tinh")).isEmpty();
  }

  @Test
  void herOldestGoesFirstWhenSheHasThreeWaitingAndOthersKeepTheirs() {
    var previews = new ImportPreviews(new MovingClock());
    var others = previews.keep("b", PREVIEW);
    var first = previews.keep("a", PREVIEW);
    var second = previews.keep("a", PREVIEW);
    for (int i = 0; i < 10; i++) {
      previews.keep("a", PREVIEW);
    }
    assertThat(previews.find(first, "a")).isEmpty();
    assertThat(previews.find(second, "a")).isEmpty();
    assertThat(previews.find(others, "b")).as("another account's check stays").isPresent();
  }

  @Test
  void theOldestOfAllGoesFirstWhenTheServerHoldsItsMost() {
    var previews = new ImportPreviews(new MovingClock());
    var first = previews.keep("account-0", PREVIEW);
    for (int i = 1; i <= ImportPreviews.MOST; i++) {
      previews.keep("account-" + i, PREVIEW);
    }
    assertThat(previews.find(first, "account-0")).isEmpty();
  }
}
