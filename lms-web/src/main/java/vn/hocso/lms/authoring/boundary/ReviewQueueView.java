package vn.hocso.lms.authoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.ReviewItem;

/**
 * The review queue: versions trainers submitted, for a central admin to open (the course editor
 * shows the outline with a preview of each lesson and quiz), then publish or return with a comment.
 */
@Named
@RequestScoped
public class ReviewQueueView {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;

  private List<ReviewItem> items;

  public boolean isAllowed() {
    return author.caller().mayReview();
  }

  public List<ReviewItem> getItems() {
    if (items == null) {
      items = isAllowed() ? authoring.reviewQueue(author.caller()) : List.of();
    }
    return items;
  }

  /** A time as Vietnam reads it (UTC+7). */
  public String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }
}
