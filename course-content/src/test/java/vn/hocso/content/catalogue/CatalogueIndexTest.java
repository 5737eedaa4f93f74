package vn.hocso.content.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;

/** Ranking, typo tolerance, filters and paging of the catalogue index, on small made-up courses. */
class CatalogueIndexTest {

  /** A published course with one lesson of {@code lessonText}. */
  static CourseVersion published(
      String slug,
      String title,
      String summary,
      Track track,
      Level level,
      int minutes,
      List<String> tags,
      String lessonText) {
    var course = new Course(slug, title, null, summary, track, minutes);
    var version = course.edit();
    version.classify(track, level, Audience.MEMBERS);
    version.tag(tags);
    version.addModule("Bài học").addLesson("Bài 1").addBlock(new RichTextBlock(lessonText));
    course.publish();
    return course.publishedVersion().orElseThrow();
  }

  static CourseVersion published(String slug, String title, String summary, String lessonText) {
    return published(
        slug, title, summary, Track.ELECTRONIC_PAYMENT, Level.BASIC, 30, List.of(), lessonText);
  }

  static List<String> slugs(CataloguePage page) {
    return page.courses().stream().map(CatalogueCourse::slug).toList();
  }

  static List<String> search(CatalogueIndex index, String text) {
    return slugs(index.search(CatalogueQuery.of(text)));
  }

  @Test
  void ignoresDiacriticsAndCase() {
    var index =
        CatalogueIndex.of(
            List.of(
                published(
                    "qr", "Thanh toán bằng mã QR", "Quét mã để trả tiền.", "<p>Mở ứng dụng.</p>"),
                published("dien-thoai", "Dùng điện thoại", "Gọi và nhắn tin.", "<p>Bấm số.</p>")));

    assertThat(search(index, "thanh toan qr")).containsExactly("qr");
    assertThat(search(index, "THANH TOÁN")).containsExactly("qr");
    assertThat(search(index, "dien thoai")).containsExactly("dien-thoai");
  }

