package vn.hocso.lms.coverage.dashboard.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.coverage.dashboard.control.ActiveTrainers;
import vn.hocso.lms.coverage.dashboard.control.CoverageDashboard;
import vn.hocso.lms.coverage.dashboard.control.DashboardExports;
import vn.hocso.lms.coverage.dashboard.control.StaffTraining;
import vn.hocso.lms.coverage.dashboard.control.UntrainedPeople;
import vn.hocso.lms.coverage.dashboard.domain.Period;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.coverage.domain.Subject;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.domain.UnitRuleException;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;
import vn.hocso.lms.web.export.ExportFormat;
import vn.hocso.lms.web.export.TableExport;

/**
 * The coverage dashboard of one unit ({@code /app/coverage.xhtml?unit=…&period=…}): binds the page
 * to the dashboard services, which check the caller's scope on every read and write. A unit outside
 * her scope (or none) answers 404, as the other unit pages do.
 */
@Named
@ViewScoped
public class CoverageDashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CoverageDashboard dashboard;
  @Inject UntrainedPeople untrainedPeople;
  @Inject StaffTraining staffTraining;
  @Inject ActiveTrainers activeTrainers;
  @Inject DashboardExports exports;
  @Inject AccessScope access;
  @Inject Messages messages;

  // View parameters, also the fields of the period form. That form is a plain GET form outside any
  // JSF form, so a postback of another form decodes its fields as empty: the setters keep what the
  // page was opened with.
  private String unitParameter;
  private String period;
  private String from;
  private String to;
  private String rank;

  private Long unit;
  private Track rankBy = Track.values()[0];

  // the untrained list's filters
  private String subject;
  private UntrainedPeople.Who who = UntrainedPeople.Who.MEMBERS_AND_STAFF;
  private String name;

  private Integer newTarget;

  private Period shownPeriod;
  private CoverageDashboard.Overview overview;
  private List<CoverageDashboard.ChildRow> children = List.of();
  private StaffTraining.Figures staff;
  private List<ActiveTrainers.Trainer> trainers = List.of();
  private List<CoverageDashboard.CourseChoice> courses = List.of();
  private String chartJson;
  private final LazyDataModel<UntrainedPeople.Row> untrained = new Untrained();

  /** Called by f:viewAction once the parameters are set. */
  public void load() throws IOException {
    var scope = access.managed();
    try {
      if (unitParameter == null || unitParameter.isBlank()) {
        unit = dashboard.defaultUnit(scope);
      } else {
        try {
          unit = Long.parseLong(unitParameter.strip());
        } catch (NumberFormatException e) {
          badRequest("unit must be a unit id (a number), not " + unitParameter);
          return;
        }
      }
      var today = LocalDate.now(StatementReading.VIETNAM);
      try {
        shownPeriod = Period.of(kind(period), from, to, today);
      } catch (UnitRuleException e) {
        FormFeedback.error(e.vietnameseMessage());
        shownPeriod = Period.of(Period.Kind.LAST_SIX_MONTHS, null, null, today);
      }
      period = shownPeriod.kind().name();
      from = shownPeriod.from().toString();
      to = shownPeriod.to().toString();
      rankBy = track(rank);
      rank = rankBy.name();
      overview = dashboard.overview(unit, shownPeriod, scope);
      children = dashboard.children(unit, shownPeriod, rankBy, scope);
      staff = staffTraining.figures(unit, shownPeriod.to().getYear(), scope);
      trainers = activeTrainers.active(unit, shownPeriod, scope);
      courses = dashboard.publishedCourses();
      if (subject == null) {
        subject = Subject.track(Track.ELECTRONIC_PAYMENT.name()).code();
      }
      chartJson = chart();
    } catch (AccessDeniedException e) {
      notFound();
    }
  }

  private static Period.Kind kind(String text) {
    for (var kind : Period.Kind.values()) {
      if (kind.name().equals(text)) {
        return kind;
      }
    }
    return Period.Kind.LAST_SIX_MONTHS;
  }

  private static Track track(String text) {
    for (var track : Track.values()) {
      if (track.name().equals(text)) {
        return track;
      }
    }
    return Track.values()[0];
  }

  private static void badRequest(String why) throws IOException {
    var context = FacesContext.getCurrentInstance();
    context.getExternalContext().responseSendError(HttpServletResponse.SC_BAD_REQUEST, why);
    context.responseComplete();
  }

  private static void notFound() throws IOException {
    var context = FacesContext.getCurrentInstance();
    context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
    context.responseComplete();
  }

  /** The trend as a Chart.js line chart (PrimeFaces p:chart raw JSON), one line per track. */
  private String chart() {
    var colours = List.of("#1565c0", "#c62828", "#2e7d32", "#6a1b9a");
    var points = List.of("circle", "triangle", "rect", "rectRot");
    var labels = Json.createArrayBuilder();
    overview.trend().forEach(row -> labels.add(row.month().toString()));
    var datasets = Json.createArrayBuilder();
    for (int t = 0; t < CoverageDashboard.TRACKS.size(); t++) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (var row : overview.trend()) {
        data.add(row.completedByTrack().get(t));
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", messages.get("track." + CoverageDashboard.TRACKS.get(t).name()))
              .add("data", data)
              .add("borderColor", colours.get(t))
              .add("backgroundColor", colours.get(t))
              .add("pointStyle", points.get(t))
              .add("fill", false)
              .add("tension", 0));
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  /** Saves the staff training target of the year shown. */
  public void saveTarget() {
    if (newTarget == null) {
      FormFeedback.error(messages.get("coverage.target.required"));
      return;
    }
    int year = shownPeriod.to().getYear();
    if (FormFeedback.attempt(
        messages,
        "coverage.target.saved",
        () ->
            staffTraining.setTarget(
                unit, year, newTarget, access.managed(), access.requester().username()))) {
      staff = staffTraining.figures(unit, year, access.managed());
      newTarget = null;
    }
  }

  /** Resets the untrained list to its first page after a filter changed. */
  public void search() {
    var table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":untrained:list");
    if (table instanceof org.primefaces.component.datatable.DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  /**
   * One table of the page as a download; {@code table} names it (tracks, trend, children,
   * untrained, staff, trainers). The services check the scope again.
   */
  public StreamedContent download(String table, String format) {
    var exportFormat = ExportFormat.parse(format);
    var content =
        exports.table(
            table, unit, shownPeriod, rankBy, filter(), messages::get, access.requester());
    var base = "phu-song-" + table + "-" + unit + "-" + from + "-" + to;
    return DefaultStreamedContent.builder()
        .name(exportFormat.fileName(base))
        .contentType(exportFormat.contentType())
        .writer(
            out -> {
              try {
                TableExport.write(content, exportFormat, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  private UntrainedPeople.Filter filter() {
    Subject chosen;
    try {
      chosen = new Subject(subject);
    } catch (IllegalArgumentException | NullPointerException e) {
      chosen = Subject.track(Track.ELECTRONIC_PAYMENT.name());
    }
    return new UntrainedPeople.Filter(unit, chosen, who, name);
  }

  /** The untrained list, a page at a time. */
  private final class Untrained extends LazyDataModel<UntrainedPeople.Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return overview == null ? 0 : (int) untrainedPeople.count(filter(), access.requester());
    }

    @Override
    public List<UntrainedPeople.Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return overview == null
          ? List.of()
          : untrainedPeople.list(filter(), first, pageSize, access.requester());
    }

    @Override
    public String getRowKey(UntrainedPeople.Row row) {
      return String.valueOf(row.id());
    }

    @Override
    public UntrainedPeople.Row getRowData(String rowKey) {
      return null;
    }
  }

  // --- for the page ---

  public List<Track> getTracks() {
    return CoverageDashboard.TRACKS;
  }

  public Period.Kind[] getPeriodKinds() {
    return Period.Kind.values();
  }

  public UntrainedPeople.Who[] getWhoChoices() {
    return UntrainedPeople.Who.values();
  }

  public LazyDataModel<UntrainedPeople.Row> getUntrained() {
    return untrained;
  }

  /** When the period shown was frozen, in Vietnam's time (empty when it is not frozen). */
  public String getFrozenAt() {
    if (overview == null || overview.frozen() == null) {
      return "";
    }
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
        .format(overview.frozen().frozenAt().atZone(StatementReading.VIETNAM));
  }

  /** The day the frozen figures were counted to, written as the page writes days. */
  public String getFrozenCountedOn() {
    if (overview == null || overview.frozen() == null) {
      return "";
    }
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
        .format(overview.frozen().countedOn());
  }

  public CoverageDashboard.Overview getOverview() {
    return overview;
  }

  public List<CoverageDashboard.ChildRow> getChildren() {
    return children;
  }

  public StaffTraining.Figures getStaff() {
    return staff;
  }

  public List<ActiveTrainers.Trainer> getTrainers() {
    return trainers;
  }

  public List<CoverageDashboard.CourseChoice> getCourses() {
    return courses;
  }

  public String getChartJson() {
    return chartJson;
  }

  public String getUnitParameter() {
    return unitParameter;
  }

  public void setUnitParameter(String unitParameter) {
    this.unitParameter = unitParameter;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    if (period != null && !period.isBlank()) {
      this.period = period;
    }
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    if (from != null && !from.isBlank()) {
      this.from = from;
    }
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    if (to != null && !to.isBlank()) {
      this.to = to;
    }
  }

  public String getRank() {
    return rank;
  }

  public void setRank(String rank) {
    if (rank != null && !rank.isBlank()) {
      this.rank = rank;
    }
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public UntrainedPeople.Who getWho() {
    return who;
  }

  public void setWho(UntrainedPeople.Who who) {
    this.who = who;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getNewTarget() {
    return newTarget;
  }

  public void setNewTarget(Integer newTarget) {
    this.newTarget = newTarget;
  }

  /** Whether the untrained list holds more people than its count says (see UntrainedPeople). */
  public boolean isUntrainedCountCapped() {
    return UntrainedPeople.isCapped(filter(), untrained.getRowCount());
  }

  public long getUntrainedCountLimit() {
    return UntrainedPeople.COUNT_LIMIT;
  }
}
