package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CourseTest {

  @Test
  void namesItsActivityAfterTheSlug() {
    var course =
        new Course(
            "thanh-toan-qr",
            "Thanh toán bằng mã QR",
            "Paying with a QR code",
            "Chuyển tiền an toàn bằng VietQR.",
            Track.ELECTRONIC_PAYMENT,
            30);

    assertThat(course.activityIri())
        .hasToString("https://hocso.vn/xapi/activities/course/thanh-toan-qr");
    assertThat(course.isPublished()).isFalse();
  }

  @Test
  void rejectsASlugWithDiacriticsOrSpaces() {
    assertThatThrownBy(() -> ActivityIri.ofCourse("thanh toán"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slug");
  }

  @Test
  void rejectsABlankTitle() {
    assertThatThrownBy(() -> new Course("a", " ", null, "summary", Track.E_COMMERCE, 10))
        .hasMessage("A course needs a title");
  }

  @Test
  void rejectsAnImpossibleDuration() {
    assertThatThrownBy(() -> new Course("a", "Title", null, "summary", Track.E_COMMERCE, 0))
        .hasMessageContaining("minutes");
  }

  @Test
  void stripsSurroundingWhitespaceFromTitleAndSummary() {
    var course = new Course("a", "  Bán hàng  ", null, " Mở shop. ", Track.E_COMMERCE, 20);

    assertThat(course.title()).isEqualTo("Bán hàng");
    assertThat(course.summary()).isEqualTo("Mở shop.");
  }
}
