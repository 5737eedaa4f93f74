package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A trainer writes a course on a phone-sized screen (three lessons and a quiz), reorders two
 * lessons, previews one, publishes; a learner then finds it without diacritics. And script typed or
 * smuggled into every field of a course never runs in the learner's browser.
 */
class AuthoringPageIT {

  static final By LESSON_LINKS = By.cssSelector("[id='editor:outline'] .lesson-link");

  @Test
  void aTrainerWritesReordersPreviewsAndPublishesAndALearnerFindsTheCourse() throws Exception {
    var platform = SharedPlatform.get();
    var title = "Nhận biết cuộc gọi giả danh công an";
    try (var trainer = new Browser()) {
      trainer.logIn(platform, "giangvien");
      var editor = createCourse(trainer, title, "Cách nhận ra và từ chối cuộc gọi lừa đảo.");

      addModule(trainer, "Những dấu hiệu");
      for (var lesson : List.of("Giọng nói gấp gáp", "Yêu cầu chuyển tiền", "Gọi lại số thật")) {
        addLesson(trainer, lesson);
      }
      assertThat(texts(trainer, LESSON_LINKS))
          .containsExactly("Giọng nói gấp gáp", "Yêu cầu chuyển tiền", "Gọi lại số thật");
      assertThat(trainer.driver().findElement(By.id("problems")).getText())
          .contains("Giọng nói gấp gáp");

      for (int i = 0; i < 3; i++) {
        trainer.open(editor);
        trainer.waitFor(LESSON_LINKS);
        trainer.driver().findElements(LESSON_LINKS).get(i).click();
        writeText(trainer, "Nội dung bài " + (i + 1) + ": không chuyển tiền cho người lạ.");
      }
      trainer.open(editor);
      buildQuiz(trainer, "Công an có gọi điện bắt chuyển tiền không?", "Không bao giờ", "Có");

      trainer.open(editor);
      trainer.waitFor(By.id("editor:modules:0:lessons:0:down")).click(); // the keyboard's way
      waitUntil(
          trainer,
          () ->
              texts(trainer, LESSON_LINKS)
                  .equals(List.of("Yêu cầu chuyển tiền", "Giọng nói gấp gáp", "Gọi lại số thật")));
      trainer.screenshot("authoring-outline-360");

      // And with the mouse: drag the last lesson to the top, then the second one above it.
      dragLesson(trainer, 2, 0);
      waitUntil(
          trainer,
          () ->
              texts(trainer, LESSON_LINKS)
                  .equals(List.of("Gọi lại số thật", "Yêu cầu chuyển tiền", "Giọng nói gấp gáp")));
      dragLesson(trainer, 1, 0);
      waitUntil(
          trainer,
          () ->
              texts(trainer, LESSON_LINKS)
                  .equals(List.of("Yêu cầu chuyển tiền", "Gọi lại số thật", "Giọng nói gấp gáp")));
      trainer.open(editor); // what was stored, not what the browser shows
      assertThat(texts(trainer, LESSON_LINKS))
          .containsExactly("Yêu cầu chuyển tiền", "Gọi lại số thật", "Giọng nói gấp gáp");

      trainer
          .driver()
          .findElements(By.cssSelector("[id='editor:outline'] .preview-link"))
          .get(0)
          .click();
      // Trainers mostly write on a computer: the phone frame keeps a learner's 360 px inside it.
      trainer.driver().manage().window().setSize(new Dimension(1024, 900));
      var frame = trainer.waitFor(By.id("phone"));
      assertThat(
              ((JavascriptExecutor) trainer.driver())
                  .executeScript("return document.getElementById('phone').clientWidth;"))
          .isEqualTo(360L);
      trainer.driver().switchTo().frame(frame);
      trainer.waitForText(By.id("lesson-title"), "Yêu cầu chuyển tiền");
      assertThat(trainer.driver().findElement(By.cssSelector(".lesson-body")).getText())
          .contains("Nội dung bài 2");
      trainer.driver().switchTo().defaultContent();
      trainer.screenshot("authoring-preview-1024");
      trainer.driver().manage().window().setSize(new Dimension(360, 740));

      trainer.open(editor);
      publish(trainer);
      trainer.waitForText(By.id("version-status"), "Phiên bản 1: đã xuất bản");
    }

    try (var learner = new Browser()) {
      learner.logIn(platform, "hocvien");
      learner.open(platform.uri("/app/catalogue.xhtml"));
      learner.waitFor(By.id("catalogue:query")).sendKeys("nhan biet cuoc goi gia danh cong an");
      By titles = By.cssSelector("[id='catalogue:results'] .course-card h2");
      waitUntil(learner, () -> texts(learner, titles).contains(title));
      learner.clickWhenSettled(By.linkText(title));
      learner.waitForText(By.id("course-title"), title);
      assertThat(texts(learner, By.cssSelector(".outline-lesson")))
          .containsExactly("Yêu cầu chuyển tiền", "Gọi lại số thật", "Giọng nói gấp gáp");
      assertThat(learner.driver().findElement(By.cssSelector(".lesson-body")).getText())
          .contains("Nội dung bài 2");
      learner.screenshot("course-page-360");
    }
  }

