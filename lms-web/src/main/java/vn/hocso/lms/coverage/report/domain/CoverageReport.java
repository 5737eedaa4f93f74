package vn.hocso.lms.coverage.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's report for a closed period, in the fixed layout both files show: the title block (unit,
 * period, the day counted, when the figures were frozen, who made it and when), then for every
 * indicator the unit's total, per track one row per child unit, the people homed in the unit itself
 * (when there are any) and the unit's total, and the unit's total per course. Built once from the
 * frozen figures and rendered twice (XLSX, PDF), so both files say the same.
 *
 * <p>The children's rows add up to the total minus the "directly in the unit" row, for every
 * numerator and denominator: on the day counted each person had one home unit, and a person counts
 * once per track and milestone, in the unit she was homed in when she reached it.
 */
public record CoverageReport(
    ReportPeriod period,
    LocalDate countedOn,
    Instant frozenAt,
    String generatedBy,
    Instant generatedAt,
    UnitRow total,
    List<UnitRow> children,
    Optional<UnitRow> direct,
    List<CourseRow> courses) {

  /** What the "directly in the unit" row is called. */
  public static final String DIRECT_NAME = "Trực tiếp tại đơn vị";

  public CoverageReport {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(countedOn, "countedOn");
    Objects.requireNonNull(frozenAt, "frozenAt");
    Objects.requireNonNull(generatedBy, "generatedBy");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(total, "total");
    children = List.copyOf(children);
    Objects.requireNonNull(direct, "direct");
    courses = List.copyOf(courses);
  }

  /**
   * The report of a unit from its total and its children's rows; the "directly in the unit" row is
   * what the total holds beyond its children (shown only when not empty, and not for a unit without
   * children, whose total says it).
   */
  public static CoverageReport of(
      ReportPeriod period,
      LocalDate countedOn,
      Instant frozenAt,
      String generatedBy,
      Instant generatedAt,
      UnitRow total,
      List<UnitRow> children,
      List<CourseRow> courses) {
    long people = total.people() - children.stream().mapToLong(UnitRow::people).sum();
    long members = total.members() - children.stream().mapToLong(UnitRow::members).sum();
    var counts = new HashMap<Indicator, Count>();
    for (var indicator : Indicator.ALL) {
      long inPeriod = total.count(indicator).inPeriod();
      long byEnd = total.count(indicator).byEnd();
      for (var child : children) {
        inPeriod -= child.count(indicator).inPeriod();
        byEnd -= child.count(indicator).byEnd();
      }
      counts.put(indicator, new Count(inPeriod, byEnd, people));
    }
    var direct = new UnitRow(total.unitId(), DIRECT_NAME, people, members, counts);
    return new CoverageReport(
        period,
        countedOn,
        frozenAt,
        generatedBy,
        generatedAt,
        total,
        children,
        direct.isEmpty() || children.isEmpty() ? Optional.empty() : Optional.of(direct),
        courses);
  }

  public String unitName() {
    return total.name();
  }

  /** The rows under a track's table: children, then "directly in the unit" if any, then total. */
  public List<UnitRow> rows() {
    var rows = new java.util.ArrayList<>(children);
    direct.ifPresent(rows::add);
    rows.add(total);
    return rows;
  }

  /** The headers of section I (the unit's total per indicator). */
  public static final List<String> SUMMARY_HEADERS =
      List.of(
          "Chương trình",
          "Chỉ tiêu",
          "Trong kỳ",
          "Lũy kế đến cuối kỳ (tử số)",
          "Số người của đơn vị (mẫu số)",
          "Tỷ lệ (%)");

  /** The headers of each track's table in section II (one row per unit). */
  public static List<String> unitHeaders() {
    var headers = new java.util.ArrayList<String>();
    headers.add("Đơn vị");
    headers.add("Số người (mẫu số)");
    headers.add("Trong đó hội viên");
    for (var milestone : Indicator.PER_UNIT) {
      headers.add(
          new Indicator(vn.hocso.content.course.domain.Track.UNION_WORK, milestone)
              .milestoneName());
      headers.add("Tỷ lệ (%)");
    }
    return headers;
  }

  /** The headers of section III (the unit's total per course). */
  public static List<String> courseHeaders() {
    var headers = new java.util.ArrayList<String>();
    headers.add("Khóa học");
    headers.add("Chương trình");
    for (var milestone : Indicator.PER_UNIT) {
      headers.add(
          new Indicator(vn.hocso.content.course.domain.Track.UNION_WORK, milestone)
              .milestoneName());
      headers.add("Tỷ lệ (%)");
    }
    return headers;
  }

  private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final java.time.format.DateTimeFormatter MINUTE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** The title block's lines under the title. */
  public List<String> titleLines() {
    return List.of(
        "Đơn vị: " + unitName(),
        "Kỳ báo cáo: " + period.vietnameseName() + " (" + period.vietnameseDays() + ")",
        "Số liệu chốt ngày "
            + DAY.format(countedOn)
            + "; đóng băng (frozen) lúc "
            + MINUTE.format(frozenAt.atZone(VIETNAM))
            + " giờ Việt Nam",
        "Lập bởi " + generatedBy + " lúc " + MINUTE.format(generatedAt.atZone(VIETNAM)));
  }

  /** The notes under the title block: what the figures count. */
  public static final List<String> NOTES =
      List.of(
          "Tử số: số người (hội viên, cán bộ và học viên khác) đạt chỉ tiêu đến cuối kỳ, tính ở"
              + " đơn vị sinh hoạt của họ vào ngày đạt; mỗi người được tính một lần trong mỗi"
              + " chương trình.",
          "Mẫu số: số người có đơn vị sinh hoạt thuộc đơn vị vào ngày chốt số liệu; số hội viên"
              + " ghi bên cạnh.",
          "Số liệu đã đóng băng: báo cáo lập lại cho kỳ này luôn cho cùng số liệu.");

  /** The signature block at the foot of both files: who drew it up, who approves it. */
  public static final List<String> SIGNATURES =
      List.of("NGƯỜI LẬP BIỂU", "TM. BAN THƯỜNG VỤ", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)");

  /** A share as the report prints it: "12,5" (Vietnamese decimal comma), or "—" without people. */
  public static String percentText(Count count) {
    return count
        .percent()
        .map(p -> String.format(java.util.Locale.forLanguageTag("vi"), "%.1f", p))
        .orElse("—");
  }

  /** The title: e.g. "BÁO CÁO KẾT QUẢ BỒI DƯỠNG KỸ NĂNG SỐ 6 THÁNG ĐẦU NĂM 2026". */
  public String title() {
    return ("Báo cáo kết quả bồi dưỡng kỹ năng số " + period.vietnameseName())
        .toUpperCase(java.util.Locale.forLanguageTag("vi"));
  }
}
