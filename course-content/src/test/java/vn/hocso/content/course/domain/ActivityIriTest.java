package vn.hocso.content.course.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ActivityIriTest {

  @Test
  void makesASlugFromAVietnameseTitleWithoutDiacritics() {
    assertThat(ActivityIri.slugFrom("Quét mã QR để thanh toán"))
        .isEqualTo("quet-ma-qr-de-thanh-toan");
    assertThat(ActivityIri.slugFrom("Đăng ký tài khoản VNeID – mức 2"))
        .isEqualTo("dang-ky-tai-khoan-vneid-muc-2");
  }

  @Test
  void givesAPlaceholderSlugForATitleWithoutLettersOrDigits() {
    assertThat(ActivityIri.slugFrom("?!")).isEqualTo("muc");
  }

  @Test
  void namesLessonsQuizzesAndQuestionsUnderTheirCourse() {
    assertThat(ActivityIri.ofLesson("thanh-toan-qr", "quet-ma"))
        .hasToString("https://hocso.vn/xapi/activities/course/thanh-toan-qr/lesson/quet-ma");
    assertThat(ActivityIri.ofQuiz("thanh-toan-qr", "kiem-tra"))
        .hasToString("https://hocso.vn/xapi/activities/course/thanh-toan-qr/quiz/kiem-tra");
    assertThat(ActivityIri.ofQuestion("thanh-toan-qr", "otp"))
        .hasToString("https://hocso.vn/xapi/activities/course/thanh-toan-qr/question/otp");
  }

  @Test
  void readsTheSlugBackFromACourseIri() {
    assertThat(ActivityIri.courseSlugOf(URI.create(ActivityIri.COURSE_PREFIX + "a-b")))
        .isEqualTo("a-b");
  }

  @Test
  void rejectsAKeyWithUpperCase() {
    assertThatThrownBy(() -> ActivityIri.ofLesson("a", "Quet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lesson key");
  }
}
