package vn.hocso.lms.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable copy of her data: Vietnamese text that survives into the PDF. */
class PersonalDataPdfTest {

  @Test
  void writesHerDataWithEveryVietnameseLetterIntact() throws Exception {
    var export =
        new PersonalDataExport(
            7,
            "Nguyễn Thị Ánh Tuyết",
            1986,
            "0912345678",
            "Ê Đê",
            true,
            false,
            "PART_TIME",
            "Chi hội trưởng",
            "3f0c2a7e-opaque",
            List.of(
                new PersonalDataExport.MembershipLine(
                    "Xã Ea Kao", "24100", LocalDate.of(2025, 7, 1), null)),
            List.of(
                new PersonalDataExport.ConsentLine(
                    "LEARNING_RECORDS",
                    "dang-ky-2026-01",
                    Instant.parse("2026-03-08T02:00:00Z"),
                    null)),
            List.of("0912345678"),
            Instant.parse("2026-03-09T16:30:00Z"));

    var pdf = PersonalDataPdf.render(export);

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    var reader = new PdfReader(pdf);
    var text = new StringBuilder();
    for (var page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
    }
    assertThat(text.toString())
        .contains("Nguyễn Thị Ánh Tuyết")
        .contains("Xã Ea Kao")
        .contains("Ê Đê")
        .contains("Chi hội trưởng")
        .contains("Lưu kết quả học tập")
        .contains("3f0c2a7e-opaque")
        // 16:30 UTC is 23:30 in Vietnam, the same day
        .contains("23:30 09/03/2026");
  }
}
