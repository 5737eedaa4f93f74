package vn.hocso.lms.coverage.report.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.coverage.report.domain.Count;
import vn.hocso.lms.coverage.report.domain.CoverageReport;
import vn.hocso.lms.coverage.report.domain.Indicator;
import vn.hocso.lms.platform.PdfFonts;

/**
 * The report as a PDF in the same fixed layout as {@link ReportXlsx}: A4 landscape, Vietnamese set
 * in the embedded DejaVu Sans of {@link PdfFonts}, counts with Vietnamese digit grouping ("1.234")
 * and shares with a decimal comma ("12,5").
 */
public final class ReportPdf {

  private static final Color HEADER = new Color(0xe8, 0xee, 0xf5);
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private ReportPdf() {}

  public static byte[] render(CoverageReport report) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    var writer = PdfWriter.getInstance(document, out);
    document.addTitle(report.title() + " — " + report.unitName());
    document.addCreator("Học Số");
    var footer =
        new HeaderFooter(
            new Phrase(
                report.title() + " — " + report.unitName() + " — trang ", PdfFonts.regular(7)),
            true);
    footer.setAlignment(Element.ALIGN_RIGHT);
    footer.setBorder(Rectangle.NO_BORDER);
    document.setFooter(footer);
    document.open();
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi"));

    paragraph(document, "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM — HỌC SỐ", PdfFonts.regular(9), 0);
    var title = new Paragraph(new Phrase(report.title(), PdfFonts.bold(14)));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(8);
    document.add(title);
    for (var line : report.titleLines()) {
      paragraph(document, line, PdfFonts.regular(10), 0);
    }
    for (var line : CoverageReport.NOTES) {
      paragraph(document, line, PdfFonts.regular(8), 0);
    }

    paragraph(document, "I. Tổng hợp của đơn vị", PdfFonts.bold(11), 10);
    var summary = table(new float[] {3, 3, 1.5f, 2, 2, 1.5f});
    headers(summary, CoverageReport.SUMMARY_HEADERS);
    for (var indicator : Indicator.ALL) {
      var count = report.total().count(indicator);
      var font = PdfFonts.regular(8);
      cell(summary, indicator.trackName(), font, Element.ALIGN_LEFT);
      cell(summary, indicator.milestoneName(), font, Element.ALIGN_LEFT);
      cell(summary, number(count.inPeriod()), font, Element.ALIGN_RIGHT);
      cell(summary, number(count.byEnd()), font, Element.ALIGN_RIGHT);
      cell(summary, number(count.people()), font, Element.ALIGN_RIGHT);
      cell(summary, CoverageReport.percentText(count), font, Element.ALIGN_RIGHT);
    }
    document.add(summary);

    paragraph(document, "II. Theo đơn vị trực thuộc", PdfFonts.bold(11), 10);
    int section = 1;
    for (var track : Track.values()) {
      var table = table(new float[] {4, 1.6f, 1.6f, 1.4f, 1, 1.4f, 1, 1.4f, 1});
      title(table, "II." + section++ + ". " + Indicator.trackName(track) + " (lũy kế đến cuối kỳ)");
      headers(table, CoverageReport.unitHeaders());
      for (var unit : report.rows()) {
        boolean isTotal = unit == report.total();
        var font = isTotal ? PdfFonts.bold(8) : PdfFonts.regular(8);
        cell(table, isTotal ? "Tổng cộng: " + unit.name() : unit.name(), font, Element.ALIGN_LEFT);
        cell(table, number(unit.people()), font, Element.ALIGN_RIGHT);
        cell(table, number(unit.members()), font, Element.ALIGN_RIGHT);
        for (var milestone : Indicator.PER_UNIT) {
          Count count = unit.count(new Indicator(track, milestone));
          cell(table, number(count.byEnd()), font, Element.ALIGN_RIGHT);
          cell(table, CoverageReport.percentText(count), font, Element.ALIGN_RIGHT);
        }
      }
      document.add(table);
    }

    var courses = table(new float[] {4, 2.4f, 1.4f, 1, 1.4f, 1, 1.4f, 1});
    courses.setSpacingBefore(12);
    title(courses, "III. Theo khóa học (tổng của đơn vị, lũy kế đến cuối kỳ)");
    headers(courses, CoverageReport.courseHeaders());
    for (var course : report.courses()) {
      var font = PdfFonts.regular(8);
      cell(courses, course.title(), font, Element.ALIGN_LEFT);
      cell(
          courses,
          course.track() == null ? "—" : Indicator.trackName(course.track()),
          font,
          Element.ALIGN_LEFT);
      for (var milestone : Indicator.PER_UNIT) {
        Count count = course.count(milestone, report.total().people());
        cell(courses, number(count.byEnd()), font, Element.ALIGN_RIGHT);
        cell(courses, CoverageReport.percentText(count), font, Element.ALIGN_RIGHT);
      }
    }
    if (report.courses().isEmpty()) {
      var none = new PdfPCell(new Phrase("Chưa có khóa học nào có số liệu.", PdfFonts.regular(8)));
      none.setColspan(8);
      none.setPadding(3);
      courses.addCell(none);
    }
    document.add(courses);

    var signatures = new PdfPTable(2);
    signatures.setWidthPercentage(100);
    signatures.setSpacingBefore(16);
    signatures.setKeepTogether(true);
    for (int i = 0; i < 4; i++) {
      var cell =
          new PdfPCell(
              new Phrase(
                  CoverageReport.SIGNATURES.get(i),
                  i < 2 ? PdfFonts.bold(9) : PdfFonts.regular(8)));
      cell.setBorder(Rectangle.NO_BORDER);
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      signatures.addCell(cell);
    }
    document.add(signatures);
    document.close();
    return out.toByteArray();
  }

  private static String number(long value) {
    return String.format(VIETNAMESE, "%,d", value);
  }

  private static void paragraph(Document document, String text, Font font, float before) {
    var paragraph = new Paragraph(new Phrase(text, font));
    paragraph.setSpacingBefore(before);
    paragraph.setSpacingAfter(2);
    document.add(paragraph);
  }

  private static PdfPTable table(float[] widths) {
    var table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    return table;
  }

  /**
   * A section's title as the table's first header row: it stays with the table and repeats on each
   * page the table runs over.
   */
  private static void title(PdfPTable table, String title) {
    var cell = new PdfPCell(new Phrase(title, PdfFonts.bold(10)));
    cell.setColspan(table.getNumberOfColumns());
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPaddingTop(6);
    cell.setPaddingBottom(4);
    table.addCell(cell);
    table.setHeaderRows(2);
  }

  private static void headers(PdfPTable table, List<String> headers) {
    for (var header : headers) {
      var cell = new PdfPCell(new Phrase(header, PdfFonts.bold(8)));
      cell.setBackgroundColor(HEADER);
      cell.setPadding(3);
      table.addCell(cell);
    }
  }

  private static void cell(PdfPTable table, String text, Font font, int alignment) {
    var cell = new PdfPCell(new Phrase(text, font));
    cell.setHorizontalAlignment(alignment);
    cell.setPadding(3);
    table.addCell(cell);
  }
}
