package vn.hocso.lms.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An audit entry never fails the work it records: a long detail is cut to fit its column. */
class AuditEntryTest {

  @Test
  void cutsADetailLongerThanItsColumn() {
    var units = "1,".repeat(400);
    var entry =
        new AuditEntry(Instant.EPOCH, "canbo.tinh", AuditAction.IMPORTED_PEOPLE, null, units);

    assertThat(entry.detail()).hasSize(AuditEntry.MAX_DETAIL).endsWith("…").startsWith("1,1,");
    assertThat(new AuditEntry(Instant.EPOCH, "a", AuditAction.VIEWED_PERSON, 1L, "ngắn").detail())
        .isEqualTo("ngắn");
  }
}
