package vn.hocso.lms.coverage.report.domain;

import java.util.Map;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.domain.Milestone;

/**
 * One course in a report's section III: the reported unit's people who reached each milestone in
 * it, over the unit's people. The title is the course's latest version's when the report is made.
 */
public record CourseRow(long courseId, String title, Track track, Map<Milestone, Count> counts) {

  public CourseRow {
    counts = Map.copyOf(counts);
  }

  public Count count(Milestone milestone, long people) {
    return counts.getOrDefault(milestone, new Count(0, 0, people));
  }
}
