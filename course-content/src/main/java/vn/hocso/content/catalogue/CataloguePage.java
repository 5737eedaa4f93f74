package vn.hocso.content.catalogue;

import java.util.List;

/**
 * One page of catalogue results, best first. {@code page} is the page actually shown: a page past
 * the end becomes the last one.
 */
public record CataloguePage(List<CatalogueCourse> courses, int total, int page, int pageSize) {

  public CataloguePage {
    courses = List.copyOf(courses);
  }

  public int pageCount() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pageCount();
  }

  public boolean isEmpty() {
    return total == 0;
  }
}
