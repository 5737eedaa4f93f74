package vn.hocso.lms.certificates.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A QR code's modules (ZXing's encoder), drawn by the caller as it likes: the certificate draws
 * them as vector squares, sharp at any print size. Error correction M (15 %): a printed certificate
 * may be folded or stained.
 *
 * <p>The encoder picks the mask pattern with the lowest penalty (ISO/IEC 18004 §7.8.3), but for
 * some texts that mask draws shapes a detector takes for finder patterns: ZXing's own reader then
 * finds no code at all (one verification URL in about seventy did so with mask 2). So the chosen
 * code is read back with a camera-style detector, and when that fails the other masks are tried.
 */
public record QrCode(int size, boolean[][] dark) {

  private static final int MASKS = 8;
  private static final int PIXELS_PER_MODULE = 4;
  private static final int QUIET_ZONE = 4;

  public static QrCode of(String text) {
    var chosen = encode(text, null);
    if (chosen.readsBackAs(text)) {
      return chosen;
    }
    for (int mask = 0; mask < MASKS; mask++) {
      var candidate = encode(text, mask);
      if (candidate.readsBackAs(text)) {
        return candidate;
      }
    }
    return chosen; // every mask fails to read: the data is still valid; keep the standard choice
  }

  public boolean isDark(int x, int y) {
    return dark[y][x];
  }

  private static QrCode encode(String text, Integer mask) {
    Map<EncodeHintType, Object> hints = new HashMap<>();
    hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
    if (mask != null) {
      hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
    }
    try {
      var matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
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

  /** Draws the code with its quiet zone and looks for it as a scanner would (no pure-code hint). */
  boolean readsBackAs(String text) {
    int side = (size + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
    var pixels = new int[side * side];
    for (int py = 0; py < side; py++) {
      for (int px = 0; px < side; px++) {
        int x = px / PIXELS_PER_MODULE - QUIET_ZONE;
        int y = py / PIXELS_PER_MODULE - QUIET_ZONE;
        boolean isDark = x >= 0 && y >= 0 && x < size && y < size && dark[y][x];
        pixels[py * side + px] = isDark ? 0xff000000 : 0xffffffff;
      }
    }
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
    try {
      var read =
          new QRCodeReader()
              .decode(
                  bitmap,
                  Map.of(
                      DecodeHintType.POSSIBLE_FORMATS,
                      List.of(BarcodeFormat.QR_CODE),
                      DecodeHintType.TRY_HARDER,
                      true));
      return text.equals(read.getText());
    } catch (ReaderException e) {
      return false;
    }
  }
}
