package vn.hocso.lms.people.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading spreadsheets as Excel and LibreOffice write them, row by row. */
class XlsxRowSourceTest {

  @TempDir Path folder;

  @Test
  void readsTextNumbersAndGapsAsExcelShowsThem() throws Exception {
    var file = folder.resolve("people.xlsx");
    try (var workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("Hội viên");
      var header = sheet.createRow(0);
      header.createCell(0).setCellValue("Họ và tên");
      header.createCell(1).setCellValue("Năm sinh");
      header.createCell(2).setCellValue("Mã xã");
      var first = sheet.createRow(1);
      first.createCell(0).setCellValue("Nguyễn Thị Ánh");
      first.createCell(1).setCellValue(1985); // a number cell
      first.createCell(2).setCellValue("00004");
      var gap = sheet.createRow(4); // rows 3 and 4 left out, as Excel does for empty rows
      gap.createCell(2).setCellValue(13); // name and year empty: cells not written at all
      workbook.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("not read");
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }

    var source = RowSource.open(file);
    var rows = readAll(source);

    assertThat(rows)
        .containsExactly(
            List.of("1", "Họ và tên", "Năm sinh", "Mã xã"),
            List.of("2", "Nguyễn Thị Ánh", "1985", "00004"),
            List.of("5", "", "", "13"));
    assertThat(source.fractionRead()).isEqualTo(1.0);
  }

  @Test
  void streamsALargeSheetWithinASmallHeap() throws Exception {
    var file = folder.resolve("large.xlsx");
    try (var workbook = new SXSSFWorkbook(100)) {
      var sheet = workbook.createSheet();
      for (int r = 0; r < 20_000; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue("Người " + r);
        row.createCell(1).setCellValue(1960 + r % 40);
      }
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    var count = new int[1];
    var last = new ArrayList<String>();
    RowSource.open(file)
        .read(
            (number, cells) -> {
              count[0]++;
              last.clear();
              last.addAll(cells);
            });

    assertThat(count[0]).isEqualTo(20_000);
    assertThat(last).containsExactly("Người 19999", "1999");
  }

  @Test
  void refusesAZipThatIsNoWorkbook() throws Exception {
    var file = folder.resolve("not-a-workbook.xlsx");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
      zip.write("xin chào".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    assertThatThrownBy(() -> readAll(RowSource.open(file))).isInstanceOf(IOException.class);
  }

  @Test
  void readsCsvFilesByTheirContentWhateverTheName() throws Exception {
    var file = folder.resolve("people.xlsx.csv");
    Files.writeString(file, "\uFEFFHọ và tên;Mã xã\r\n\"Lê Thị \"\"Cúc\"\"; con\";00008\r\nAn;4");

    var rows = readAll(RowSource.open(file));

    assertThat(rows)
        .containsExactly(
            List.of("1", "Họ và tên", "Mã xã"),
            List.of("2", "Lê Thị \"Cúc\"; con", "00008"),
            List.of("3", "An", "4"));
  }

  private static List<List<String>> readAll(RowSource source) throws IOException {
    var rows = new ArrayList<List<String>>();
    source.read(
        (number, cells) -> {
          var row = new ArrayList<String>();
          row.add(String.valueOf(number));
          row.addAll(cells);
          rows.add(row);
        });
    return rows;
  }
}
