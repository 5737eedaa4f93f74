package vn.hocso.content.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as people type it on a phone: without diacritics, in any case. "ha noi" finds "Hà
 * Nội", "dak lak" finds "Đắk Lắk". Đ is a letter of its own in Unicode, not d with a mark, so it is
 * mapped by hand.
 */
public final class FoldedText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private FoldedText() {}

  /** The text without diacritics, lower case, with single spaces. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    var bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
