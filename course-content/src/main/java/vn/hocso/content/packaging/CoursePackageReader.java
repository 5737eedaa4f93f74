package vn.hocso.content.packaging;

import static vn.hocso.content.packaging.PackageFormat.*;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.hocso.content.course.domain.ActivityIri;
import vn.hocso.content.course.domain.AnswerOption;
import vn.hocso.content.course.domain.AttemptsPolicy;
import vn.hocso.content.course.domain.Audience;
import vn.hocso.content.course.domain.CalloutBlock;
import vn.hocso.content.course.domain.CompletionRule;
import vn.hocso.content.course.domain.ContentBlock;
import vn.hocso.content.course.domain.Course;
import vn.hocso.content.course.domain.CourseModule;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.ExternalAuBlock;
import vn.hocso.content.course.domain.ImageBlock;
import vn.hocso.content.course.domain.InstructionBlock;
import vn.hocso.content.course.domain.InstructionStep;
import vn.hocso.content.course.domain.Lesson;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Question;
import vn.hocso.content.course.domain.QuestionBlock;
import vn.hocso.content.course.domain.QuestionKind;
import vn.hocso.content.course.domain.RichTextBlock;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VideoBlock;

/**
 * Reads a course package into a new draft course. Strict: anything it cannot take exactly as
 * written (a missing or mistyped field, an unknown block type, a duplicate key, a media file that
 * is referred to but absent, an unsafe entry name) rejects the whole package with a message naming
 * the place, e.g. {@code course.modules[0].lessons[2].title is required}.
 */
public class CoursePackageReader {

  /** Largest package content read, uncompressed, against zip bombs. */
  static final long MAX_TOTAL_BYTES = 500L * 1024 * 1024;

  static final int MAX_ENTRIES = 5000;

  private final long maxTotalBytes;

  public CoursePackageReader() {
    this(MAX_TOTAL_BYTES);
  }

