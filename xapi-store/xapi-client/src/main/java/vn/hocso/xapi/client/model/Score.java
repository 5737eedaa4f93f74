package vn.hocso.xapi.client.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A score (xAPI 2.0 Part 2 §2.4.5.1). Numbers are kept as {@link BigDecimal}, exactly as written
 * (no float rounding; {@code 0.90} stays {@code 0.90}). Each part is null when absent.
 */
public record Score(BigDecimal scaled, BigDecimal raw, BigDecimal min, BigDecimal max) {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.5.1";

  public Score {
    if (scaled != null
        && (scaled.compareTo(BigDecimal.ONE) > 0
            || scaled.compareTo(BigDecimal.ONE.negate()) < 0)) {
      throw Rules.fail(
          "scaled", "scaled-between-minus-one-and-one", "must be between -1 and 1", SECTION);
    }
    if (min != null && max != null && max.compareTo(min) <= 0) {
      throw Rules.fail("max", "max-above-min", "must be greater than min", SECTION);
    }
    if (raw != null && min != null && raw.compareTo(min) < 0) {
      throw Rules.fail("raw", "raw-within-min-max", "must not be below min", SECTION);
    }
    if (raw != null && max != null && raw.compareTo(max) > 0) {
      throw Rules.fail("raw", "raw-within-min-max", "must not be above max", SECTION);
    }
  }

  /** Only a scaled score, e.g. {@code Score.scaled("0.8")}. */
  public static Score scaled(String scaled) {
    return new Score(new BigDecimal(scaled), null, null, null);
  }

  /**
   * Raw points out of a range; scaled is computed as raw / max when min is 0 (rounded to four
   * places), so {@code points(8, 0, 10)} is scaled 0.8.
   */
  public static Score points(long raw, long min, long max) {
    BigDecimal scaled = null;
    if (min == 0 && max > 0 && raw >= 0 && raw <= max) { // otherwise the constructor says why
      scaled =
          BigDecimal.valueOf(raw)
              .divide(BigDecimal.valueOf(max), 4, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
    }
    return new Score(
        scaled, BigDecimal.valueOf(raw), BigDecimal.valueOf(min), BigDecimal.valueOf(max));
  }
}
