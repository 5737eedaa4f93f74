package vn.hocso.content.catalogue;

/**
 * The Damerau-Levenshtein distance in its "optimal string alignment" form: insertions, deletions,
 * substitutions and swaps of two neighbouring letters each count one edit. That covers the typos of
 * a thumb on a phone keyboard: "toam" for "toan", "thnah" for "thanh", "shope" for "shopee".
 */
final class EditDistance {

  private EditDistance() {}

  /** The distance between {@code a} and {@code b}, or -1 when it is more than {@code max}. */
  static int within(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return -1;
    }
    int n = a.length();
    int m = b.length();
    var beforePrevious = new int[m + 1];
    var previous = new int[m + 1];
    var current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMinimum = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, beforePrevious[j - 2] + 1);
        }
        current[j] = value;
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum > max) {
        return -1; // every later row is at least as far
      }
      var recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[m] <= max ? previous[m] : -1;
  }
}