  CoursePackageReader(long maxTotalBytes) {
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Reads a package; nothing is stored. */
  public CoursePackage read(InputStream in) throws CoursePackageException {
    var entries = unzip(in);
    var json = entries.remove(COURSE_JSON);
    if (json == null) {
      throw new CoursePackageException(
          "Gói không có tệp " + COURSE_JSON + " ở thư mục gốc",
          "The package has no " + COURSE_JSON + " at its top level");
    }
    JsonObject document;
    try (var reader = Json.createReader(new ByteArrayInputStream(json))) {
      document = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new CoursePackageException(
          "Tệp " + COURSE_JSON + " không phải là một đối tượng JSON hợp lệ: " + e.getMessage(),
          COURSE_JSON + " is not a JSON object: " + e.getMessage(),
          e);
    }
    var root = new Node(document, "");
    var format = root.requiredString("format");
    if (!FORMAT.equals(format)) {
      throw new CoursePackageException(
          "Đây không phải gói khóa học Học Số (format phải là "
              + FORMAT
              + ", không phải "
              + format
              + ")",
          "format must be " + FORMAT + ", not " + format);
    }
    var formatVersion = root.requiredInt("formatVersion");
    if (formatVersion != VERSION) {
      throw new CoursePackageException(
          "Gói theo phiên bản định dạng "
              + formatVersion
              + ", nền tảng này chỉ đọc được phiên bản "
              + VERSION,
          "formatVersion "
              + formatVersion
              + " is not supported (this reader knows "
              + VERSION
              + ")");
    }
    var course = course(root.object("course"));
    var version = course.workingVersion().orElseThrow();
    for (var reference : version.mediaReferences()) {
      if (!entries.containsKey(reference)) {
        throw new CoursePackageException(
            "Khóa học dùng tệp " + reference + " nhưng trong gói không có tệp này",
            COURSE_JSON + " refers to " + reference + " but the package does not contain it");
      }
    }
    return new CoursePackage(course, entries);
  }

  private Map<String, byte[]> unzip(InputStream in) throws CoursePackageException {
    var entries = new HashMap<String, byte[]>();
    long total = 0;
    try (var zip = new ZipInputStream(in)) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        var name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (!name.equals(COURSE_JSON) && !isSafeMediaName(name)) {
          throw new CoursePackageException(
              "Gói chứa tệp không được phép: "
                  + name
                  + " (chỉ được có "
                  + COURSE_JSON
                  + " và các tệp trong thư mục "
                  + MEDIA_FOLDER
                  + ")",
              "The package entry "
                  + name
                  + " is not allowed: only "
                  + COURSE_JSON
                  + " and files directly under "
                  + MEDIA_FOLDER);
        }
        if (entries.size() >= MAX_ENTRIES) {
          throw new CoursePackageException(
              "Gói có nhiều hơn " + MAX_ENTRIES + " tệp",
              "The package has more than " + MAX_ENTRIES + " files");
        }
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
          total += read;
          if (total > maxTotalBytes) {
            throw new CoursePackageException(
                "Gói giải nén ra quá " + maxTotalBytes / (1024 * 1024) + " MB",
                "The package unpacks to more than " + maxTotalBytes + " bytes");
          }
          bytes.write(buffer, 0, read);
        }
        if (entries.put(name, bytes.toByteArray()) != null) {
          throw new CoursePackageException(
              "Gói chứa tệp " + name + " hai lần", "The package holds " + name + " twice");
        }
      }
    } catch (ZipException e) {
      throw new CoursePackageException(
          "Tệp không phải là tệp nén .zip hợp lệ",
          "The package is not a valid zip file: " + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new CoursePackageException(
          "Không đọc được gói: " + e.getMessage(),
          "The package could not be read: " + e.getMessage(),
          e);
    }
    if (entries.isEmpty()) {
      throw new CoursePackageException(
          "Tệp không phải là tệp nén .zip, hoặc tệp rỗng",
          "The package is not a zip file, or it is empty");
    }
    return entries;
  }

  private static boolean isSafeMediaName(String name) {
    return name.startsWith(MEDIA_FOLDER)
        && name.substring(MEDIA_FOLDER.length()).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
  }

  // ---- course.json into the domain ----

  private Course course(Node json) throws CoursePackageException {
    var slug = json.requiredString("slug");
    var activityId = json.optionalString("activityId");
    if (activityId != null
        && !activityId.equals(json.build("slug", () -> ActivityIri.ofCourse(slug)).toString())) {
      throw json.problem(
          "activityId", "không khớp với slug " + slug, "does not match the slug " + slug);
    }
    var course =
        json.build(
            "",
            () ->
                new Course(
                    slug,
                    json.requiredString("title"),
                    json.optionalString("titleEnglish"),
                    json.requiredString("summary"),
                    json.enumValue("track", Track.class),
                    json.requiredInt("estimatedMinutes")));
    var version = course.edit();
    json.apply(
        "",
        () -> {
          version.describe(json.requiredString("summary"), json.optionalString("summaryEnglish"));
          version.classify(
              json.enumValue("track", Track.class),
              json.enumValue("level", Level.class),
              json.enumValue("audience", Audience.class));
          version.useLanguage(json.requiredString("language"));
          version.useCoverImage(json.optionalString("coverImage"));
          version.tag(json.strings("tags"));
          version.unlockInSequence(json.requiredBoolean("sequentialUnlocking"));
        });
    var prerequisites = json.strings("prerequisites");
    for (int i = 0; i < prerequisites.size(); i++) {
      var iri = prerequisites.get(i);
      json.apply("prerequisites[" + i + "]", () -> version.requirePrerequisite(URI.create(iri)));
    }
    var completion = json.object("completion");
    json.apply(
        "completion",
        () ->
            version.completeWhen(
                new CompletionRule(
                    completion.requiredBoolean("allLessonsSeen"),
                    completion.requiredBoolean("allQuizzesPassed"))));
    var modules = json.objects("modules");
    for (var module : modules) {
      module(version, module);
    }
    return course;
  }

  private void module(CourseVersion version, Node json) throws CoursePackageException {
    var key = json.requiredString("key");
    CourseModule module =
        json.build("", () -> version.addModule(key, json.requiredString("title")));
    json.requireSameKey(key, module.key());
    for (var lesson : json.objects("lessons")) {
      lesson(module, lesson);
    }
    if (json.has("quiz")) {
      quiz(module, json.object("quiz"));
    }
  }

  private void lesson(CourseModule module, Node json) throws CoursePackageException {
    var key = json.requiredString("key");
    Lesson lesson = json.build("", () -> module.addLesson(key, json.requiredString("title")));
    json.requireSameKey(key, lesson.key());
    for (var block : json.objects("blocks")) {
      var made = block(block);
      block.apply("", () -> lesson.addBlock(made));
      if (made instanceof QuestionBlock questionBlock) {
        block
            .object("question")
            .requireSameKey(
                block.object("question").requiredString("key"), questionBlock.question().key());
      }
    }
  }

  private ContentBlock block(Node json) throws CoursePackageException {
    var type = json.requiredString("type");
    return switch (type) {
      case RICH_TEXT -> json.build("", () -> new RichTextBlock(json.requiredString("html")));
      case IMAGE ->
          json.build(
              "",
              () ->
                  new ImageBlock(
                      json.requiredString("image"),
                      json.requiredString("altText"),
                      json.optionalString("caption")));
      case VIDEO -> video(json);
      case CALLOUT ->
          json.build(
              "",
              () ->
                  new CalloutBlock(
                      json.enumValue("tone", CalloutBlock.Tone.class),
                      json.requiredString("text")));
      case INSTRUCTION -> {
        var steps = new ArrayList<InstructionStep>();
        for (var step : json.objects("steps")) {
          steps.add(
              step.build(
                  "",
                  () ->
                      new InstructionStep(
                          step.requiredString("instruction"), step.optionalString("screenshot"))));
        }
        yield json.build("", () -> new InstructionBlock(json.requiredString("heading"), steps));
      }
      case QUESTION -> new QuestionBlock(question(json.object("question")));
      case EXTERNAL_AU -> externalAu(json);
      default ->
          throw json.problem(
              "type",
              "không phải loại khối nội dung đã biết: " + type,
              "is not a known block type: " + type);
    };
  }

  private ExternalAuBlock externalAu(Node json) throws CoursePackageException {
    var auId = json.requiredString("auId");
    var url = json.requiredString("url");
    var launchMethod = json.enumValue("launchMethod", ExternalAuBlock.LaunchMethod.class);
    var moveOn = json.enumValue("moveOn", ExternalAuBlock.MoveOn.class);
    BigDecimal masteryScore = null;
    if (json.has("masteryScore")) {
      if (json.value("masteryScore") instanceof JsonNumber number) {
        masteryScore = number.bigDecimalValue();
      } else {
        throw json.problem("masteryScore", "phải là một số", "must be a number");
      }
    }
    var score = masteryScore;
    var parameters = json.optionalString("launchParameters");
    return json.build(
        "", () -> new ExternalAuBlock(auId, url, launchMethod, moveOn, score, parameters));
  }

  private VideoBlock video(Node json) throws CoursePackageException {
    var upload = json.optionalString("upload");
    var link = json.optionalString("link");
    if ((upload == null) == (link == null)) {
      throw json.problem(
          "",
          "video phải có hoặc tệp tải lên hoặc đường liên kết, không được có cả hai hay không có gì",
          "a video has either upload or link, not both or neither");
    }
    var caption = json.optionalString("caption");
    return json.build(
        "",
        () ->
            upload != null
                ? VideoBlock.uploaded(upload, caption)
                : VideoBlock.linked(link, caption));
  }

  private void quiz(CourseModule module, Node json) throws CoursePackageException {
    var key = json.requiredString("key");
    var maxAttempts = json.has("maxAttempts") ? json.requiredInt("maxAttempts") : null;
    var quiz =
        json.build(
            "",
            () ->
                module.attachQuiz(
                    key,
                    json.requiredString("title"),
                    json.requiredInt("passingScore"),
                    maxAttempts == null
                        ? AttemptsPolicy.unlimited()
                        : AttemptsPolicy.atMost(maxAttempts)));
    json.requireSameKey(key, quiz.key());
    for (var questionJson : json.objects("questions")) {
      var question = question(questionJson);
      var added = questionJson.build("", () -> quiz.addQuestion(question));
      questionJson.requireSameKey(questionJson.requiredString("key"), added.key());
    }
  }

  private Question question(Node json) throws CoursePackageException {
    var options = new ArrayList<AnswerOption>();
    for (var option : json.objects("options")) {
      options.add(
          option.build(
              "",
              () ->
                  new AnswerOption(
                      option.requiredString("key"),
                      option.requiredString("text"),
                      option.requiredBoolean("correct"),
                      option.optionalString("feedback"))));
    }
    return json.build(
        "",
        () ->
            new Question(
                json.requiredString("key"),
                json.enumValue("kind", QuestionKind.class),
                json.requiredString("prompt"),
                options,
                json.optionalString("feedbackWhenRight"),
                json.optionalString("feedbackWhenWrong")));
  }

  // ---- reading JSON with the path in every message ----

  /** Domain work that may throw an unchecked rule violation or a package problem. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws CoursePackageException;
  }

  @FunctionalInterface
  private interface Action {
    void run() throws CoursePackageException;
  }

  /** A JSON object and where it is in course.json, e.g. {@code course.modules[0]}. */
  private record Node(JsonObject json, String path) {

    String at(String name) {
      if (name.isEmpty()) {
        return path;
      }
      return path.isEmpty() ? name : path + "." + name;
    }

    CoursePackageException problem(String name, String vietnamese, String english) {
      return new CoursePackageException(
          "Tệp " + COURSE_JSON + " sai ở " + at(name) + ": " + vietnamese,
          at(name) + " " + english);
    }

    boolean has(String name) {
      return json.containsKey(name) && json.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    JsonValue value(String name) throws CoursePackageException {
      if (!has(name)) {
        throw problem(name, "bắt buộc phải có", "is required");
      }
      return json.get(name);
    }

    String requiredString(String name) throws CoursePackageException {
      if (value(name) instanceof JsonString string) {
        return string.getString();
      }
      throw problem(name, "phải là chuỗi ký tự", "must be a string");
    }

    String optionalString(String name) throws CoursePackageException {
      return has(name) ? requiredString(name) : null;
    }

    int requiredInt(String name) throws CoursePackageException {
      if (value(name) instanceof JsonNumber number && number.isIntegral()) {
        try {
          return number.intValueExact();
        } catch (ArithmeticException e) {
          throw problem(name, "quá lớn", "is too large");
        }
      }
      throw problem(name, "phải là số nguyên", "must be a whole number");
    }

    boolean requiredBoolean(String name) throws CoursePackageException {
      var value = value(name);
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return value == JsonValue.TRUE;
      }
      throw problem(name, "phải là true hoặc false", "must be true or false");
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws CoursePackageException {
      var text = requiredString(name);
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        var allowed = java.util.Arrays.toString(type.getEnumConstants());
        throw problem(
            name, "không thuộc " + allowed + ": " + text, "is not one of " + allowed + ": " + text);
      }
    }

    Node object(String name) throws CoursePackageException {
      if (value(name) instanceof JsonObject object) {
        return new Node(object, at(name));
      }
      throw problem(name, "phải là một đối tượng", "must be an object");
    }

    JsonArray array(String name) throws CoursePackageException {
      if (!has(name)) {
        return JsonValue.EMPTY_JSON_ARRAY;
      }
      if (json.get(name) instanceof JsonArray array) {
        return array;
      }
      throw problem(name, "phải là một danh sách", "must be an array");
    }

    List<Node> objects(String name) throws CoursePackageException {
      var array = array(name);
      var nodes = new ArrayList<Node>();
      for (int i = 0; i < array.size(); i++) {
        var item = at(name) + "[" + i + "]";
        if (array.get(i) instanceof JsonObject object) {
          nodes.add(new Node(object, item));
        } else {
          throw new CoursePackageException(
              "Tệp " + COURSE_JSON + " sai ở " + item + ": phải là một đối tượng",
              item + " must be an object");
        }
      }
      return nodes;
    }

    List<String> strings(String name) throws CoursePackageException {
      var array = array(name);
      var values = new ArrayList<String>();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonString string) {
          values.add(string.getString());
        } else {
          throw new CoursePackageException(
              "Tệp " + COURSE_JSON + " sai ở " + at(name) + "[" + i + "]: phải là chuỗi ký tự",
              at(name) + "[" + i + "] must be a string");
        }
      }
      return values;
    }

    /** Runs domain code, turning a broken rule into a package problem at this place. */
    <T> T build(String name, Work<T> work) throws CoursePackageException {
      try {
        return work.run();
      } catch (IllegalArgumentException
          | IllegalStateException
          | NoSuchElementException
          | NullPointerException e) {
        throw problem(name, "không hợp lệ: " + e.getMessage(), "is not valid: " + e.getMessage());
      }
    }

    void apply(String name, Action action) throws CoursePackageException {
      build(
          name,
          () -> {
            action.run();
            return null;
          });
    }

    /** A key taken by another item of its kind would silently change its activity IRI. */
    void requireSameKey(String wanted, String given) throws CoursePackageException {
      if (!wanted.equals(given)) {
        throw problem(
            "key",
            "trùng khóa " + wanted + " của một mục cùng loại",
            "repeats the key " + wanted + " of another item of its kind");
      }
    }
  }
}
