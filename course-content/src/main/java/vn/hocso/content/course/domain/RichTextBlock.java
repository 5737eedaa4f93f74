package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

/**
 * Formatted text, stored as HTML. The authoring service sanitises it (OWASP java-html-sanitizer)
 * before it gets here; this class only bounds its size.
 */
@Entity
@DiscriminatorValue("RICH_TEXT")
public class RichTextBlock extends ContentBlock {

  @Lob
  @Column(name = "body")
  private String html;

  protected RichTextBlock() {
    // for JPA
  }

  public RichTextBlock(String html) {
    this.html = Text.required(html, 200_000, "Rich text");
  }

  @Override
  ContentBlock copy() {
    return new RichTextBlock(html);
  }

  public String html() {
    return html;
  }
}
