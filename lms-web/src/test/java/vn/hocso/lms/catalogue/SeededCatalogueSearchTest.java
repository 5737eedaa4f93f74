package vn.hocso.lms.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.catalogue.CatalogueCourse;
import vn.hocso.content.catalogue.CatalogueIndex;
import vn.hocso.content.catalogue.CatalogueQuery;
import vn.hocso.content.catalogue.DurationBand;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.demo.Curriculum;

/**
 * What a member finds in the seeded curriculum (the ten courses, published in memory) when she
 * types on a phone: without diacritics, sometimes with a typo.
 */
class SeededCatalogueSearchTest {

  static final String VIETQR = "thanh-toan-bang-ma-vietqr";
  static final String VNEID = "tai-khoan-dinh-danh-dien-tu-vneid";
  static final String SHOP = "mo-cua-hang-truc-tuyen";

  static CatalogueIndex index;

  @BeforeAll
  static void publishTheCurriculum() {
    var versions =
        Curriculum.courses().stream()
            .peek(Course::publish)
            .map(course -> course.publishedVersion().orElseThrow())
            .toList();
    index = CatalogueIndex.of(versions);
  }

  static List<CatalogueCourse> search(String text) {
    return index.search(CatalogueQuery.of(text)).courses();
  }

  static List<String> slugs(String text) {
    return search(text).stream().map(CatalogueCourse::slug).toList();
  }

  @Test
  void thanhToanQrFindsTheVietQrCourseFirst() {
    var found = search("thanh toan qr");

    assertThat(found.get(0).title()).isEqualTo("Thanh toán và nhận tiền bằng mã VietQR");
  }

  @Test
  void dichVuCongFindsThePublicServicesCoursesFirst() {
    var found = search("dich vu cong");

    assertThat(found).hasSizeGreaterThanOrEqualTo(3);
    assertThat(found.subList(0, 3))
        .extracting(CatalogueCourse::track)
        .containsOnly(Track.ONLINE_PUBLIC_SERVICES);
  }

  @Test
  void vneidFindsTheVneidCourseFirst() {
    assertThat(slugs("vneid").get(0)).isEqualTo(VNEID);
    assertThat(slugs("VNeID")).isEqualTo(slugs("vneid"));
  }

  @Test
  void shopeeFindsTheShopCourseFirst() {
    assertThat(slugs("shopee").get(0)).isEqualTo(SHOP);
    assertThat(slugs("mo shop")).startsWith(SHOP);
  }

  @Test
  void aOneLetterTypoStillFindsThePaymentCourses() {
    var found = slugs("thanh toam");

    assertThat(found.get(0)).isEqualTo(VIETQR);
    assertThat(found)
        .contains(
            VIETQR, "ung-dung-ngan-hang-va-vi-dien-tu", "xac-thuc-sinh-trac-hoc-va-phong-lua-dao");
    assertThat(found.subList(0, 3)).isEqualTo(slugs("thanh toan").subList(0, 3));
    assertThat(slugs("vneidd").get(0)).isEqualTo(VNEID);
    assertThat(slugs("shoppe").get(0)).isEqualTo(SHOP);
  }

  @Test
  void typingWithDiacriticsFindsTheSameAsWithout() {
    assertThat(slugs("Thanh toán QR")).isEqualTo(slugs("thanh toan qr"));
    assertThat(slugs("DỊCH VỤ CÔNG")).isEqualTo(slugs("dich vu cong"));
  }

  @Test
  void findsCoursesByTheirEnglishTitles() {
    assertThat(slugs("public service portal").get(0))
        .isEqualTo("dich-vu-cong-truc-tuyen-voi-vneid");
    assertThat(slugs("livestream selling").get(0)).isEqualTo("livestream-giao-hang-va-doi-tra");
  }

  @Test
  void findsWordsOnlyInTheLessons() {
    // "dán đè" (a QR sticker pasted over the shop's own) is a scam the VietQR lessons warn of
    assertThat(slugs("dan de")).contains(VIETQR);
  }

  @Test
  void filtersTheSeededCatalogue() {
    var payment = index.search(CatalogueQuery.of("").inTrack(Track.ELECTRONIC_PAYMENT));
    assertThat(payment.total()).isEqualTo(3);
    assertThat(payment.courses())
        .extracting(CatalogueCourse::track)
        .containsOnly(Track.ELECTRONIC_PAYMENT);

    var qrInCommerce = index.search(CatalogueQuery.of("thanh toan qr").inTrack(Track.E_COMMERCE));
    assertThat(qrInCommerce.courses())
        .extracting(CatalogueCourse::track)
        .containsOnly(Track.E_COMMERCE);

    assertThat(index.search(CatalogueQuery.of("").atLevel(Level.INTERMEDIATE)).courses())
        .extracting(CatalogueCourse::level)
        .containsOnly(Level.INTERMEDIATE);
    assertThat(index.search(CatalogueQuery.of("").lasting(DurationBand.LONG)).courses())
        .extracting(CatalogueCourse::estimatedMinutes)
        .allSatisfy(minutes -> assertThat(minutes).isGreaterThan(45));
  }

  @Test
  void withoutWordsListsAllTenCoursesOnOnePage() {
    var page = index.search(CatalogueQuery.of(""));

    assertThat(page.total()).isEqualTo(10);
    assertThat(page.courses()).hasSize(10);
    assertThat(page.courses().get(0).track()).isEqualTo(Track.ELECTRONIC_PAYMENT);
  }

  @Test
  void gibberishFindsNothing() {
    assertThat(search("xyzzy qwerty")).isEmpty();
  }
}
