package vn.hocso.lms.certificates.control;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR code's modules (ZXing's encoder), drawn by the caller as it likes: the certificate draws
 * them as vector squares, sharp at any print size. Error correction M (15 %): a printed certificate
 * may be folded or stained.
 */
public record QrCode(int size, boolean[][] dark) {

  public static QrCode of(String text) {
    try {
      var code =
          Encoder.encode(
              text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
      var matrix = code.getMatrix();
      var dark = new boolean[matrix.getHeight()][matrix.getWidth()];
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          dark[y][x] = matrix.get(x, y) == 1;
        }
      }
      return new QrCode(matrix.getWidth(), dark);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot make a QR code of " + text, e);
    }
  }

  public boolean isDark(int x, int y) {
    return dark[y][x];
  }
}
