package vn.hocso.content.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void countsOneEditForEachKindOfTypo() {
    assertThat(EditDistance.within("toam", "toan", 1)).isEqualTo(1); // substitution
    assertThat(EditDistance.within("shope", "shopee", 1)).isEqualTo(1); // deletion
    assertThat(EditDistance.within("vneidd", "vneid", 1)).isEqualTo(1); // insertion
    assertThat(EditDistance.within("thnah", "thanh", 1)).isEqualTo(1); // swap of neighbours
    assertThat(EditDistance.within("thanh", "thanh", 1)).isZero();
  }

  @Test
  void answersMinusOneBeyondTheLimit() {
    assertThat(EditDistance.within("toan", "tien", 1)).isEqualTo(-1);
    assertThat(EditDistance.within("ab", "abcd", 1)).isEqualTo(-1);
    assertThat(EditDistance.within("thanhtoan", "thanhtian", 2)).isEqualTo(1);
    assertThat(EditDistance.within("chuyentien", "chuyeentein", 2)).isEqualTo(2);
  }
}
