package vn.hocso.lms.catalogue.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.hocso.content.catalogue.CataloguePage;
import vn.hocso.content.catalogue.CatalogueQuery;
import vn.hocso.content.catalogue.CatalogueSearch;
import vn.hocso.content.catalogue.DurationBand;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;

/**
 * The catalogue page: the words typed, the filters chosen and the page shown, bound to {@link
 * CatalogueSearch}, which does the searching and ranking.
 */
@Named
@ViewScoped
public class CatalogueView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CatalogueSearch catalogue;

  private String query;
  private Track track;
  private Level level;
  private DurationBand duration;
  private int page;
  private transient CataloguePage results;

  /** A new search (new words or filters) starts on the first page. */
  public void search() {
    page = 0;
    load();
  }

  public void nextPage() {
    page++;
    load();
  }

  public void previousPage() {
    page = Math.max(0, page - 1);
    load();
  }

  public void clearFilters() {
    track = null;
    level = null;
    duration = null;
    search();
  }

  private void load() {
    results =
        catalogue.search(
            new CatalogueQuery(
                query, track, level, duration, page, CatalogueQuery.DEFAULT_PAGE_SIZE));
    page = results.page();
  }

  public CataloguePage getResults() {
    if (results == null) {
      load();
    }
    return results;
  }

  public boolean isFiltered() {
    return track != null || level != null || duration != null;
  }

  public Track[] getTracks() {
    return Track.values();
  }

  public Level[] getLevels() {
    return Level.values();
  }

  public DurationBand[] getDurations() {
    return DurationBand.values();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public Track getTrack() {
    return track;
  }

  public void setTrack(Track track) {
    this.track = track;
  }

  public Level getLevel() {
    return level;
  }

  public void setLevel(Level level) {
    this.level = level;
  }

  public DurationBand getDuration() {
    return duration;
  }

  public void setDuration(DurationBand duration) {
    this.duration = duration;
  }
}