  @Test
  void aLearnerAnswersAQuestionInsideALessonAndTriesAgain() throws Exception {
    var platform = SharedPlatform.get();
    var title = "Kiểm tra mã QR trước khi quét";
    try (var trainer = new Browser()) {
      trainer.logIn(platform, "giangvien");
      var editor = createCourse(trainer, title, "Một câu hỏi ngay trong bài.");
      addModule(trainer, "Trước khi quét");
      addLesson(trainer, "Mã QR lạ");
      trainer.driver().findElements(LESSON_LINKS).get(0).click();
      writeText(trainer, "Mã QR do người lạ gửi có thể dẫn tới trang giả.");
      trainer
          .waitFor(By.id("question:prompt"))
          .sendKeys("Người lạ gửi mã QR qua Zalo, chị làm gì?");
      trainer
          .driver()
          .findElement(By.id("question:option:0:option-text"))
          .sendKeys("Hỏi lại người thân trước khi quét");
      trainer.driver().findElement(By.id("question:option:0:option-correct")).click();
      trainer.driver().findElement(By.id("question:option:1:option-text")).sendKeys("Quét ngay");
      trainer
          .driver()
          .findElement(By.id("question:option:1:option-feedback"))
          .sendKeys("Quét ngay có thể mất tiền.");
      trainer.driver().findElement(By.id("question:save-question")).click();
      trainer.waitForText(By.id("blocks:list"), "Người lạ gửi mã QR qua Zalo");
      trainer.open(editor);
      buildQuiz(trainer, "Có nên quét mã QR lạ không?", "Không", "Có");
      trainer.open(editor);
      publish(trainer);
      trainer.waitForText(By.id("version-status"), "đã xuất bản");
    }

    // A learner of her own: the demo learner's enrolments are counted by other tests.
    var phone = Learners.newPhone("093");
    try (var learner = new Browser()) {
      Learners.register(
          platform, learner, "Phan Thị Hỏi " + phone.substring(6), phone, "mat-khau-cau-hoi");
    }
    try (var learner = new Browser()) {
      learner.logIn(platform, phone, "mat-khau-cau-hoi");
      learner.open(platform.uri("/app/catalogue.xhtml"));
      learner.waitFor(By.id("catalogue:query")).sendKeys("kiem tra ma qr truoc khi quet");
      By titles = By.cssSelector("[id='catalogue:results'] .course-card h2");
      waitUntil(learner, () -> texts(learner, titles).contains(title));
      learner.clickWhenSettled(By.linkText(title));
      learner.waitFor(By.id("enrol:enrol-button")).click();
      learner.waitForUrlContaining("/app/learn.xhtml");
      learner.waitForText(By.id("lesson-title"), "Mã QR lạ");

      By question = By.cssSelector(".answerable-question");
      learner.waitFor(question).findElement(By.cssSelector("input[type=submit]")).click();
      learner.waitForText(By.cssSelector(".question-feedback"), "Hãy chọn câu trả lời");

      learner.waitFor(By.xpath("//label[normalize-space()='Quét ngay']")).click();
      learner
          .driver()
          .findElement(question)
          .findElement(By.cssSelector("input[type=submit]"))
          .click();
      learner.waitForText(By.cssSelector(".question-feedback"), "Chưa đúng.");
      assertThat(learner.driver().findElement(By.cssSelector(".question-feedback")).getText())
          .contains("Quét ngay có thể mất tiền.");

      learner
          .waitFor(By.xpath("//label[normalize-space()='Hỏi lại người thân trước khi quét']"))
          .click();
      learner
          .driver()
          .findElement(question)
          .findElement(By.cssSelector("input[type=submit]"))
          .click();
      learner.waitForText(By.cssSelector(".question-feedback"), "Đúng rồi!");
      assertThat(learner.driver().findElement(By.id("lesson-title")).getText())
          .isEqualTo("Mã QR lạ");
      learner.screenshot("lesson-question-360");
    }
  }

