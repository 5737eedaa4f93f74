package vn.hocso.lms.coverage.report.domain;

import java.util.ArrayList;
import java.util.List;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;

/**
 * One indicator of a report: people of the unit who reached a milestone in a track (a person counts
 * once per track, however many of its courses she took).
 */
public record Indicator(Track track, Milestone milestone) {

  /** The milestones each child unit's row shows: enrolled, completed, certified. */
  public static final List<Milestone> PER_UNIT =
      List.of(Milestone.ENROLLED, Milestone.COMPLETED, Milestone.CERTIFIED);

  /** Every indicator the counters support, in report order: track by track, milestone order. */
  public static final List<Indicator> ALL = all();

  public Subject subject() {
    return Subject.track(track.name());
  }

  /** The track's name as the report prints it. */
  public String trackName() {
    return trackName(track);
  }

  public static String trackName(Track track) {
    return switch (track) {
      case ELECTRONIC_PAYMENT -> "Thanh toán điện tử";
      case E_COMMERCE -> "Thương mại điện tử";
      case ONLINE_PUBLIC_SERVICES -> "Dịch vụ công trực tuyến";
      case UNION_WORK -> "Công tác Hội";
    };
  }

  /** The milestone as the report prints it. */
  public String milestoneName() {
    return switch (milestone) {
      case ENROLLED -> "Đăng ký học";
      case IN_PROGRESS -> "Đang học";
      case COMPLETED -> "Hoàn thành";
      case PASSED -> "Đạt bài kiểm tra";
      case CERTIFIED -> "Được cấp chứng nhận";
    };
  }

  private static List<Indicator> all() {
    var list = new ArrayList<Indicator>();
    for (var track : Track.values()) {
      for (var milestone : Milestone.values()) {
        list.add(new Indicator(track, milestone));
      }
    }
    return List.copyOf(list);
  }
}
