package vn.hocso.lms.certificates.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.certificates.domain.CertificateCode;

/**
 * Every verification URL's QR code is found and read by a scanner, not only decodable in theory.
 */
class QrCodeTest {

  @Test
  void aThousandRandomVerificationUrlsAllReadBack() {
    List<String> unread = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      var url =
          Certificates.verificationUrl(
                  URI.create("https://hocso.example.vn"), CertificateCode.random())
              .toString();
      if (!url.equals(read(QrCode.of(url)))) {
        unread.add(url);
      }
    }
    assertThat(unread).isEmpty();
  }

  @Test
  void keepsTheEncodersMaskWhenItReads() {
    // About one URL in seventy needs another mask; the rest keep the standard choice unchanged.
    var url = "https://hocso.example.vn/verify.xhtml?code=aaaaaaaaaaaaaaaaaaaaaaaa";
    var code = QrCode.of(url);
    assertThat(code.size()).isEqualTo(37);
    assertThat(code.readsBackAs(url)).isTrue();
  }

  /**
   * Draws the modules at 3 pixels each with a 6-module margin, and reads them with the other ZXing
   * binarizer than the one {@link QrCode} checks with.
   */
  static String read(QrCode code) {
    int scale = 3;
    int margin = 6;
    int side = (code.size() + 2 * margin) * scale;
    var pixels = new int[side * side];
    for (int py = 0; py < side; py++) {
      for (int px = 0; px < side; px++) {
        int x = px / scale - margin;
        int y = py / scale - margin;
        boolean dark = x >= 0 && y >= 0 && x < code.size() && y < code.size() && code.isDark(x, y);
        pixels[py * side + px] = dark ? 0xff000000 : 0xffffffff;
      }
    }
    return scan(
        new BinaryBitmap(new GlobalHistogramBinarizer(new RGBLuminanceSource(side, side, pixels))));
  }

  /** What a scanner app reads in the picture: the QR code's text, or null when it finds none. */
  static String scan(BinaryBitmap bitmap) {
    try {
      return new MultiFormatReader()
          .decode(
              bitmap,
              Map.of(
                  DecodeHintType.POSSIBLE_FORMATS,
                  List.of(BarcodeFormat.QR_CODE),
                  DecodeHintType.TRY_HARDER,
                  true))
          .getText();
    } catch (NotFoundException e) {
      return null;
    }
  }
}