  @Test
  void learnersSeeAnEditOfAPublishedCourseOnlyOnceTheNewVersionIsPublished() throws Exception {
    var platform = SharedPlatform.get();
    try (var trainer = new Browser();
        var learner = new Browser()) {
      trainer.logIn(platform, "giangvien");
      var editor = createCourse(trainer, "Chụp ảnh sản phẩm bằng điện thoại", "Ảnh đẹp, bán chạy.");
      addModule(trainer, "Ánh sáng");
      addLesson(trainer, "Chụp gần cửa sổ");
      trainer.waitFor(LESSON_LINKS).click();
      writeText(trainer, "Ánh sáng tự nhiên làm màu thật.");
      var photo = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
      var png = Files.createDirectories(Path.of("target", "uploads")).resolve("ao.png");
      ImageIO.write(photo, "png", png.toFile());
      trainer.waitFor(By.id("image:file")).sendKeys(png.toAbsolutePath().toString());
      trainer.driver().findElement(By.id("image:alt")).sendKeys("Chiếc áo bên cửa sổ");
      trainer.driver().findElement(By.id("image:save-image")).click();
      trainer.waitForText(By.id("messages"), "Đã lưu");
      trainer.open(editor);
      publish(trainer);
      trainer.waitForText(By.id("version-status"), "Phiên bản 1: đã xuất bản");
      var courseId = editor.getQuery().replaceAll(".*id=(\\d+).*", "$1");

      learner.logIn(platform, "hocvien");
      learner.open(platform.uri("/app/course.xhtml?id=" + courseId));
      learner.waitForText(By.id("lesson-title"), "Chụp gần cửa sổ");
      var image = learner.waitFor(By.cssSelector(".lesson-body img"));
      assertThat(image.getAttribute("alt")).isEqualTo("Chiếc áo bên cửa sổ");
      waitUntil(learner, () -> !"0".equals(image.getAttribute("naturalWidth")));
      assertThat(image.getAttribute("naturalWidth")).isEqualTo("1280"); // resized on upload

      trainer.waitFor(LESSON_LINKS).click();
      var name = trainer.waitFor(By.id("name:title"));
      name.clear();
      name.sendKeys("Chụp gần cửa sổ, buổi sáng");
      trainer.driver().findElement(By.id("name:rename")).click();
      trainer.waitForText(By.id("messages"), "Đã lưu");
      trainer.open(editor);
      trainer.waitForText(By.id("version-status"), "Phiên bản 2: bản nháp");
      assertThat(trainer.driver().findElement(By.id("version-status")).getText())
          .contains("học viên đang thấy phiên bản 1");

      learner.driver().navigate().refresh();
      learner.waitForText(By.id("lesson-title"), "Chụp gần cửa sổ");
      assertThat(learner.driver().findElement(By.id("lesson-title")).getText())
          .isEqualTo("Chụp gần cửa sổ");

      trainer.waitFor(By.id("editor:history")).click();
      trainer.waitForText(
          By.cssSelector(".history"), "Đổi tên bài học thành «Chụp gần cửa sổ, buổi sáng»");
      assertThat(trainer.driver().findElement(By.cssSelector(".history")).getText())
          .contains("Phiên bản 1: đã xuất bản")
          .contains("Phiên bản đầu tiên")
          .contains("Bắt đầu bản nháp mới · Trần Thị Hoa");
      trainer.screenshot("authoring-history-360");

      trainer.open(editor);
      publish(trainer);
      trainer.waitForText(By.id("version-status"), "Phiên bản 2: đã xuất bản");
      learner.driver().navigate().refresh();
      learner.waitForText(By.id("lesson-title"), "Chụp gần cửa sổ, buổi sáng");
    }
  }

