package vn.hocso.lms.authoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import vn.hocso.content.course.application.LessonView;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * A lesson of the version being written, shown as a learner would see it: the preview page puts it
 * in a frame 360 px wide, the width of a cheap phone.
 */
@Named
@RequestScoped
public class PreviewView {

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;

  private long course;
  private String lesson;
  private String quizModule;
  private LessonView view;
  private vn.hocso.lms.authoring.control.QuizView quiz;

  /** Loads the lesson, or with {@code quiz=<module key>} the module's quiz. */
  public void load() throws IOException {
    try {
      if (quizModule != null && !quizModule.isBlank()) {
        quiz =
            authoring
                .quiz(author.caller(), course, quizModule)
                .orElseThrow(java.util.NoSuchElementException::new);
      } else {
        view = authoring.lesson(author.caller(), course, lesson);
      }
    } catch (AccessDeniedException | java.util.NoSuchElementException e) {
      CourseEditorView.notFound();
    }
  }

  public vn.hocso.lms.authoring.control.QuizView getQuiz() {
    return quiz;
  }

  /** The page's heading: the lesson's or the quiz's title. */
  public String getTitle() {
    return quiz != null ? quiz.title() : view == null ? "" : view.title();
  }

  public String getQuizModule() {
    return quizModule;
  }

  /**
   * The frame's query string: the course and either the lesson or the quiz, each only when set (a
   * missing one written into the URL would come back as the text "null").
   */
  public String getFrameQuery() {
    var query = new StringBuilder("course=").append(course);
    if (quizModule != null && !quizModule.isBlank()) {
      query.append("&quiz=").append(encode(quizModule));
    } else if (lesson != null) {
      query.append("&lesson=").append(encode(lesson));
    }
    return query.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  public void setQuizModule(String quizModule) {
    this.quizModule = quizModule;
  }

  public LessonView getView() {
    return view;
  }

  public long getCourse() {
    return course;
  }

  public void setCourse(long course) {
    this.course = course;
  }

  public String getLesson() {
    return lesson;
  }

  public void setLesson(String lesson) {
    this.lesson = lesson;
  }
}
