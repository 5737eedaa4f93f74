package vn.hocso.lms.platform;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fonts of the PDFs we make: DejaVu Sans, embedded, because the standard PDF fonts have no
 * Vietnamese letters (ă, ơ, ư, đ and the stacked tone marks). Licence beside the font files.
 */
public final class PdfFonts {

  private static final BaseFont REGULAR = load("DejaVuSans.ttf");
  private static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

  private PdfFonts() {}

  public static Font regular(float size) {
    return new Font(REGULAR, size);
  }

  public static Font bold(float size) {
    return new Font(BOLD, size);
  }

  private static BaseFont load(String file) {
    try (var in = PdfFonts.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("The font " + file + " is not on the classpath");
      }
      return BaseFont.createFont(
          file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
