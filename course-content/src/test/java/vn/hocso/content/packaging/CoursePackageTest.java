package vn.hocso.content.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.SampleCourses;

class CoursePackageTest {

  private static final Map<String, byte[]> MEDIA =
      Map.of(
          "media/cover.jpg", bytes("cover"),
          "media/vietqr.png", bytes("qr"),
          "media/quet-ma.mp4", bytes("video"),
          "media/buoc-1.png", bytes("step"));

  private final CoursePackageReader reader = new CoursePackageReader();

  @Test
  void importsAnExportedCourseUnchanged() throws Exception {
    var course = SampleCourses.qrPayment();
    course.publish();
    var exported = course.version(1);

    var imported = reader.read(new ByteArrayInputStream(export(exported)));

    var version = imported.course().workingVersion().orElseThrow();
    assertThat(imported.course().activityIri()).isEqualTo(course.activityIri());
    assertThat(version)
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(
            // identity, life cycle and back-references, which an import does not carry
            "(.*\\.)?(id|revision|course|version|status|number|createdAt|publishedAt)")
        .isEqualTo(exported);
    assertThat(imported.media()).containsOnlyKeys(MEDIA.keySet());
    MEDIA.forEach((name, bytes) -> assertThat(imported.media().get(name)).isEqualTo(bytes));
  }

  @Test
  void carriesACmi5ImportedCoursesExternalUnitsUnchanged() throws Exception {
    Course course;
    try (var in = getClass().getResourceAsStream("/vn/hocso/content/cmi5/valid-cmi5.xml")) {
      course =
          new vn.hocso.content.cmi5.Cmi5Reader()
              .read(in)
              .toCourse("an-toan-tren-mang", vn.hocso.content.course.domain.Track.E_COMMERCE, 40);
    }
    var exported = course.edit();

    var imported = reader.read(new ByteArrayInputStream(export(exported)));

    assertThat(imported.course().workingVersion().orElseThrow())
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes(
            "(.*\\.)?(id|revision|course|version|status|number|createdAt|publishedAt)")
        .isEqualTo(exported);
    assertThat(
            new String(
                new CoursePackageWriter().json(imported.course().edit()), StandardCharsets.UTF_8))
        .containsPattern("\"type\":\\s*\"externalAu\"")
        .containsPattern("\"masteryScore\":\\s*0.75");
  }

  @Test
  void exportsTheSameJsonAfterARoundTrip() throws Exception {
    var exported = SampleCourses.qrPayment().edit();

    var imported = reader.read(new ByteArrayInputStream(export(exported)));

    var writer = new CoursePackageWriter();
    assertThat(new String(writer.json(imported.course().edit()), StandardCharsets.UTF_8))
        .isEqualTo(new String(writer.json(exported), StandardCharsets.UTF_8));
  }

  @Test
  void importsAsADraftThatCanBePublished() throws Exception {
    var imported = reader.read(new ByteArrayInputStream(export(SampleCourses.qrPayment().edit())));

    imported.course().publish();

    assertThat(imported.course().isPublished()).isTrue();
  }

