package vn.hocso.content.course.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import java.util.Objects;

/**
 * A question inside a lesson, to check understanding on the spot. It gives feedback but does not
 * count towards completion; it has its own activity IRI, so answers to it can still be reported.
 */
@Entity
@DiscriminatorValue("QUESTION")
public class QuestionBlock extends ContentBlock {

  @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "question_id")
  private Question question;

  protected QuestionBlock() {
    // for JPA
  }

  public QuestionBlock(Question question) {
    this.question = Objects.requireNonNull(question, "A question block needs a question");
    if (question.quiz() != null) {
      throw new IllegalArgumentException("That question already belongs to a quiz");
    }
  }

  @Override
  ContentBlock copy() {
    return new QuestionBlock(question.copy());
  }

  public Question question() {
    return question;
  }
}
