package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The API's memory of passwords checked lately: tied to the password and to the stored hash. */
class RecentPasswordsTest {

  final AtomicLong now = new AtomicLong(1_000);
  final RecentPasswords recent = new RecentPasswords(now::get);

  @Test
  void remembersAMatchForAFewMinutesOnly() {
    assertThat(recent.matchedLately("lan", "mat-khau-dung", "hash-1")).isFalse();
    recent.matched("lan", "mat-khau-dung", "hash-1");
    assertThat(recent.matchedLately("lan", "mat-khau-dung", "hash-1")).isTrue();

    now.addAndGet(RecentPasswords.REMEMBERED.toNanos() + 1);
    assertThat(recent.matchedLately("lan", "mat-khau-dung", "hash-1")).isFalse();
  }

  @Test
  void anotherPasswordAnotherUserOrANewStoredHashNeverMatch() {
    recent.matched("lan", "mat-khau-dung", "hash-1");

    assertThat(recent.matchedLately("lan", "mat-khau-sai", "hash-1")).isFalse();
    assertThat(recent.matchedLately("mai", "mat-khau-dung", "hash-1")).isFalse();
    // She changed her password (or it was reset, or re-hashed): the old check no longer counts.
    assertThat(recent.matchedLately("lan", "mat-khau-dung", "hash-2")).isFalse();
    // The parts are kept apart: "la" + "n…" is not "lan" + "…".
    assertThat(recent.matchedLately("la", "nmat-khau-dung", "hash-1")).isFalse();
  }

  @Test
  void staysBounded() {
    for (int i = 0; i <= RecentPasswords.MAX_REMEMBERED; i++) {
      recent.matched("user" + i, "pw", "hash");
    }
    assertThat(recent.matchedLately("user" + RecentPasswords.MAX_REMEMBERED, "pw", "hash"))
        .isTrue();
    assertThat(recent.matchedLately("user0", "pw", "hash")).isFalse();
  }
}