  @Test
  void rejectsSomethingThatIsNotAZip() {
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes("hello"))))
        .isInstanceOf(CoursePackageException.class)
        .hasMessage("The package is not a zip file, or it is empty")
        .extracting(e -> ((CoursePackageException) e).vietnameseMessage())
        .isEqualTo("Tệp không phải là tệp nén .zip, hoặc tệp rỗng");
  }

  @Test
  void rejectsAPackageWithoutCourseJson() {
    assertThatThrownBy(() -> read(Map.of("media/a.png", bytes("x"))))
        .hasMessage("The package has no course.json at its top level");
  }

  @Test
  void rejectsCourseJsonThatIsNotJson() {
    assertThatThrownBy(() -> read(Map.of("course.json", bytes("{ not json"))))
        .hasMessageStartingWith("course.json is not a JSON object");
  }

  @Test
  void rejectsAnUnknownFormatVersion() {
    assertThatThrownBy(
            () -> readJson(json().replace("\"formatVersion\": 1", "\"formatVersion\": 9")))
        .hasMessage("formatVersion 9 is not supported (this reader knows 1)");
  }

  @Test
  void namesAMissingLessonTitleByItsPlace() {
    assertThatThrownBy(() -> readJson(json().replace("\"title\": \"Kiểm tra người nhận\",", "")))
        .hasMessage("course.modules[0].lessons[1].title is required")
        .extracting(e -> ((CoursePackageException) e).vietnameseMessage())
        .isEqualTo("Tệp course.json sai ở course.modules[0].lessons[1].title: bắt buộc phải có");
  }

  @Test
  void namesAFieldOfTheWrongType() {
    assertThatThrownBy(
            () -> readJson(json().replace("\"passingScore\": 80", "\"passingScore\": \"80\"")))
        .hasMessage("course.modules[0].quiz.passingScore must be a whole number");
  }

  @Test
  void namesAnUnknownBlockType() {
    assertThatThrownBy(
            () -> readJson(json().replace("\"type\": \"callout\"", "\"type\": \"hologram\"")))
        .hasMessage(
            "course.modules[0].lessons[0].blocks[4].type is not a known block type: hologram");
  }

  @Test
  void namesABrokenDomainRuleByItsPlace() {
    assertThatThrownBy(
            () ->
                readJson(
                    json()
                        .replace(
                            "\"link\": \"https://www.youtube.com/watch?v=abc\"",
                            "\"link\": \"http://example.com/v\"")))
        .hasMessage(
            "course.modules[0].lessons[0].blocks[3] is not valid: A video link must be an https address, not: http://example.com/v");
  }

  @Test
  void rejectsARepeatedLessonKeyInsteadOfRenamingIt() {
    assertThatThrownBy(
            () -> readJson(json().replace("\"key\": \"tong-ket\"", "\"key\": \"quet-ma-qr\"")))
        .hasMessage(
            "course.modules[1].lessons[0].key repeats the key quet-ma-qr of another item of its kind");
  }

  @Test
  void rejectsAReferenceToMediaThePackageLacks() throws Exception {
    var entries = new LinkedHashMap<String, byte[]>();
    entries.put("course.json", bytes(json()));
    entries.putAll(MEDIA);
    entries.remove("media/buoc-1.png");

    assertThatThrownBy(() -> read(entries))
        .hasMessage("course.json refers to media/buoc-1.png but the package does not contain it");
  }

  @Test
  void rejectsAnEntryThatWouldEscapeTheMediaFolder() {
    assertThatThrownBy(
            () -> read(Map.of("course.json", bytes(json()), "media/../../etc/x", bytes("x"))))
        .hasMessageContaining("media/../../etc/x is not allowed");
  }

  @Test
  void rejectsAPackageThatUnpacksTooLarge() {
    var small = new CoursePackageReader(100);

    assertThatThrownBy(
            () -> small.read(new ByteArrayInputStream(zip(Map.of("course.json", bytes(json()))))))
        .hasMessage("The package unpacks to more than 100 bytes");
  }

  @Test
  void refusesToExportACourseWhoseMediaIsMissing() {
    var version = SampleCourses.qrPayment().edit();

    assertThatThrownBy(
            () ->
                new CoursePackageWriter().write(version, name -> null, new ByteArrayOutputStream()))
        .hasMessageContaining("media/cover.jpg");
  }

  private static byte[] export(CourseVersion version) throws IOException {
    var out = new ByteArrayOutputStream();
    new CoursePackageWriter().write(version, MEDIA::get, out);
    return out.toByteArray();
  }

  private static String json() {
    Course course = SampleCourses.qrPayment();
    return new String(new CoursePackageWriter().json(course.edit()), StandardCharsets.UTF_8);
  }

  private CoursePackage readJson(String json) throws Exception {
    var entries = new LinkedHashMap<String, byte[]>(MEDIA);
    entries.put("course.json", bytes(json));
    return read(entries);
  }

  private CoursePackage read(Map<String, byte[]> entries) throws Exception {
    return reader.read(new ByteArrayInputStream(zip(entries)));
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
