package vn.hocso.lms.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.Quiz;
import vn.hocso.content.course.domain.Response;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VideoBlock;

/**
 * The seeded curriculum ({@code curriculum/index.txt} and one {@code curriculum/<slug>/course.json}
 * per course) reads through the real package reader, is complete enough to publish, and meets the
 * catalogue's promises: at least three courses in each member track and one for Union staff, four
 * lessons or more per course, final quizzes of at least eight questions that can be passed.
 */
class CurriculumTest {

  private static final String ROOT = "/curriculum/";

  /** The only HTML tags seeded rich text may use. */
  private static final Set<String> ALLOWED_TAGS =
      Set.of("p", "ul", "ol", "li", "strong", "em", "h3");

  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([A-Za-z0-9]+)([^>]*)>");

  private static final Pattern ASCII_TAG = Pattern.compile("[a-z0-9]+([ -][a-z0-9]+)*");

  static List<String> slugs() {
    return Curriculum.slugs();
  }

  static CourseVersion read(String slug) {
    var course = Curriculum.read(slug);
    assertThat(course.slug()).as("slug in %s/course.json", slug).isEqualTo(slug);
    return course.workingVersion().orElseThrow();
  }

  @Test
  void theCatalogueCoversEveryTrack() throws Exception {
    var slugs = slugs();
    assertThat(slugs).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
    var perTrack = new EnumMap<Track, Integer>(Track.class);
    for (var slug : slugs) {
      perTrack.merge(read(slug).track(), 1, Integer::sum);
    }
    assertThat(perTrack.getOrDefault(Track.ELECTRONIC_PAYMENT, 0)).isGreaterThanOrEqualTo(3);
    assertThat(perTrack.getOrDefault(Track.E_COMMERCE, 0)).isGreaterThanOrEqualTo(3);
    assertThat(perTrack.getOrDefault(Track.ONLINE_PUBLIC_SERVICES, 0)).isGreaterThanOrEqualTo(3);
    assertThat(perTrack.getOrDefault(Track.UNION_WORK, 0)).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("slugs")
  void eachCourseCanBePublished(String slug) throws Exception {
    var version = read(slug);

    assertThat(version.problemsBeforePublishing()).isEmpty();
    assertThat(version.titleEnglish()).isNotBlank();
    assertThat(version.summaryEnglish()).isNotBlank();
    assertThat(version.language()).isEqualTo("vi");
    assertThat(version.level()).isIn(Level.BASIC, Level.INTERMEDIATE);
    assertThat(version.audience())
        .isEqualTo(version.track() == Track.UNION_WORK ? Audience.UNION_STAFF : Audience.MEMBERS);
    assertThat(version.unlocksInSequence()).isTrue();
    assertThat(version.completionRule().allLessonsSeen()).isTrue();
    assertThat(version.completionRule().allQuizzesPassed()).isTrue();
    assertThat(version.tags()).isNotEmpty().allMatch(tag -> ASCII_TAG.matcher(tag).matches());
    assertThat(version.mediaReferences()).as("seeded courses carry no media").isEmpty();
    assertThat(version.coverImage()).isNull();

    assertThat(version.modules()).hasSizeBetween(1, 3);
    assertThat(version.lessons()).hasSizeGreaterThanOrEqualTo(4);
    var lastModule = version.modules().get(version.modules().size() - 1);
    assertThat(lastModule.quiz()).as("a final quiz").isNotNull();
    assertThat(version.quizzes()).isNotEmpty();
    for (var quiz : version.quizzes()) {
      assertThat(quiz.questions()).as("questions of %s", quiz.key()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(quiz.passingScore()).isEqualTo(80);
      assertThat(quiz.questions()).extracting(Question::kind).contains(QuestionKind.ORDERING);
    }
  }

  @ParameterizedTest
  @MethodSource("slugs")
  void eachLessonIsPlainSafeText(String slug) throws Exception {
    var version = read(slug);
    for (var lesson : version.lessons()) {
      assertThat(lesson.blocks()).as("blocks of %s", lesson.key()).hasSizeGreaterThanOrEqualTo(2);
      for (var block : lesson.blocks()) {
        assertThat(block).isNotInstanceOfAny(ImageBlock.class, VideoBlock.class);
        if (block instanceof RichTextBlock text) {
          var matcher = TAG.matcher(text.html());
          while (matcher.find()) {
            assertThat(matcher.group(1).toLowerCase(Locale.ROOT))
                .as("tag in lesson %s", lesson.key())
                .isIn(ALLOWED_TAGS);
            assertThat(matcher.group(2)).as("attributes in lesson %s", lesson.key()).isBlank();
          }
        } else if (block instanceof InstructionBlock instruction) {
          assertThat(instruction.steps()).allMatch(step -> step.screenshot() == null);
        } else if (block instanceof QuestionBlock question) {
          assertPassable(List.of(question.question()));
        } else if (block instanceof CalloutBlock callout) {
          assertThat(callout.text()).isNotBlank();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("slugs")
  void eachQuizIsPassedByItsRightAnswersAndFailedByWrongOnes(String slug) throws Exception {
    for (Quiz quiz : read(slug).quizzes()) {
      assertPassable(quiz.questions());
      var right = quiz.score(responses(quiz.questions(), true));
      assertThat(right.passed()).as("right answers pass %s", quiz.key()).isTrue();
      assertThat(right.scorePercent()).isEqualTo(100);
      var wrong = quiz.score(responses(quiz.questions(), false));
      assertThat(wrong.passed()).as("wrong answers fail %s", quiz.key()).isFalse();
      assertThat(wrong.correctAnswers()).isZero();
    }
  }

  /** Every option of a choice question explains itself, and some option is right and some wrong. */
  private static void assertPassable(List<Question> questions) {
    for (var question : questions) {
      var options = question.options();
      if (question.kind() == QuestionKind.ORDERING) {
        assertThat(question.feedbackWhenRight()).isNotBlank();
        assertThat(question.feedbackWhenWrong()).isNotBlank();
        assertThat(options).hasSizeGreaterThanOrEqualTo(3);
        continue;
      }
      assertThat(options)
          .as("feedback for each option of %s", question.key())
          .allMatch(option -> option.feedback() != null && !option.feedback().isBlank());
      assertThat(options)
          .as("right options of %s", question.key())
          .anyMatch(AnswerOption::isCorrect);
      assertThat(options).as("wrong options of %s", question.key()).anyMatch(o -> !o.isCorrect());
    }
  }

  private static Map<String, Response> responses(List<Question> questions, boolean right) {
    var responses = new HashMap<String, Response>();
    for (var question : questions) {
      var keys = question.options().stream().map(AnswerOption::key).toList();
      List<String> chosen;
      if (question.kind() == QuestionKind.ORDERING) {
        chosen = right ? keys : reversed(keys);
      } else {
        chosen =
            question.options().stream()
                .filter(option -> option.isCorrect() == right)
                .map(AnswerOption::key)
                .limit(right ? Long.MAX_VALUE : 1)
                .toList();
      }
      responses.put(question.key(), new Response(chosen));
    }
    return responses;
  }

  private static List<String> reversed(List<String> keys) {
    var copy = new ArrayList<>(keys);
    Collections.reverse(copy);
    return copy;
  }
}
