package vn.hocso.content.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.ExternalAuBlock;
import vn.hocso.content.course.domain.ExternalAuBlock.LaunchMethod;
import vn.hocso.content.course.domain.ExternalAuBlock.MoveOn;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;

class Cmi5ReaderTest {

  private final Cmi5Reader reader = new Cmi5Reader();

  private static String sample() throws IOException {
    try (var in = Cmi5ReaderTest.class.getResourceAsStream("valid-cmi5.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Cmi5CourseStructure read(String xml) throws Cmi5Exception {
    return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private void rejected(String xml, String... messageParts) {
    assertThatThrownBy(() -> read(xml))
        .isInstanceOf(Cmi5Exception.class)
        .message()
        .contains(messageParts);
    // The trainer reads the problem in Vietnamese, not the log's English.
    assertThatThrownBy(() -> read(xml))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(Cmi5Exception.class))
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(e.vietnameseMessage())
                    .isNotBlank()
                    .isNotEqualTo(e.getMessage())
                    .containsPattern(
                        "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]"));
  }

  @Test
  void readsAValidStructurePreferringVietnameseAndKeepingEnglish() throws Exception {
    var structure = read(sample());

    assertThat(structure.courseId())
        .isEqualTo("https://noidung.example.vn/khoa-hoc/an-toan-tren-mang");
    assertThat(structure.title()).isEqualTo("An toàn trên mạng");
    assertThat(structure.titleEnglish()).isEqualTo("Staying safe online");
    assertThat(structure.language()).isEqualTo("vi");
    assertThat(structure.modules())
        .extracting(Cmi5CourseStructure.Module::title)
        .containsExactly("An toàn trên mạng", "Cuộc gọi lừa đảo", "Cuộc gọi lừa đảo › Ngân hàng");
    var police = structure.modules().get(1).units().get(0);
    assertThat(police.moveOn()).isEqualTo(MoveOn.COMPLETED_AND_PASSED);
    assertThat(police.launchMethod()).isEqualTo(LaunchMethod.OWN_WINDOW);
    assertThat(police.masteryScore()).isEqualByComparingTo("0.8");
    assertThat(police.launchParameters()).isEqualTo("Mode=Practice");
    assertThat(police.url())
        .isEqualTo("https://noidung.example.vn/au/gia-danh-cong-an/start.html?lang=vi");
    var intro = structure.modules().get(0).units().get(0);
    assertThat(intro.launchMethod()).isEqualTo(LaunchMethod.ANY_WINDOW); // the schema's default
    assertThat(intro.masteryScore()).isNull();
    assertThat(structure.unitCount()).isEqualTo(3);
  }

  @Test
  void makesADraftCourseWhoseLessonsAreExternalUnits() throws Exception {
    var course = read(sample()).toCourse("an-toan-tren-mang", Track.ELECTRONIC_PAYMENT, 45);

    var draft = course.workingVersion().orElseThrow();
    assertThat(draft.title()).isEqualTo("An toàn trên mạng");
    assertThat(draft.summary()).isEqualTo("Nhận biết lừa đảo qua điện thoại và tin nhắn.");
    assertThat(draft.summaryEnglish()).isEqualTo("Recognising phone and text-message scams.");
    assertThat(draft.lessons()).hasSize(3);
    var intro = draft.lessons().get(0);
    assertThat(intro.title()).isEqualTo("Giới thiệu");
    // the description is plain text: markup in it is escaped, never run
    assertThat(((RichTextBlock) intro.blocks().get(0)).html())
        .isEqualTo("<p>Vì sao &lt;kẻ gian&gt; nhắm vào bạn &amp; gia đình.</p>");
    var unit = (ExternalAuBlock) draft.lessons().get(2).blocks().get(1);
    assertThat(unit.auId()).isEqualTo("https://noidung.example.vn/au/gia-ngan-hang");
    assertThat(unit.moveOn()).isEqualTo(MoveOn.PASSED);
    assertThat(unit.masteryScore()).isEqualByComparingTo(new BigDecimal("0.75"));
    // an empty description makes no text block
    assertThat(draft.lessons().get(1).blocks()).hasSize(1);
    // every lesson has content: the draft can be published as it is
    assertThat(draft.problemsBeforePublishing()).isEmpty();
    // our activity ids are ours, not the publisher's (cmi5 §8.1.5)
    assertThat(draft.lessons().get(2).activityIri().toString())
        .startsWith("https://hocso.vn/xapi/activities/course/an-toan-tren-mang/lesson/");
  }

  @Test
  void rejectsXmlThatIsNotWellFormedNamingTheLine() throws Exception {
    rejected(sample().replace("</course>", "</cours>"), "not well-formed", "line 14");
  }

  @Test
  void rejectsAnEmptyFile() {
    rejected("", "empty");
  }

  @Test
  void rejectsADoctypeSoNoEntityCanReadFilesOrExplode() throws Exception {
    var xxe =
        sample()
            .replace(
                "<courseStructure",
                "<!DOCTYPE courseStructure [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<courseStructure")
            .replace("Giới thiệu</langstring>", "&x;</langstring>");
    rejected(xxe, "not well-formed", "DOCTYPE");
  }

  @Test
  void rejectsAnotherVocabulary() {
    rejected(
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"/>",
        "root element",
        "manifest");
  }

  @Test
  void rejectsWhatTheSchemaForbids() throws Exception {
    rejected(
        sample().replace("<url>https://noidung.example.vn/au/gia-ngan-hang/</url>", ""),
        "cmi5 schema",
        "line");
    rejected(sample().replace("moveOn=\"Passed\"", "moveOn=\"Seen\""), "cmi5 schema", "Seen");
    rejected(
        sample().replace("masteryScore=\"0.75\"", "masteryScore=\"1.5\""), "cmi5 schema", "1.5");
    rejected(
        sample().replace("<au id=\"https://noidung.example.vn/au/gioi-thieu\"", "<au"),
        "cmi5 schema",
        "id");
  }

  @Test
  void rejectsRepeatedIds() throws Exception {
    rejected(
        sample().replace("au/gia-ngan-hang\" moveOn", "au/gioi-thieu\" moveOn"),
        "au https://noidung.example.vn/au/gioi-thieu repeats an id");
  }

  @Test
  void rejectsUrlsItCannotLaunch() throws Exception {
    rejected(
        sample()
            .replace("https://noidung.example.vn/au/gia-ngan-hang/", "gia-ngan-hang/index.html"),
        "relative url");
    rejected(
        sample()
            .replace("https://noidung.example.vn/au/gia-ngan-hang/", "http://noidung.example.vn/x"),
        "https address");
    rejected(
        sample().replace("https://noidung.example.vn/au/gia-ngan-hang/", "javascript:alert(1)"),
        "https address");
    rejected(
        sample().replace("start.html?lang=vi", "start.html?lang=vi&amp;actor=x"), "actor", "§8.1");
  }

  @Test
  void rejectsAMasteryScoreFinerThanFourDecimals() throws Exception {
    rejected(sample().replace("masteryScore=\"0.75\"", "masteryScore=\"0.12345\""), "4 decimal");
  }

  @Test
  void rejectsATitleTheCourseModelRefusesNamingTheUnit() throws Exception {
    var structure = read(sample().replace("Giả nhân viên ngân hàng<", "x".repeat(201) + "<"));
    assertThatThrownBy(() -> structure.toCourse("x", Track.ELECTRONIC_PAYMENT, 30))
        .isInstanceOf(Cmi5Exception.class)
        .hasMessageContaining("au https://noidung.example.vn/au/gia-ngan-hang")
        .hasMessageContaining("200");
  }

  @Test
  void readsTheSpecificationsOwnSimpleExampleShapeWhenItsUrlIsHttps() throws Exception {
    var xml =
        """
        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
          <course id="https://example.edu/courses/02baafcf">
            <title><langstring lang="en-US">Introduction to Geology</langstring></title>
            <description><langstring lang="en-US">Basics of geology.</langstring></description>
          </course>
          <au id="https://example.edu/courses/02baafcf/aus/4c07">
            <title><langstring lang="en-US">Introduction to Geology</langstring></title>
            <description><langstring lang="en-US">Basics.</langstring></description>
            <url>https://example.edu/courses/02baafcf/aus/4c07/launch.html</url>
          </au>
        </courseStructure>
        """;
    var structure = read(xml);
    assertThat(structure.language()).isEqualTo("en-US");
    assertThat(structure.titleEnglish()).isNull();
    var course = structure.toCourse("introduction-to-geology", Track.E_COMMERCE, 20);
    assertThat(course.workingVersion().orElseThrow().language()).isEqualTo("en-US");
    assertThat(course.workingVersion().orElseThrow().modules().get(0).title())
        .isEqualTo("Introduction to Geology");
  }
}
