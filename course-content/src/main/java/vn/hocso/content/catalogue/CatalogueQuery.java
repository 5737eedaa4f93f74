package vn.hocso.content.catalogue;

import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;

/**
 * A catalogue search: the words typed (blank lists every course) and optional filters by track,
 * level and duration; {@code page} counts from 0.
 */
public record CatalogueQuery(
    String text, Track track, Level level, DurationBand duration, int page, int pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 10;
  public static final int MAX_PAGE_SIZE = 50;

  /** Longer input is cut: nobody types more on a phone, and it bounds the work of one search. */
  static final int MAX_TEXT = 200;

  public CatalogueQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
    }
    if (page < 0) {
      throw new IllegalArgumentException("A page number is 0 or more, not " + page);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "A page holds 1 to " + MAX_PAGE_SIZE + " courses, not " + pageSize);
    }
  }

  /** The first page for these words, without filters. */
  public static CatalogueQuery of(String text) {
    return new CatalogueQuery(text, null, null, null, 0, DEFAULT_PAGE_SIZE);
  }

  public CatalogueQuery inTrack(Track newTrack) {
    return new CatalogueQuery(text, newTrack, level, duration, 0, pageSize);
  }

  public CatalogueQuery atLevel(Level newLevel) {
    return new CatalogueQuery(text, track, newLevel, duration, 0, pageSize);
  }

  public CatalogueQuery lasting(DurationBand newDuration) {
    return new CatalogueQuery(text, track, level, newDuration, 0, pageSize);
  }

  public CatalogueQuery onPage(int newPage) {
    return new CatalogueQuery(text, track, level, duration, newPage, pageSize);
  }

  public CatalogueQuery withPageSize(int newPageSize) {
    return new CatalogueQuery(text, track, level, duration, 0, newPageSize);
  }

  /** True when the course passes the filters (the words aside). */
  boolean admits(CatalogueCourse course) {
    return (track == null || track == course.track())
        && (level == null || level == course.level())
        && (duration == null || duration.contains(course.estimatedMinutes()));
  }
}
