package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import java.util.Objects;

/** A short text set apart from the lesson: a tip, a note, or a warning (e.g. about a scam). */
@Entity
@DiscriminatorValue("CALLOUT")
public class CalloutBlock extends ContentBlock {

  /** How a callout looks and how urgent it is. */
  public enum Tone {
    /** Mẹo: a helpful hint. */
    TIP,
    /** Lưu ý: something to remember. */
    NOTE,
    /** Cảnh báo: a danger, such as a scam. */
    WARNING
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "tone", length = 16)
  private Tone tone;

  @Lob
  @Column(name = "body")
  private String text;

  protected CalloutBlock() {
    // for JPA
  }

  public CalloutBlock(Tone tone, String text) {
    this.tone = Objects.requireNonNull(tone, "A callout has a tone");
    this.text = Text.required(text, 4000, "A callout's text");
  }

  @Override
  ContentBlock copy() {
    return new CalloutBlock(tone, text);
  }

  public Tone tone() {
    return tone;
  }

  public String text() {
    return text;
  }
}
