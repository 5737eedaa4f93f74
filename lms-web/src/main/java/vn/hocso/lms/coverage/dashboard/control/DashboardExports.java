package vn.hocso.lms.coverage.dashboard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.web.export.ExportTable;

/**
 * Every table of the dashboard as a table to download, read again through the services (which check
 * the scope) with the page's column titles: the page hands the result to {@link
 * vn.hocso.lms.web.export.TableExport}.
 */
@ApplicationScoped
public class DashboardExports {

  @Inject CoverageDashboard dashboard;
  @Inject UntrainedPeople untrainedPeople;
  @Inject StaffTraining staffTraining;
  @Inject ActiveTrainers activeTrainers;

  protected DashboardExports() {
    // for CDI
  }

  public DashboardExports(
      CoverageDashboard dashboard,
      UntrainedPeople untrainedPeople,
      StaffTraining staffTraining,
      ActiveTrainers activeTrainers) {
    this.dashboard = dashboard;
    this.untrainedPeople = untrainedPeople;
    this.staffTraining = staffTraining;
    this.activeTrainers = activeTrainers;
  }

  /**
   * One table: {@code tracks}, {@code trend}, {@code children}, {@code untrained}, {@code staff} or
   * {@code trainers}; {@code label} gives the column titles in the page's language.
   */
  public ExportTable table(
      String table,
      long unit,
      Period shownPeriod,
      Track rank,
      UntrainedPeople.Filter filter,
      Function<String, String> label,
      Requester requester) {
    var scope = requester.scope();
    var rows = new ArrayList<List<Object>>();
    switch (table) {
      case "tracks" -> {
        var fresh = dashboard.overview(unit, shownPeriod, scope);
        for (var total : fresh.tracks()) {
          rows.add(
              Arrays.<Object>asList(
                  label.apply("track." + total.track().name()),
                  total.enrolled(),
                  total.completed(),
                  total.certified(),
                  total.completedInPeriod(),
                  total.people(),
                  total.completedPercent()));
        }
        return new ExportTable(
            label.apply("coverage.tracks.title"),
            headers(
                label,
                "coverage.col.track",
                "coverage.col.enrolled",
                "coverage.col.completed",
                "coverage.col.certified",
                "coverage.col.completedInPeriod",
                "coverage.col.people",
                "coverage.col.completedPercent"),
            rows);
      }
      case "trend" -> {
        var fresh = dashboard.overview(unit, shownPeriod, scope);
        var headers = new ArrayList<String>();
        headers.add(label.apply("coverage.col.month"));
        CoverageDashboard.TRACKS.forEach(t -> headers.add(label.apply("track." + t.name())));
        for (var row : fresh.trend()) {
          var line = new ArrayList<Object>();
          line.add(row.month().toString());
          line.addAll(row.completedByTrack());
          rows.add(line);
        }
        return new ExportTable(label.apply("coverage.trend.title"), headers, rows);
      }
      case "children" -> {
        var headers = new ArrayList<String>();
        headers.add(label.apply("coverage.col.unit"));
        headers.add(label.apply("coverage.col.code"));
        headers.add(label.apply("coverage.col.people"));
        for (var track : CoverageDashboard.TRACKS) {
          headers.add(
              label.apply("track." + track.name()) + " – " + label.apply("coverage.col.completed"));
          headers.add(label.apply("track." + track.name()) + " – %");
        }
        for (var child : dashboard.children(unit, shownPeriod, rank, scope)) {
          var line = new ArrayList<Object>();
          line.add(child.name());
          line.add(child.code());
          line.add(child.people());
          for (var cell : child.tracks()) {
            line.add(cell.completed());
            line.add(cell.percent());
          }
          rows.add(line);
        }
        return new ExportTable(label.apply("coverage.children.title"), headers, rows);
      }
      case "untrained" -> {
        return untrainedPeople.export(
            filter,
            label.apply("coverage.untrained.title"),
            headers(
                label,
                "people.col.name",
                "people.col.birthYear",
                "people.col.phone",
                "people.col.unit",
                "personKind.MEMBER",
                "coverage.col.position"),
            requester);
      }
      case "staff" -> {
        var figures = staffTraining.figures(unit, shownPeriod.to().getYear(), scope);
        for (var group : figures.groups()) {
          rows.add(
              Arrays.<Object>asList(
                  label.apply("unitKind." + group.level().name()),
                  group.position(),
                  group.staff(),
                  group.trained(),
                  group.inYear()));
        }
        return new ExportTable(
            label.apply("coverage.staff.title"),
            headers(
                label,
                "coverage.col.level",
                "coverage.col.position",
                "coverage.col.staff",
                "coverage.col.trained",
                "coverage.col.trainedInYear"),
            rows);
      }
      case "trainers" -> {
        for (var trainer : activeTrainers.active(unit, shownPeriod, scope)) {
          rows.add(
              Arrays.<Object>asList(
                  trainer.name(),
                  trainer.unitName(),
                  trainer.courses(),
                  trainer.authoringActions(),
                  trainer.learnerMilestones()));
        }
        return new ExportTable(
            label.apply("coverage.trainers.title"),
            headers(
                label,
                "coverage.col.trainer",
                "coverage.col.unit",
                "coverage.col.courses",
                "coverage.col.authoring",
                "coverage.col.learners"),
            rows);
      }
      default -> throw new IllegalArgumentException("No table " + table);
    }
  }

  private static List<String> headers(Function<String, String> label, String... keys) {
    var headers = new ArrayList<String>();
    for (var key : keys) {
      headers.add(label.apply(key));
    }
    return headers;
  }
}
