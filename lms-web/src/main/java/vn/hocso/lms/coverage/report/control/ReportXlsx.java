package vn.hocso.lms.coverage.report.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.report.domain.CoverageReport;
import vn.hocso.lms.coverage.report.domain.Indicator;
import vn.hocso.lms.coverage.report.domain.UnitRow;

/**
 * The report as an XLSX workbook, one sheet in the fixed layout: the title block, section I (the
 * unit's total for every indicator), section II (per track, one row per child unit, the people
 * homed in the unit itself, the total). Counts are numbers and shares are numbers with one decimal,
 * so the sheet can be summed; a share without people is "—".
 */
public final class ReportXlsx {

  private ReportXlsx() {}

  public static byte[] render(CoverageReport report) {
    try (var workbook = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Báo cáo " + report.period().code());
      var bold = workbook.createFont();
      bold.setBold(true);
      var titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      var title = workbook.createCellStyle();
      title.setFont(titleFont);
      var heading = workbook.createCellStyle();
      heading.setFont(bold);
      var header = bordered(workbook.createCellStyle());
      header.setFont(bold);
      header.setWrapText(true);
      var cell = bordered(workbook.createCellStyle());
      var totalCell = bordered(workbook.createCellStyle());
      totalCell.setFont(bold);
      var percent = bordered(workbook.createCellStyle());
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
      var totalPercent = bordered(workbook.createCellStyle());
      totalPercent.setDataFormat(percent.getDataFormat());
      totalPercent.setFont(bold);

      int r = 0;
      text(sheet.createRow(r++), 0, report.title(), title);
      text(sheet.createRow(r++), 0, "Hội Liên hiệp Phụ nữ Việt Nam — Học Số", null);
      for (var line : report.titleLines()) {
        text(sheet.createRow(r++), 0, line, null);
      }
      for (var line : CoverageReport.NOTES) {
        text(sheet.createRow(r++), 0, line, null);
      }
      r++;
      text(sheet.createRow(r++), 0, "I. Tổng hợp của đơn vị", heading);
      var headers = sheet.createRow(r++);
      for (int c = 0; c < CoverageReport.SUMMARY_HEADERS.size(); c++) {
        text(headers, c, CoverageReport.SUMMARY_HEADERS.get(c), header);
      }
      for (var indicator : Indicator.ALL) {
        var row = sheet.createRow(r++);
        var count = report.total().count(indicator);
        text(row, 0, indicator.trackName(), cell);
        text(row, 1, indicator.milestoneName(), cell);
        number(row, 2, count.inPeriod(), cell);
        number(row, 3, count.byEnd(), cell);
        number(row, 4, count.people(), cell);
        share(row, 5, count, percent, cell);
      }
      r++;
      text(sheet.createRow(r++), 0, "II. Theo đơn vị trực thuộc", heading);
      int section = 1;
      for (var track : Track.values()) {
        text(
            sheet.createRow(r++),
            0,
            "II." + section++ + ". " + Indicator.trackName(track) + " (lũy kế đến cuối kỳ)",
            heading);
        var unitHeaders = sheet.createRow(r++);
        var names = CoverageReport.unitHeaders();
        for (int c = 0; c < names.size(); c++) {
          text(unitHeaders, c, names.get(c), header);
        }
        for (var unit : report.rows()) {
          boolean isTotal = unit == report.total();
          var row = sheet.createRow(r++);
          var style = isTotal ? totalCell : cell;
          text(row, 0, isTotal ? "Tổng cộng: " + unit.name() : unit.name(), style);
          number(row, 1, unit.people(), style);
          number(row, 2, unit.members(), style);
          write(row, unit, track, style, isTotal ? totalPercent : percent);
        }
        r++;
      }
      text(
          sheet.createRow(r++),
          0,
          "III. Theo khóa học (tổng của đơn vị, lũy kế đến cuối kỳ)",
          heading);
      var courseHeaders = sheet.createRow(r++);
      var courseNames = CoverageReport.courseHeaders();
      for (int c = 0; c < courseNames.size(); c++) {
        text(courseHeaders, c, courseNames.get(c), header);
      }
      for (var course : report.courses()) {
        var row = sheet.createRow(r++);
        text(row, 0, course.title(), cell);
        text(row, 1, course.track() == null ? "—" : Indicator.trackName(course.track()), cell);
        int c = 2;
        for (var milestone : Indicator.PER_UNIT) {
          var count = course.count(milestone, report.total().people());
          number(row, c++, count.byEnd(), cell);
          share(row, c++, count, percent, cell);
        }
      }
      r++;
      var signers = sheet.createRow(r++);
      text(signers, 0, CoverageReport.SIGNATURES.get(0), heading);
      text(signers, 5, CoverageReport.SIGNATURES.get(1), heading);
      var notes = sheet.createRow(r++);
      text(notes, 0, CoverageReport.SIGNATURES.get(2), null);
      text(notes, 5, CoverageReport.SIGNATURES.get(3), null);
      sheet.setColumnWidth(0, 40 * 256);
      for (int c = 1; c < 9; c++) {
        sheet.setColumnWidth(c, 15 * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(
      Row row, UnitRow unit, Track track, CellStyle style, CellStyle percentStyle) {
    int c = 3;
    for (var milestone : Indicator.PER_UNIT) {
      var count = unit.count(new Indicator(track, milestone));
      number(row, c++, count.byEnd(), style);
      share(row, c++, count, percentStyle, style);
    }
  }

  private static void share(
      Row row,
      int column,
      vn.hocso.lms.coverage.report.domain.Count count,
      CellStyle percent,
      CellStyle style) {
    var value = count.percent();
    if (value.isPresent()) {
      var cell = row.createCell(column);
      cell.setCellValue(value.get());
      cell.setCellStyle(percent);
    } else {
      text(row, column, "—", style);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void number(Row row, int column, long value, CellStyle style) {
    var cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static CellStyle bordered(CellStyle style) {
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }
}
