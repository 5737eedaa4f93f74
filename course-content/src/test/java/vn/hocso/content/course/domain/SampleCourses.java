package vn.hocso.content.course.domain;

import java.net.URI;
import java.util.List;

/** Courses for tests. */
public final class SampleCourses {

  private SampleCourses() {}

  /** A draft course using every part of the model: two modules, every block kind, a quiz. */
  public static Course qrPayment() {
    var course =
        new Course(
            "thanh-toan-bang-ma-qr",
            "Thanh toán bằng mã QR",
            "Paying with a QR code",
            "Quét mã VietQR để chuyển tiền an toàn.",
            Track.ELECTRONIC_PAYMENT,
            30);
    var version = course.edit();
    version.describe("Quét mã VietQR để chuyển tiền an toàn.", "Scan VietQR codes to pay safely.");
    version.classify(Track.ELECTRONIC_PAYMENT, Level.INTERMEDIATE, Audience.MEMBERS);
    version.useCoverImage("media/cover.jpg");
    version.tag(List.of("VietQR", "chuyển tiền"));
    version.requirePrerequisite(URI.create(ActivityIri.COURSE_PREFIX + "dung-dien-thoai"));
    version.unlockInSequence(true);

    var module = version.addModule("Chuyển tiền");
    var lesson = module.addLesson("Quét mã QR");
    lesson.addBlock(new RichTextBlock("<p>Mã <strong>VietQR</strong> có trong ứng dụng.</p>"));
    lesson.addBlock(new ImageBlock("media/vietqr.png", "Một mã VietQR", "Mã của người nhận"));
    lesson.addBlock(VideoBlock.uploaded("media/quet-ma.mp4", "Xem cách quét"));
    lesson.addBlock(VideoBlock.linked("https://www.youtube.com/watch?v=abc", null));
    lesson.addBlock(new CalloutBlock(CalloutBlock.Tone.WARNING, "Không đọc mã OTP cho ai."));
    lesson.addBlock(
        new InstructionBlock(
            "Chuyển tiền bằng mã QR",
            List.of(
                new InstructionStep("Mở ứng dụng ngân hàng.", "media/buoc-1.png"),
                new InstructionStep("Chọn Quét QR.", null))));
    lesson.addBlock(
        new QuestionBlock(
            Question.trueFalse(
                "Nhân viên ngân hàng có thể hỏi mã OTP của bạn.",
                false,
                "Sai rồi: không ai được hỏi mã OTP.",
                "Đúng: giữ mã OTP cho riêng mình.")));
    module
        .addLesson("Kiểm tra người nhận")
        .addBlock(new RichTextBlock("<p>Xem kỹ tên người nhận.</p>"));

    var quiz = module.attachQuiz("Bài kiểm tra", 80, AttemptsPolicy.atMost(3));
    quiz.addQuestion(
        Question.singleChoice(
            "Mã VietQR dùng để làm gì?",
            List.of(
                AnswerOption.right("Chuyển tiền", "Đúng vậy."),
                AnswerOption.wrong("Gọi điện", "Không phải."))));
    quiz.addQuestion(
        Question.multipleChoice(
            "Dấu hiệu lừa đảo là gì?",
            List.of(
                AnswerOption.right("Hỏi mã OTP", null),
                AnswerOption.right("Gửi đường link lạ", null),
                AnswerOption.wrong("Tên người nhận đúng", "Đây là dấu hiệu an toàn."))));
    quiz.addQuestion(
        Question.ordering(
            "Xếp các bước theo thứ tự",
            List.of("Mở ứng dụng", "Quét mã", "Xác nhận"),
            "Chính xác!",
            "Hãy xem lại bài học."));
    quiz.addQuestion(
        Question.trueFalse("Chuyển trên 10 triệu đồng cần xác thực khuôn mặt.", true, null, null));
    quiz.addQuestion(
        Question.singleChoice(
            "Khi có người lạ gọi nhờ cài ứng dụng, bạn làm gì?",
            List.of(
                AnswerOption.wrong("Làm theo", "Có thể là lừa đảo."),
                AnswerOption.right("Từ chối và gọi ngân hàng", "Đúng."))));
    version.addModule("Ôn tập").addLesson("Tổng kết").addBlock(new RichTextBlock("<p>Hết.</p>"));
    return course;
  }
}
