package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.Set;

/** A picture with the text a screen reader says for it and an optional caption. */
@Entity
@DiscriminatorValue("IMAGE")
public class ImageBlock extends ContentBlock {

  @Column(name = "media")
  private String image;

  @Column(name = "alt_text", length = 500)
  private String altText;

  @Column(length = 500)
  private String caption;

  protected ImageBlock() {
    // for JPA
  }

  public ImageBlock(String image, String altText, String caption) {
    this.image = Text.mediaReference(image, "An image");
    this.altText = Text.required(altText, 500, "The text describing an image");
    this.caption = Text.optional(caption, 500, "A caption");
  }

  @Override
  ContentBlock copy() {
    return new ImageBlock(image, altText, caption);
  }

  @Override
  public Set<String> mediaReferences() {
    return Set.of(image);
  }

  public String image() {
    return image;
  }

  public String altText() {
    return altText;
  }

  public String caption() {
    return caption;
  }
}
