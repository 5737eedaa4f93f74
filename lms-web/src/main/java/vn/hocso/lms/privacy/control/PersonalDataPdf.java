package vn.hocso.lms.privacy.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.platform.PdfFonts;

/** Her personal data as a readable PDF in Vietnamese, beside the machine-readable JSON. */
public final class PersonalDataPdf {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final Map<String, String> PURPOSES =
      Map.of(
          "LEARNING_RECORDS", "Lưu kết quả học tập",
          "UNION_REPORTING", "Tính vào báo cáo của Hội",
          "PHONE_CONTACT", "Cán bộ Hội gọi điện");
  private static final Map<String, String> EMPLOYMENT =
      Map.of("FULL_TIME", "chuyên trách", "PART_TIME", "không chuyên trách");

  private PersonalDataPdf() {}

  public static byte[] render(PersonalDataExport data) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A4, 48, 48, 56, 56);
    var writer = PdfWriter.getInstance(document, out);
    document.addTitle("Dữ liệu cá nhân — Học Số");
    document.open();
    // The document's language, so that screen readers speak it as Vietnamese.
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi"));
    document.add(new Paragraph("Dữ liệu cá nhân của chị trên Học Số", PdfFonts.bold(16)));
    document.add(
        new Paragraph(
            "Xuất lúc "
                + moment(data.exportedAt())
                + " (giờ Việt Nam), theo Luật Bảo vệ dữ liệu"
                + " cá nhân số 91/2025/QH15.",
            PdfFonts.regular(9)));
    document.add(heading("Thông tin cá nhân"));
    var facts = table(2, new float[] {1, 2});
    row(facts, "Họ và tên", data.fullName());
    row(facts, "Năm sinh", data.birthYear() == null ? "—" : data.birthYear().toString());
    row(facts, "Số điện thoại", orDash(data.phone()));
    row(facts, "Dân tộc (dữ liệu nhạy cảm)", orDash(data.ethnicity()));
    row(facts, "Hội viên", data.member() ? "Có" : "Không");
    row(facts, "Giảng viên", data.trainer() ? "Có" : "Không");
    row(
        facts,
        "Cán bộ Hội",
        data.staffEmployment() == null
            ? "Không"
            : EMPLOYMENT.getOrDefault(data.staffEmployment(), data.staffEmployment())
                + (data.staffPosition() == null ? "" : ", " + data.staffPosition()));
    row(
        facts,
        "Tên đăng nhập",
        data.usernames().isEmpty() ? "—" : String.join(", ", data.usernames()));
    row(facts, "Mã học tập ẩn danh (xAPI)", data.xapiAccount());
    document.add(facts);

    document.add(heading("Nơi sinh hoạt"));
    var units = table(3, new float[] {3, 1, 1});
    header(units, List.of("Đơn vị", "Từ ngày", "Đến ngày"));
    for (var line : data.memberships()) {
      cell(units, line.unit() + (line.unitCode() == null ? "" : " (" + line.unitCode() + ")"));
      cell(units, DAY.format(line.from()));
      cell(units, line.to() == null ? "nay" : DAY.format(line.to()));
    }
    document.add(units);

    document.add(heading("Đồng ý xử lý dữ liệu"));
    var consents = table(4, new float[] {2, 1, 1.3f, 1.3f});
    header(consents, List.of("Mục đích", "Phiên bản", "Đồng ý lúc", "Rút lại lúc"));
    for (var line : data.consents()) {
      cell(consents, PURPOSES.getOrDefault(line.purpose(), line.purpose()));
      cell(consents, line.textVersion());
      cell(consents, moment(line.givenAt()));
      cell(consents, line.withdrawnAt() == null ? "—" : moment(line.withdrawnAt()));
    }
    document.add(consents);
    document.add(
        new Paragraph(
            "Kết quả học tập của chị được lưu với mã ẩn danh ở trên, không kèm tên hay số điện"
                + " thoại. Chị có thể yêu cầu xóa dữ liệu cá nhân trên trang Tài khoản của tôi.",
            PdfFonts.regular(9)));
    document.close();
    return out.toByteArray();
  }

  private static Paragraph heading(String text) {
    var paragraph = new Paragraph(text, PdfFonts.bold(12));
    paragraph.setSpacingBefore(14);
    paragraph.setSpacingAfter(6);
    return paragraph;
  }

  private static PdfPTable table(int columns, float[] widths) {
    var table = new PdfPTable(columns);
    table.setWidthPercentage(100);
    table.setWidths(widths);
    return table;
  }

  private static void header(PdfPTable table, List<String> titles) {
    for (var title : titles) {
      var cell = new PdfPCell(new Phrase(title, PdfFonts.bold(10)));
      cell.setHorizontalAlignment(Element.ALIGN_LEFT);
      cell.setPadding(4);
      table.addCell(cell);
    }
  }

  private static void row(PdfPTable table, String label, String value) {
    var name = new PdfPCell(new Phrase(label, PdfFonts.bold(10)));
    name.setPadding(4);
    table.addCell(name);
    cell(table, value);
  }

  private static void cell(PdfPTable table, String text) {
    var cell = new PdfPCell(new Phrase(text, PdfFonts.regular(10)));
    cell.setPadding(4);
    table.addCell(cell);
  }

  private static String orDash(String text) {
    return text == null ? "—" : text;
  }

  private static String moment(Instant instant) {
    return MOMENT.format(instant.atZone(VIETNAM));
  }
}
