package vn.hocso.lms.authoring.control;

import java.util.List;
import vn.hocso.content.course.application.OutlineView;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.PublishingProblem;
import vn.hocso.content.course.domain.Track;
import vn.hocso.content.course.domain.VersionStatus;

/**
 * The course editor's view of a course: the version being written (the draft or the version in
 * review, else the published one, which an edit copies into a new draft), its details and outline,
 * what stops it being published, and whether a published version exists that learners see now.
 */
public record EditorState(
    long courseId,
    OutlineView outline,
    CourseDetails details,
    boolean editable,
    boolean hasPublishedVersion,
    Integer publishedVersionNumber,
    List<PublishingProblem> problems,
    boolean mayPublish,
    long revision,
    CoverAndTags extras) {

  /** Cover image (file name or null), tags and prerequisite course IRIs of the version. */
  public record CoverAndTags(String coverFile, List<String> tags, List<String> prerequisites) {}

  public VersionStatus status() {
    return outline.status();
  }

  public Track track() {
    return details.track();
  }

  public Level level() {
    return details.level();
  }
}
