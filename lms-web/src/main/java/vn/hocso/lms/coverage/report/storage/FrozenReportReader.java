package vn.hocso.lms.coverage.report.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.domain.Milestone;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.coverage.report.domain.Count;
import vn.hocso.lms.coverage.report.domain.CourseRow;
import vn.hocso.lms.coverage.report.domain.CoverageReport;
import vn.hocso.lms.coverage.report.domain.Indicator;
import vn.hocso.lms.coverage.report.domain.ReportPeriod;
import vn.hocso.lms.coverage.report.domain.ReportRefusedException;
import vn.hocso.lms.coverage.report.domain.UnitRow;

/**
 * Reads a report out of a frozen period ({@code cov_frozen_period}, {@code cov_frozen_unit}, {@code
 * cov_frozen}, written by {@code CoverageFreeze}): the unit and its children as the tree stood when
 * frozen, with their names and headcounts of the day counted. Nothing live is read, so the same
 * period gives the same figures however often and however late it is read.
 */
public final class FrozenReportReader {

  private final Connection connection;

  public FrozenReportReader(Connection connection) {
    this.connection = connection;
  }

  /** The day counted and the moment frozen, if the period is frozen. */
  public record FrozenPeriod(LocalDate countedOn, Instant frozenAt) {}

  public Optional<FrozenPeriod> period(ReportPeriod period) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "select counted_on, frozen_at from cov_frozen_period where period = ?")) {
      query.setString(1, period.code());
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new FrozenPeriod(
                rows.getDate(1).toLocalDate(),
                rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
      }
    }
  }

  /** The report of the unit for the frozen period. */
  public CoverageReport read(
      ReportPeriod period, long unitId, String generatedBy, Instant generatedAt)
      throws SQLException {
    var frozen =
        period(period)
            .orElseThrow(() -> new IllegalStateException(period + " has not been frozen"));
    var units = new ArrayList<FrozenUnit>();
    try (var query =
        connection.prepareStatement(
            "select unit_id, parent_id, unit_name, closed_on, people, members from"
                + " cov_frozen_unit where period = ? and (unit_id = ? or parent_id = ?)")) {
      query.setString(1, period.code());
      query.setLong(2, unitId);
      query.setLong(3, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          var closed = rows.getDate(4);
          units.add(
              new FrozenUnit(
                  rows.getLong(1),
                  rows.getString(3),
                  closed == null ? null : closed.toLocalDate(),
                  rows.getLong(5),
                  rows.getLong(6)));
        }
      }
    }
    var self =
        units.stream()
            .filter(u -> u.id() == unitId)
            .findFirst()
            .orElseThrow(
                () ->
                    new ReportRefusedException(
                        ReportRefusedException.Reason.UNIT_NOT_IN_PERIOD, period.code()));
    var counts = counts(period, units);
    var total = row(self, counts);
    var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    var children =
        units.stream()
            .filter(u -> u.id() != unitId)
            .map(u -> row(u, counts))
            .filter(
                row -> {
                  var unit = units.stream().filter(u -> u.id() == row.unitId()).findFirst();
                  boolean open =
                      unit.get().closedOn() == null
                          || unit.get().closedOn().isAfter(frozen.countedOn());
                  return open || !row.isEmpty(); // a unit closed before the day, with nothing
                })
            .sorted(Comparator.comparing(UnitRow::name, collator).thenComparing(UnitRow::unitId))
            .toList();
    return CoverageReport.of(
        period,
        frozen.countedOn(),
        frozen.frozenAt(),
        generatedBy,
        generatedAt,
        total,
        children,
        courses(period, unitId, collator));
  }

  private record FrozenUnit(long id, String name, LocalDate closedOn, long people, long members) {}

  private static UnitRow row(FrozenUnit unit, Map<Long, Map<Indicator, long[]>> counts) {
    var map = new HashMap<Indicator, Count>();
    counts
        .getOrDefault(unit.id(), Map.of())
        .forEach((indicator, c) -> map.put(indicator, new Count(c[0], c[1], unit.people())));
    return new UnitRow(unit.id(), unit.name(), unit.people(), unit.members(), map);
  }

  /** The frozen track figures of these units: in period and by end, per indicator. */
  private Map<Long, Map<Indicator, long[]>> counts(ReportPeriod period, List<FrozenUnit> units)
      throws SQLException {
    var counts = new HashMap<Long, Map<Indicator, long[]>>();
    if (units.isEmpty()) {
      return counts;
    }
    var marks = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
    try (var query =
        connection.prepareStatement(
            "select unit_id, subject, milestone, in_period, by_end from cov_frozen"
                + " where period = ? and subject like 'T%' and unit_id in ("
                + marks
                + ")")) {
      query.setString(1, period.code());
      for (int i = 0; i < units.size(); i++) {
        query.setLong(i + 2, units.get(i).id());
      }
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          var track = track(new Subject(rows.getString(2)).track());
          if (track.isEmpty()) {
            continue; // a track this version does not know: not in the fixed layout
          }
          var indicator = new Indicator(track.get(), Milestone.valueOf(rows.getString(3)));
          counts
              .computeIfAbsent(rows.getLong(1), u -> new HashMap<>())
              .put(indicator, new long[] {rows.getLong(4), rows.getLong(5)});
        }
      }
    }
    return counts;
  }

  /**
   * The unit's frozen figures per course, titled by the course's latest version (titles are not
   * frozen: a renamed course shows its new title over the same figures).
   */
  private List<CourseRow> courses(ReportPeriod period, long unitId, Collator collator)
      throws SQLException {
    var counts = new HashMap<Long, Map<Milestone, Count>>();
    var people = new HashMap<Long, Long>();
    try (var query =
        connection.prepareStatement(
            "select subject, milestone, in_period, by_end, people from cov_frozen"
                + " where period = ? and unit_id = ? and subject like 'C%'")) {
      query.setString(1, period.code());
      query.setLong(2, unitId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          long course = new Subject(rows.getString(1)).courseId();
          counts
              .computeIfAbsent(course, c -> new HashMap<>())
              .put(
                  Milestone.valueOf(rows.getString(2)),
                  new Count(rows.getLong(3), rows.getLong(4), rows.getLong(5)));
          people.put(course, rows.getLong(5));
        }
      }
    }
    var courses = new ArrayList<CourseRow>();
    try (var query =
        connection.prepareStatement(
            "select v.title, k.track from course_version v left join cov_course k on"
                + " k.course_id = v.course_id where v.course_id = ? order by v.version_number"
                + " desc")) {
      for (var course : counts.entrySet()) {
        query.setLong(1, course.getKey());
        try (var rows = query.executeQuery()) {
          String title = "Khóa học " + course.getKey();
          Track track = null;
          if (rows.next()) {
            title = rows.getString(1);
            track = rows.getString(2) == null ? null : track(rows.getString(2)).orElse(null);
          }
          courses.add(new CourseRow(course.getKey(), title, track, course.getValue()));
        }
      }
    }
    courses.sort(
        Comparator.comparing(CourseRow::title, collator).thenComparing(CourseRow::courseId));
    return courses;
  }

  private static Optional<Track> track(String name) {
    for (var track : Track.values()) {
      if (track.name().equals(name)) {
        return Optional.of(track);
      }
    }
    return Optional.empty();
  }
}