  @Test
  void ranksTitleHitsOverSummaryHitsOverLessonText() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("in-lesson", "Khóa một", "Một khóa học.", "<p>Nói về ví điện tử.</p>"),
                published("in-summary", "Khóa hai", "Cách dùng ví điện tử.", "<p>Nội dung.</p>"),
                published("in-title", "Ví điện tử", "Một khóa khác.", "<p>Nội dung.</p>")));

    assertThat(search(index, "vi dien tu")).containsExactly("in-title", "in-summary", "in-lesson");
  }

  @Test
  void coursesWithAllTheWordsComeBeforeCoursesWithSome() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("some-in-title", "Chuyển tiền nhanh", "Một khóa.", "<p>Nội dung.</p>"),
                published(
                    "all-in-lesson", "Khóa khác", "Một khóa.", "<p>Chuyển tiền bằng mã QR.</p>")));

    assertThat(search(index, "chuyen tien qr")).containsExactly("all-in-lesson", "some-in-title");
  }

  @Test
  void wordsNextToEachOtherBeatTheSameWordsApart() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("apart", "Công việc và dịch vụ", "Một khóa.", "<p>Nội dung.</p>"),
                published("together", "Dịch vụ công", "Một khóa.", "<p>Nội dung.</p>")));

    assertThat(search(index, "dich vu cong")).containsExactly("together", "apart");
  }

  @Test
  void listsOnlyCoursesMatchingAtLeastHalfTheWords() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("qr", "Thanh toán bằng mã QR", "Quét mã.", "<p>Nội dung.</p>"),
                published("other", "Bán hàng", "Mở cửa hàng trên mạng.", "<p>Nội dung.</p>")));

    assertThat(search(index, "thanh toan qr hang")).containsExactly("qr");
    assertThat(search(index, "ban hang")).containsExactly("other");
  }

  @Test
  void toleratesOneTypoInAWordOfFourLettersOrMore() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("qr", "Thanh toán bằng mã QR", "Quét mã.", "<p>Nội dung.</p>"),
                published("shop", "Mở shop trên Shopee", "Bán hàng.", "<p>Nội dung.</p>"),
                published("other", "Dùng điện thoại", "Gọi điện.", "<p>Nội dung.</p>")));

    assertThat(search(index, "thanh toam")).containsExactly("qr");
    assertThat(search(index, "thnah toan")).containsExactly("qr");
    assertThat(search(index, "shoppe")).containsExactly("shop");
    assertThat(search(index, "dien thaoi")).containsExactly("other");
  }

  @Test
  void doesNotGuessTyposInShortWordsOrInWordsTheCatalogueKnows() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("toan", "Học toán", "Môn toán.", "<p>Nội dung.</p>"),
                published("doan", "Đoàn thể", "Sinh hoạt đoàn.", "<p>Nội dung.</p>"),
                published("ma", "Mã số", "Một mã.", "<p>Nội dung.</p>")));

    assertThat(search(index, "toan")).containsExactly("toan"); // not "doan", one edit away
    assertThat(search(index, "mx")).isEmpty(); // two letters: no typo tolerance
  }

  @Test
  void findsWordsBeingTypedFromTheirFirstLetters() {
    var index =
        CatalogueIndex.of(
            List.of(
                published("vietqr", "Nhận tiền bằng VietQR", "Quét mã.", "<p>Nội dung.</p>"),
                published("other", "Dùng điện thoại", "Gọi điện.", "<p>Nội dung.</p>")));

    assertThat(search(index, "vie")).containsExactly("vietqr");
    assertThat(search(index, "nhan ti")).containsExactly("vietqr");
  }

  @Test
  void searchesTagsEnglishTitlesAndEveryKindOfLessonText() {
    var course =
        new Course(
            "ngan-hang",
            "Ứng dụng ngân hàng",
            "Banking apps",
            "Cài ứng dụng.",
            Track.E_COMMERCE,
            20);
    var version = course.edit();
    version.tag(List.of("momo", "vi dien tu"));
    var lesson = version.addModule("Bắt đầu").addLesson("Cài đặt");
    lesson.addBlock(new RichTextBlock("<p>Mở <strong>CH&amp;Play</strong></p><p>rồi tìm</p>"));
    lesson.addBlock(new CalloutBlock(CalloutBlock.Tone.WARNING, "Không cho ai biết mã OTP."));
    course.publish();
    var index = CatalogueIndex.of(List.of(course.publishedVersion().orElseThrow()));

    assertThat(search(index, "momo")).containsExactly("ngan-hang");
    assertThat(search(index, "banking")).containsExactly("ngan-hang");
    assertThat(search(index, "otp")).containsExactly("ngan-hang");
    assertThat(search(index, "play")).containsExactly("ngan-hang");
    assertThat(search(index, "cai dat")).containsExactly("ngan-hang");
    assertThat(search(index, "strong")).isEmpty(); // markup is not text
  }

  @Test
  void filtersByTrackLevelAndDuration() {
    var index =
        CatalogueIndex.of(
            List.of(
                published(
                    "a",
                    "Khóa A",
                    "Học.",
                    Track.ELECTRONIC_PAYMENT,
                    Level.BASIC,
                    20,
                    List.of(),
                    "<p>x</p>"),
                published(
                    "b",
                    "Khóa B",
                    "Học.",
                    Track.E_COMMERCE,
                    Level.BASIC,
                    40,
                    List.of(),
                    "<p>x</p>"),
                published(
                    "c",
                    "Khóa C",
                    "Học.",
                    Track.E_COMMERCE,
                    Level.ADVANCED,
                    90,
                    List.of(),
                    "<p>x</p>")));

    assertThat(slugs(index.search(CatalogueQuery.of("").inTrack(Track.E_COMMERCE))))
        .containsExactly("b", "c");
    assertThat(slugs(index.search(CatalogueQuery.of("khoa").atLevel(Level.BASIC))))
        .containsExactly("a", "b");
    assertThat(slugs(index.search(CatalogueQuery.of("").lasting(DurationBand.SHORT))))
        .containsExactly("a");
    assertThat(slugs(index.search(CatalogueQuery.of("hoc").lasting(DurationBand.LONG))))
        .containsExactly("c");
    assertThat(
            index.search(
                CatalogueQuery.of("").inTrack(Track.ELECTRONIC_PAYMENT).atLevel(Level.ADVANCED)))
        .satisfies(page -> assertThat(page.isEmpty()).isTrue());
  }

  @Test
  void withoutWordsListsEveryCourseByTrackThenTitle() {
    var index =
        CatalogueIndex.of(
            List.of(
                published(
                    "z", "Zalo", "Học.", Track.E_COMMERCE, Level.BASIC, 20, List.of(), "<p>x</p>"),
                published(
                    "b",
                    "Bán hàng",
                    "Học.",
                    Track.E_COMMERCE,
                    Level.BASIC,
                    20,
                    List.of(),
                    "<p>x</p>"),
                published(
                    "q",
                    "Quét mã",
                    "Học.",
                    Track.ELECTRONIC_PAYMENT,
                    Level.BASIC,
                    20,
                    List.of(),
                    "<p>x</p>")));

    assertThat(search(index, "  ")).containsExactly("q", "b", "z");
  }

  @Test
  void pagesThroughResults() {
    var versions = new ArrayList<CourseVersion>();
    for (int i = 1; i <= 25; i++) {
      versions.add(published("khoa-" + i, "Khóa học số " + i, "Học kỹ năng số.", "<p>x</p>"));
    }
    var index = CatalogueIndex.of(versions);

    var first = index.search(CatalogueQuery.of("ky nang so"));
    var third = index.search(CatalogueQuery.of("ky nang so").onPage(2));
    var beyond = index.search(CatalogueQuery.of("ky nang so").onPage(7));

    assertThat(first.total()).isEqualTo(25);
    assertThat(first.pageCount()).isEqualTo(3);
    assertThat(first.courses()).hasSize(10);
    assertThat(first.hasPrevious()).isFalse();
    assertThat(first.hasNext()).isTrue();
    assertThat(third.courses()).hasSize(5);
    assertThat(third.hasNext()).isFalse();
    assertThat(beyond.page()).isEqualTo(2);
    var all = new ArrayList<String>();
    for (int page = 0; page < 3; page++) {
      all.addAll(slugs(index.search(CatalogueQuery.of("ky nang so").onPage(page))));
    }
    assertThat(all).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void acceptsOnlyPublishedVersions() {
    var draft = new Course("nhap", "Bản nháp", null, "Chưa xong.", Track.E_COMMERCE, 10);

    assertThatThrownBy(() -> CatalogueIndex.of(List.of(draft.versions().get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("published");
    assertThatThrownBy(() -> CatalogueQuery.of("x").withPageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyCatalogueFindsNothing() {
    var page = CatalogueIndex.empty().search(CatalogueQuery.of("vneid"));

    assertThat(page.isEmpty()).isTrue();
    assertThat(page.pageCount()).isEqualTo(1);
  }
}
