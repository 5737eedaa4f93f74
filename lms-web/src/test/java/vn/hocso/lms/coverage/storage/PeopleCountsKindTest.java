package vn.hocso.lms.coverage.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hocso.lms.coverage.storage.PeopleCounts.Kind;

/** What a person counts as in the members-and-staff counters (no database). */
class PeopleCountsKindTest {

  @Test
  void someoneWhoIsNeitherMemberNorStaffIsNotCounted() {
    assertThat(Kind.of(false, false, false, "COMMUNE", null)).isNull();
    assertThat(Kind.of(false, false, true, "COMMUNE", "Chủ tịch")).isNull();
  }

  @Test
  void aMemberWhoIsNotStaffHasNoLevelOrPosition() {
    // Her unit's kind is the staff level only: members of a branch and a commune are one row.
    assertThat(Kind.of(true, false, false, "BRANCH", null))
        .isEqualTo(Kind.of(true, false, false, "COMMUNE", "left over"))
        .isEqualTo(new Kind(true, false, false, "", ""));
  }

  @Test
  void staffKeepLevelAndPositionAsWrittenWithoutTrailingSpaces() {
    assertThat(Kind.of(false, true, false, "PROVINCE", "Chủ tịch "))
        .isEqualTo(new Kind(false, true, false, "PROVINCE", "Chủ tịch"));
    assertThat(Kind.of(true, true, false, "COMMUNE", "chủ tịch"))
        .as("case is kept: positions are shown as written")
        .isNotEqualTo(Kind.of(true, true, false, "COMMUNE", "Chủ tịch"));
    assertThat(Kind.of(false, true, true, "COMMUNE", null).position()).isEmpty();
  }

  @Test
  void erasureIsPartOfWhatSheIs() {
    assertThat(Kind.of(true, false, true, "COMMUNE", null))
        .isNotEqualTo(Kind.of(true, false, false, "COMMUNE", null));
  }
}
