package vn.hocso.bench.learners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The right answers of the course's final quiz, read from its course package (the same file the
 * platform seeds the course from), so every learner of the scenario passes at the first attempt.
 */
record QuizKey(List<Question> questions) {

  /** One question: its kind, prompt and the option keys that make the right answer. */
  record Question(String kind, String prompt, List<String> right) {

    /** The form fields of this answer; ordering selects are named by the page (positions). */
    List<Map.Entry<String, Object>> formFields(List<String> positions) {
      var fields = new ArrayList<Map.Entry<String, Object>>();
      switch (kind) {
        case "MULTIPLE_CHOICE" -> right.forEach(key -> fields.add(Map.entry("attempt:many", key)));
        case "ORDERING" -> {
          if (positions.size() != right.size()) {
            throw new IllegalStateException(
                "The page shows " + positions.size() + " positions for " + right.size() + " steps");
          }
          for (int i = 0; i < right.size(); i++) {
            fields.add(Map.entry(positions.get(i), right.get(i)));
          }
        }
        default -> fields.add(Map.entry("attempt:single", right.get(0)));
      }
      return fields;
    }
  }

  static QuizKey read(Path courseJson) {
    try {
      var modules = new ObjectMapper().readTree(courseJson.toFile()).path("course").path("modules");
      var quiz = modules.get(modules.size() - 1).path("quiz");
      var questions = new ArrayList<Question>();
      for (JsonNode question : quiz.path("questions")) {
        var kind = question.path("kind").asText();
        var right = new ArrayList<String>();
        for (JsonNode option : question.path("options")) {
          // Ordering: the package lists the steps in their right order.
          if (kind.equals("ORDERING") || option.path("correct").asBoolean(false)) {
            right.add(option.path("key").asText());
          }
        }
        questions.add(new Question(kind, question.path("prompt").asText(), right));
      }
      return new QuizKey(List.copyOf(questions));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the course package " + courseJson, e);
    }
  }
}
