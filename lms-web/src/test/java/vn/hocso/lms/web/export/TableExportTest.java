package vn.hocso.lms.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {

  static final ExportTable TABLE =
      new ExportTable(
          "Theo chương trình",
          List.of("Đơn vị", "Số người", "Tỉ lệ (%)"),
          List.of(
              Arrays.<Object>asList("Phường Ba Đình", 12L, 41.7),
              Arrays.<Object>asList("Xã \"Mới\", Hà Nội", 0L, null),
              Arrays.<Object>asList("=HYPERLINK(\"x\")", 3, 100.0)));

  @Test
  void csvHasAByteOrderMarkQuotesWhatNeedsItAndDefusesFormulas() throws Exception {
    var out = new ByteArrayOutputStream();
    assertThat(TableExport.write(TABLE, ExportFormat.CSV, out)).isEqualTo(3);
    var bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n"))
        .containsExactly(
            "Đơn vị,Số người,Tỉ lệ (%)",
            "Phường Ba Đình,12,41.7",
            "\"Xã \"\"Mới\"\", Hà Nội\",0,",
            "\"'=HYPERLINK(\"\"x\"\")\",3,100");
  }

  @Test
  void xlsxKeepsNumbersAsNumbersAndTextAsText() throws Exception {
    var out = new ByteArrayOutputStream();
    TableExport.write(TABLE, ExportFormat.XLSX, out);
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Theo chương trình");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
      assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(41.7);
      assertThat(sheet.getRow(2).getCell(2)).as("no figure, no cell").isNull();
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
  }

  @Test
  void onlyTheTwoFormatsAreRead() {
    assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.parse("pdf"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
