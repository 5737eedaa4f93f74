package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.Set;

/**
 * A video: either a file uploaded with the course (under media/) or a link to a video site (https
 * only). Exactly one of the two is set.
 */
@Entity
@DiscriminatorValue("VIDEO")
public class VideoBlock extends ContentBlock {

  @Column(name = "media")
  private String upload;

  @Column(name = "url", length = 2000)
  private String link;

  @Column(length = 500)
  private String caption;

  protected VideoBlock() {
    // for JPA
  }

  private VideoBlock(String upload, String link, String caption) {
    this.upload = upload;
    this.link = link;
    this.caption = Text.optional(caption, 500, "A caption");
  }

  /** A video file that travels with the course. */
  public static VideoBlock uploaded(String mediaReference, String caption) {
    return new VideoBlock(Text.mediaReference(mediaReference, "A video"), null, caption);
  }

  /** A video on another site, opened by its https address. */
  public static VideoBlock linked(String httpsAddress, String caption) {
    return new VideoBlock(null, Text.httpsLink(httpsAddress, "A video link"), caption);
  }

  @Override
  ContentBlock copy() {
    return new VideoBlock(upload, link, caption);
  }

  @Override
  public Set<String> mediaReferences() {
    return upload == null ? Set.of() : Set.of(upload);
  }

  public boolean isUploaded() {
    return upload != null;
  }

  /** The uploaded file, or null for a link. */
  public String upload() {
    return upload;
  }

  /** The https address, or null for an upload. */
  public String link() {
    return link;
  }

  public String caption() {
    return caption;
  }
}
