package vn.hocso.content.catalogue;

/**
 * How long a course takes, in the bands a learner filters by: something for a short break, for an
 * evening, or for more than one sitting.
 */
public enum DurationBand {
  /** Up to 30 minutes. */
  SHORT(1, 30),
  /** 31 to 45 minutes. */
  MEDIUM(31, 45),
  /** More than 45 minutes. */
  LONG(46, Integer.MAX_VALUE);

  private final int fromMinutes;
  private final int toMinutes;

  DurationBand(int fromMinutes, int toMinutes) {
    this.fromMinutes = fromMinutes;
    this.toMinutes = toMinutes;
  }

  public boolean contains(int minutes) {
    return minutes >= fromMinutes && minutes <= toMinutes;
  }

  /** The band a course of this length falls in. */
  public static DurationBand of(int minutes) {
    for (var band : values()) {
      if (band.contains(minutes)) {
        return band;
      }
    }
    return SHORT; // a course takes at least one minute; nothing shorter is published
  }
}
