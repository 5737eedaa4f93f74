package vn.hocso.lms.web.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes any {@link ExportTable} as CSV or XLSX: the one export of the dashboards' tables. Memory
 * stays flat: CSV is written as rows come, XLSX through SXSSF (100 rows in memory).
 */
public final class TableExport {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TableExport() {}

  /** Writes the table; returns how many rows (headers not counted). Does not close the stream. */
  public static int write(ExportTable table, ExportFormat format, OutputStream out)
      throws IOException {
    return switch (format) {
      case CSV -> writeCsv(table, out);
      case XLSX -> writeXlsx(table, out);
    };
  }

  private static int writeCsv(ExportTable table, OutputStream out) throws IOException {
    out.write(UTF8_BOM);
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    csvLine(writer, List.copyOf(table.headers()));
    int written = 0;
    for (var row : table.rows()) {
      csvLine(writer, row);
      written++;
    }
    writer.flush();
    return written;
  }

  private static void csvLine(BufferedWriter writer, List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(csvCell(cells.get(i)));
    }
    writer.write("\r\n"); // RFC 4180
  }

  /** Quotes a cell when it holds a separator, a quote or a line break (RFC 4180 §2.6–2.7). */
  static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    var text = value instanceof Double d ? decimal(d) : value.toString();
    // A cell starting with = + - @ would be run as a formula by Excel (CSV injection): quote it
    // behind an apostrophe. Numbers are ours and never start with one of those but minus.
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static String decimal(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static int writeXlsx(ExportTable table, OutputStream out) throws IOException {
    int written = 0;
    try (var workbook = new SXSSFWorkbook(100)) {
      var sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
      var bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      var header = sheet.createRow(0);
      for (int c = 0; c < table.headers().size(); c++) {
        var cell = header.createCell(c);
        cell.setCellValue(table.headers().get(c));
        cell.setCellStyle(headerStyle);
      }
      sheet.createFreezePane(0, 1);
      for (var row : table.rows()) {
        var line = sheet.createRow(++written);
        for (int c = 0; c < row.size(); c++) {
          var value = row.get(c);
          if (value == null) {
            continue;
          }
          var cell = line.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else {
            // Text stays text: a phone's leading zero must survive Excel.
            cell.setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
    return written;
  }
}
