package vn.hocso.lms.web;

import java.io.Serializable;
import java.util.List;

/**
 * The previous / next paging of a list page: which page is shown, its rows and the total, read once
 * per request from a {@link Source} and read again after a move or {@link #refresh()}. Pages bind
 * {@code #{view.pager.shown}}, {@code hasPrevious}, {@code hasNext}, {@code number}, {@code total}
 * and the actions {@code previous} and {@code next}.
 */
public final class Pager<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the rows come from: the count and one page of them, in the list's order. */
  public interface Source<T> extends Serializable {
    long count();

    List<T> page(int first, int max);
  }

  private final int size;
  private final Source<T> source;
  private int index;
  private long total;
  private transient List<T> shown;

  public Pager(int size, Source<T> source) {
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one row");
    }
    this.size = size;
    this.source = source;
  }

  public List<T> getShown() {
    if (shown == null) {
      total = source.count();
      shown = source.page(index * size, size);
    }
    return shown;
  }

  public long getTotal() {
    getShown();
    return total;
  }

  public boolean isHasNext() {
    return (long) (index + 1) * size < getTotal();
  }

  public boolean isHasPrevious() {
    return index > 0;
  }

  public void next() {
    index++;
    shown = null;
  }

  public void previous() {
    index = Math.max(0, index - 1);
    shown = null;
  }

  /** The rows changed (a row was answered, revoked, added): read them again on this page. */
  public void refresh() {
    shown = null;
  }

  /** Back to the first page, e.g. for another unit. */
  public void reset() {
    index = 0;
    shown = null;
  }

  /** 1 for the first page. */
  public int getNumber() {
    return index + 1;
  }
}
