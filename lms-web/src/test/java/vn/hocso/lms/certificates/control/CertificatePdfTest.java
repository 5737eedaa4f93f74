package vn.hocso.lms.certificates.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocso.lms.certificates.domain.CertificateCode;
import vn.hocso.lms.certificates.domain.CertificateStatus;

/** The printed certificate: Vietnamese text intact, and a QR code that reads back as its URL. */
class CertificatePdfTest {

  final String code = CertificateCode.random();
  final URI url = Certificates.verificationUrl(URI.create("https://hocso.example.vn"), code);

  CertificateView view(String name) {
    return new CertificateView(
        1,
        code,
        CertificateStatus.VALID,
        name,
        "Thanh toán điện tử an toàn: mã QR, ví điện tử và cảnh giác lừa đảo",
        3,
        "Phường Ba Đình",
        LocalDate.of(2026, 3, 9),
        null,
        null);
  }

  @Test
  void carriesHerNameTheCourseTheDayAndTheUnitInVietnamese() throws Exception {
    var pdf = CertificatePdf.render(view("Nguyễn Thị Ánh Tuyết"), url);

    var text = text(pdf);
    assertThat(text)
        .contains("Nguyễn Thị Ánh Tuyết")
        .contains("Thanh toán điện tử an toàn")
        .contains("Phường Ba Đình")
        .contains("09/03/2026")
        .contains("CHỨNG NHẬN")
        .contains(code);
  }

  @Test
  void itsQrCodeReadsBackAsTheVerificationUrl() throws Exception {
    var pdf = CertificatePdf.render(view("Nguyễn Thị Ánh Tuyết"), url);

    assertThat(url.toString()).isEqualTo("https://hocso.example.vn/verify.xhtml?code=" + code);
    assertThat(decodeQr(pdf)).isEqualTo(url.toString());
  }

  /** With the encoder's own mask choice (2), ZXing's detector found no code in these four. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "szyr0kzwxw6javjqvcvh6axn",
        "dr55f2fvv7q7dzqjy3fm49wx",
        "jwk6a0e0sy485z811qrab5ps",
        "9szhx379n3af6b73rps5ejg1"
      })
  void itsQrCodeReadsBackForCodesWhoseStandardMaskLooksLikeFinderPatterns(String code)
      throws Exception {
    var url = Certificates.verificationUrl(URI.create("https://hocso.example.vn"), code);

    assertThat(decodeQr(CertificatePdf.render(view("Nguyễn Thị Ánh Tuyết"), url)))
        .isEqualTo(url.toString());
  }

  @Test
  void afterErasureItNamesNobody() throws Exception {
    var text = text(CertificatePdf.render(view(null), url));
    assertThat(text).contains("đã xóa dữ liệu cá nhân").doesNotContain("Chứng nhận chị");
  }

  static String text(byte[] pdf) throws Exception {
    var reader = new PdfReader(pdf);
    var text = new StringBuilder();
    for (var page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
    }
    return text.toString();
  }

  /**
   * Renders the page as a phone camera aimed at the code would see a print (its bottom-right
   * quarter, where the code is, at 300 dpi: a module is about ten pixels), and reads the QR code.
   */
  static String decodeQr(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
      BufferedImage image =
          page.getSubimage(
              page.getWidth() / 2, page.getHeight() / 2, page.getWidth() / 2, page.getHeight() / 2);
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      return QrCodeTest.scan(
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));
    }
  }
}