  @Test
  void scriptInEveryFieldAndInUploadedFilesNeverRunsForTheLearner() throws Exception {
    var platform = SharedPlatform.get();
    var payload = "<img src=x onerror=\"window.__xss=1;alert(1)\">";
    var script = "<script>window.__xss=2;alert(2)</script>";
    var title = "Khoá an toàn " + payload;
    try (var trainer = new Browser()) {
      trainer.logIn(platform, "giangvien");
      var editor = createCourse(trainer, title, "Giới thiệu " + script);
      addModule(trainer, "Phần " + payload);
      addLesson(trainer, "Bài " + script);

      trainer.waitFor(LESSON_LINKS).click();
      // Smuggle raw HTML past the editor, as a crafted request would.
      trainer.waitFor(By.cssSelector("[id='text:html'] .ql-editor"));
      ((JavascriptExecutor) trainer.driver())
          .executeScript(
              "document.getElementById('text:html_input').value = arguments[0];",
              "<p>Đoạn an toàn</p>"
                  + payload
                  + script
                  + "<a href=\"javascript:window.__xss=3\">bấm</a>"
                  + "<svg onload=\"window.__xss=4\"></svg>"
                  + "<p onmouseover=\"window.__xss=5\">di chuột</p>");
      trainer.driver().findElement(By.id("text:save-text")).click();
      trainer.waitForText(By.id("blocks:list"), "Đoạn an toàn");

      trainer.waitFor(By.id("callout:callout-text")).sendKeys("Cảnh báo " + payload);
      trainer.driver().findElement(By.id("callout:save-callout")).click();
      trainer.waitForText(By.id("blocks:list"), "Cảnh báo <img");

      for (var file :
          List.of(
              write("anh.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
              write("anh.html", "<html><script>alert(1)</script></html>"))) {
        trainer.waitFor(By.id("image:file")).sendKeys(file.toString());
        trainer.driver().findElement(By.id("image:alt")).sendKeys("Ảnh " + payload);
        trainer.driver().findElement(By.id("image:save-image")).click();
        trainer.waitForText(By.id("messages"), "Không nhận tệp SVG hay HTML");
      }

      trainer.open(editor);
      buildQuiz(trainer, "Câu hỏi " + payload, "Đúng " + script, "Sai " + payload);
      trainer.open(editor);
      publish(trainer);
      trainer.waitForText(By.id("version-status"), "đã xuất bản");
      assertNothingRan(trainer);
    }

    try (var learner = new Browser()) {
      learner.logIn(platform, "hocvien");
      learner.open(platform.uri("/app/catalogue.xhtml"));
      learner.waitFor(By.id("catalogue:query")).sendKeys("khoa an toan");
      waitUntil(
          learner,
          () ->
              texts(learner, By.cssSelector("[id='catalogue:results'] .course-card h2"))
                  .contains(title));
      assertNothingRan(learner);
      learner.clickWhenSettled(By.linkText(title));
      learner.waitForText(By.id("course-title"), title); // shown as text, not markup
      var body = learner.waitFor(By.cssSelector(".lesson-body"));
      assertThat(body.getText()).contains("Đoạn an toàn").contains("Cảnh báo <img src=x");
      assertThat(
              learner
                  .driver()
                  .findElements(
                      By.cssSelector(".lesson-body img, .lesson-body svg, .lesson-body script")))
          .isEmpty();
      assertThat(body.getText()).contains("bấm");
      assertThat(learner.driver().findElements(By.cssSelector(".lesson-body [href^='javascript']")))
          .isEmpty();
      new org.openqa.selenium.interactions.Actions(learner.driver())
          .moveToElement(body.findElement(By.xpath(".//*[contains(text(),'di chuột')]")))
          .perform();
      assertNothingRan(learner);
      learner.screenshot("course-page-xss-360");
    }
  }

  // ---- steps ----

  /**
   * What needs a browser from authoring part 2: a cmi5.xml upload (a broken one names its problem
   * and creates nothing), moving a lesson to another module without a mouse, a video link, a second
   * trainer's stale save refused, and the review queue with a returned comment.
   */
  @Test
  void cmi5ImportMovingAcrossModulesStaleSavesAndTheReviewQueue() throws Exception {
    var platform = SharedPlatform.get();
    var cmi5 =
        """
        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
          <course id="https://noidung.example.vn/khoa-hoc/cong-dich-vu-cong">
            <title><langstring lang="vi">Nộp hồ sơ trên Cổng dịch vụ công</langstring></title>
            <description><langstring lang="vi">Từng bước nộp hồ sơ trực tuyến.</langstring></description>
          </course>
          <au id="https://noidung.example.vn/au/tim-thu-tuc">
            <title><langstring lang="vi">Tìm thủ tục</langstring></title>
            <description><langstring lang="vi">Gõ tên thủ tục vào ô tìm kiếm.</langstring></description>
            <url>https://noidung.example.vn/au/tim-thu-tuc/</url>
          </au>
          <au id="https://noidung.example.vn/au/nop-ho-so" moveOn="Completed">
            <title><langstring lang="vi">Nộp hồ sơ</langstring></title>
            <description><langstring lang="vi">Điền tờ khai và gửi.</langstring></description>
            <url>https://noidung.example.vn/au/nop-ho-so/</url>
          </au>
        </courseStructure>
        """;
    var broken = write("broken-cmi5.xml", cmi5.replace("moveOn=\"Completed\"", "moveOn=\"Soon\""));
    var valid = write("cmi5.xml", cmi5);
    java.net.URI editor;
    try (var trainer = new Browser()) {
      trainer.logIn(platform, "giangvien");
      trainer.waitFor(By.id("nav-authoring")).click();
      trainer.waitFor(By.id("import-cmi5:file")).sendKeys(broken.toString());
      trainer.driver().findElement(By.id("import-cmi5:import")).click();
      trainer.waitForText(By.id("messages"), "Soon");
      assertThat(trainer.driver().getCurrentUrl()).contains("/app/authoring/courses.xhtml");
      assertThat(texts(trainer, By.cssSelector("[id='mine:courses'] .course-link")))
          .doesNotContain("Nộp hồ sơ trên Cổng dịch vụ công");

      trainer.waitFor(By.id("import-cmi5:file")).sendKeys(valid.toString());
      trainer.driver().findElement(By.id("import-cmi5:import")).click();
      trainer.waitForUrlContaining("/app/authoring/course.xhtml");
      trainer.waitForText(By.id("editor-title"), "Nộp hồ sơ trên Cổng dịch vụ công");
      editor = java.net.URI.create(trainer.driver().getCurrentUrl());
      assertThat(texts(trainer, LESSON_LINKS)).containsExactly("Tìm thủ tục", "Nộp hồ sơ");

      // Move "Nộp hồ sơ" into a new module with the select and its button (no mouse).
      addModule(trainer, "Sau khi nộp");
      moveWithSelect(trainer, 1, "Sau khi nộp");
      waitForLessons(trainer, 1, List.of("Nộp hồ sơ"));

      // And back by the mouse: drag it across modules, above "Tìm thủ tục".
      dragLesson(trainer, 1, 0, 0, 0);
      waitForLessons(trainer, 0, List.of("Nộp hồ sơ", "Tìm thủ tục"));
      assertThat(lessonsOf(trainer, 1)).isEmpty();
      // A module may not stay empty: the select takes it there again.
      moveWithSelect(trainer, 0, "Sau khi nộp");
      waitForLessons(trainer, 1, List.of("Nộp hồ sơ"));

      // A video link in a lesson; the imported unit shows as an external lesson.
      trainer.driver().findElement(By.linkText("Tìm thủ tục")).click();
      trainer.waitFor(By.id("video:video-link")).sendKeys("https://www.youtube.com/watch?v=vneid");
      trainer.driver().findElement(By.id("video:save-video")).click();
      trainer.waitForText(By.id("blocks:list"), "https://www.youtube.com/watch?v=vneid");
      assertThat(trainer.driver().findElement(By.id("blocks:list")).getText())
          .contains("https://noidung.example.vn/au/tim-thu-tuc/");

      // Two pages on the same draft: the later save from the older page is refused.
      trainer.open(editor);
      try (var second = new Browser()) {
        second.logIn(platform, "giangvien");
        second.open(editor);
        var title = second.waitFor(By.id("editor:modules:1:module-title"));
        title.clear();
        title.sendKeys("Theo dõi hồ sơ");
        second.driver().findElement(By.id("editor:modules:1:rename-module")).click();
        second.waitForText(By.id("editor:outline"), "Theo dõi hồ sơ");
      }
      var stale = trainer.waitFor(By.id("editor:modules:1:module-title"));
      stale.clear();
      stale.sendKeys("Tên cũ đè lên");
      trainer.driver().findElement(By.id("editor:modules:1:rename-module")).click();
      trainer.waitForText(By.id("editor:messages"), "người khác vừa sửa");
      trainer.open(editor);
      assertThat(trainer.waitFor(By.id("editor:outline")).getText())
          .contains("Theo dõi hồ sơ")
          .doesNotContain("Tên cũ đè lên");

      trainer.waitFor(By.id("editor:submit-review")).click();
      trainer.waitFor(By.id("editor:confirm-yes")).click();
      trainer.waitForText(By.id("version-status"), "chờ duyệt");
    }

    try (var admin = new Browser()) {
      admin.logIn(platform, "quantri");
      admin.open(platform.uri("/app/authoring/review.xhtml"));
      admin.waitFor(By.linkText("Nộp hồ sơ trên Cổng dịch vụ công")).click();
      admin.waitForUrlContaining("/app/authoring/course.xhtml");
      admin.waitFor(By.id("editor:return-comment")).sendKeys("Bài 1 cần ảnh chụp màn hình.");
      admin.driver().findElement(By.id("editor:return-draft")).click();
      admin.waitFor(By.id("editor:confirm-yes")).click();
      admin.waitForText(By.id("version-status"), "bản nháp");
      admin.screenshot("authoring-returned-360");
      admin.open(platform.uri("/app/authoring/review.xhtml"));
      assertThat(admin.waitFor(By.id("queue")).getText())
          .doesNotContain("Nộp hồ sơ trên Cổng dịch vụ công");
      admin.driver().navigate().to(editor.toString().replace("course.xhtml", "history.xhtml"));
      admin.waitForText(By.cssSelector(".history"), "Bài 1 cần ảnh chụp màn hình.");
    }
  }

  /** Creates a course from "my courses" and returns its editor's address. */
  static java.net.URI createCourse(Browser browser, String title, String summary) {
    browser.waitFor(By.id("nav-authoring")).click();
    browser.waitFor(By.id("create:title")).sendKeys(title);
    browser.driver().findElement(By.id("create:summary")).sendKeys(summary);
    browser.driver().findElement(By.id("create:create")).click();
    browser.waitForUrlContaining("/app/authoring/course.xhtml");
    browser.waitForText(By.id("editor-title"), title);
    return java.net.URI.create(browser.driver().getCurrentUrl());
  }

  static void addModule(Browser browser, String title) {
    browser.waitFor(By.id("editor:new-module")).sendKeys(title);
    browser.driver().findElement(By.id("editor:add-module")).click();
    browser.waitForText(By.id("editor:outline"), title);
  }

  static void addLesson(Browser browser, String title) {
    var before = browser.driver().findElements(LESSON_LINKS).size();
    browser.waitFor(By.id("editor:modules:0:new-lesson")).sendKeys(title);
    browser.driver().findElement(By.id("editor:modules:0:add-lesson")).click();
    waitUntil(browser, () -> browser.driver().findElements(LESSON_LINKS).size() == before + 1);
  }

  /** Types into the rich-text editor (Quill) of the open lesson editor and saves. */
  static void writeText(Browser browser, String text) {
    browser.waitFor(By.cssSelector("[id='text:html'] .ql-editor")).sendKeys(text);
    browser.driver().findElement(By.id("text:save-text")).click();
    browser.waitForText(By.id("blocks:list"), text);
  }

  /** Opens the quiz builder of the first module, creates the quiz and adds one question. */
  static void buildQuiz(Browser browser, String prompt, String right, String wrong) {
    browser.waitFor(By.cssSelector("[id='editor:outline'] .quiz-link")).click();
    browser.waitFor(By.id("settings:save-settings")).click();
    browser.waitFor(By.id("question:prompt")).sendKeys(prompt);
    browser.driver().findElement(By.id("question:option:0:option-text")).sendKeys(right);
    browser.driver().findElement(By.id("question:option:0:option-correct")).click();
    browser.driver().findElement(By.id("question:option:1:option-text")).sendKeys(wrong);
    browser.driver().findElement(By.id("question:feedback-wrong")).sendKeys("Xem lại bài 2");
    browser.driver().findElement(By.id("question:save-question")).click();
    waitUntil(
        browser, () -> browser.driver().findElements(By.cssSelector(".question-card")).size() == 1);
  }

  /** Drags a lesson row of the first module by the mouse (jQuery UI sortable under the table). */
  static void dragLesson(Browser browser, int from, int to) {
    dragLesson(browser, 0, from, 0, to);
  }

  /** Drags a lesson row by the mouse onto another row, in its own module or another one. */
  static void dragLesson(Browser browser, int fromModule, int from, int toModule, int to) {
    var source = handles(browser, fromModule).get(from);
    var target = handles(browser, toModule).get(to);
    // jQuery UI sorts once past the row's middle: upward drags aim above it, downward below.
    int offset = toModule < fromModule || (toModule == fromModule && to < from) ? -8 : 8;
    // Both rows in the viewport: centre the point halfway between them.
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "var a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
                + " window.scrollBy(0, (a.top + b.top) / 2 - window.innerHeight / 2);",
            source,
            target);
    new org.openqa.selenium.interactions.Actions(browser.driver())
        .clickAndHold(source)
        .moveByOffset(0, offset)
        .moveToElement(target)
        .moveByOffset(0, offset)
        .pause(Duration.ofMillis(300))
        .release()
        .perform();
    waitUntil(
        browser,
        () ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty()"
                            + " && document.readyState === 'complete';")));
  }

  /** Moves the first module's lesson in this row to the end of another module, without a mouse. */
  static void moveWithSelect(Browser browser, int row, String moduleTitle) {
    new org.openqa.selenium.support.ui.Select(
            browser.waitFor(By.id("editor:modules:0:lessons:" + row + ":target")))
        .selectByVisibleText(moduleTitle);
    browser.driver().findElement(By.id("editor:modules:0:lessons:" + row + ":move-to")).click();
  }

  static List<String> lessonsOf(Browser browser, int module) {
    return texts(
        browser, By.cssSelector("[id='editor:modules:" + module + ":lessons'] .lesson-link"));
  }

  static void waitForLessons(Browser browser, int module, List<String> titles) {
    waitUntil(browser, () -> lessonsOf(browser, module).equals(titles));
  }

  private static List<WebElement> handles(Browser browser, int module) {
    return browser
        .driver()
        .findElements(
            By.cssSelector("[id='editor:modules:" + module + ":lessons'] tbody tr .drag-handle"));
  }

  static void publish(Browser browser) {
    browser.waitFor(By.id("editor:publish")).click();
    browser.waitFor(By.id("editor:confirm-yes")).click();
  }

  static void assertNothingRan(Browser browser) {
    var flag = ((JavascriptExecutor) browser.driver()).executeScript("return window.__xss;");
    assertThat(flag).isNull();
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("A script opened an alert");
    } catch (NoAlertPresentException expected) {
      // no alert: nothing ran
    }
  }

  static Path write(String name, String content) throws Exception {
    var folder = Files.createDirectories(Path.of("target", "uploads"));
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8)
        .toAbsolutePath();
  }

  static List<String> texts(Browser browser, By locator) {
    return browser.driver().findElements(locator).stream().map(WebElement::getText).toList();
  }

  static void waitUntil(Browser browser, BooleanSupplier condition) {
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .ignoring(StaleElementReferenceException.class)
          .until(driver -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      keepEvidence(browser);
      throw e;
    }
  }

  /** A screenshot and the page source under target/, to see why a wait failed. */
  static void keepEvidence(Browser browser) {
    try {
      var name = "authoring-failure-" + System.currentTimeMillis();
      browser.screenshot(name);
      Files.writeString(
          Path.of("target", "screenshots", name + ".html"), browser.driver().getPageSource());
    } catch (Exception ignored) {
      // evidence is a courtesy; the wait's own failure is what matters
    }
  }
}
