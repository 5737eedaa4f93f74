package vn.hocso.lms.certificates.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import vn.hocso.lms.platform.PdfFonts;

/**
 * The printable certificate: A4 landscape, Vietnamese set in the embedded DejaVu Sans (the standard
 * PDF fonts have no ă, ơ, ư, đ or stacked tone marks), and a QR code of its public verification
 * URL, so whoever is shown a print can check it is real and not revoked.
 */
public final class CertificatePdf {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Color INK = new Color(0x1f, 0x3a, 0x5f);

  /** The QR code's side on the page, in points (4 cm), quiet zone included. */
  static final float QR_SIDE = 113;

  private CertificatePdf() {}

  public static byte[] render(CertificateView certificate, URI verificationUrl) {
    var out = new ByteArrayOutputStream();
    var page = PageSize.A4.rotate();
    var document = new Document(page, 56, 56, 48, 48);
    var writer = PdfWriter.getInstance(document, out);
    document.addTitle("Chứng nhận hoàn thành khóa học — Học Số");
    document.open();
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi"));

    var canvas = writer.getDirectContent();
    // A double frame, the look of a printed certificate.
    canvas.setColorStroke(INK);
    canvas.setLineWidth(3);
    canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
    canvas.stroke();
    canvas.setLineWidth(0.8f);
    canvas.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
    canvas.stroke();

    centred(document, "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", PdfFonts.bold(13), 0, 2);
    centred(document, certificate.unitName(), PdfFonts.regular(12), 0, 24);
    centred(document, "CHỨNG NHẬN", PdfFonts.bold(30), 6, 2);
    centred(document, "hoàn thành khóa học", PdfFonts.regular(14), 0, 18);
    if (certificate.holderName() != null) {
      centred(document, "Chứng nhận chị", PdfFonts.regular(13), 0, 4);
      centred(document, certificate.holderName(), PdfFonts.bold(24), 0, 14);
    } else {
      centred(document, "(người nhận đã xóa dữ liệu cá nhân)", PdfFonts.regular(12), 0, 14);
    }
    centred(document, "đã hoàn thành khóa học", PdfFonts.regular(13), 0, 4);
    centred(document, certificate.courseTitle(), PdfFonts.bold(18), 0, 2);
    centred(
        document, "(phiên bản " + certificate.courseVersion() + ")", PdfFonts.regular(10), 0, 16);
    centred(
        document,
        "Ngày cấp: "
            + DAY.format(certificate.issuedOn())
            + " · Đơn vị cấp: "
            + certificate.unitName(),
        PdfFonts.regular(12),
        0,
        0);

    // The QR code, bottom right, drawn module by module as vector squares.
    var qr = QrCode.of(verificationUrl.toString());
    int modules = qr.size() + 8; // four modules of quiet zone on each side
    float unit = QR_SIDE / modules;
    float left = page.getWidth() - 56 - QR_SIDE;
    float bottom = 52;
    canvas.setColorFill(Color.WHITE);
    canvas.rectangle(left, bottom, QR_SIDE, QR_SIDE);
    canvas.fill();
    canvas.setColorFill(Color.BLACK);
    for (int y = 0; y < qr.size(); y++) {
      for (int x = 0; x < qr.size(); x++) {
        if (qr.isDark(x, y)) {
          canvas.rectangle(
              left + (x + 4) * unit, bottom + QR_SIDE - (y + 5) * unit, unit + 0.01f, unit + 0.01f);
        }
      }
    }
    canvas.fill();
    var check = new ColumnText(canvas);
    check.setSimpleColumn(56, 52, left - 16, 52 + QR_SIDE);
    check.setAlignment(Element.ALIGN_LEFT);
    check.addElement(
        new Paragraph("Kiểm tra chứng nhận: quét mã QR hoặc mở địa chỉ", PdfFonts.regular(9)));
    check.addElement(new Paragraph(verificationUrl.toString(), PdfFonts.regular(9)));
    check.addElement(new Paragraph("Mã chứng nhận: " + certificate.code(), PdfFonts.bold(9)));
    check.go();
    document.close();
    return out.toByteArray();
  }

  private static void centred(
      Document document, String text, com.lowagie.text.Font font, float before, float after) {
    var paragraph = new Paragraph(new Phrase(text, font));
    paragraph.setAlignment(Element.ALIGN_CENTER);
    paragraph.setSpacingBefore(before);
    paragraph.setSpacingAfter(after);
    document.add(paragraph);
  }
}
