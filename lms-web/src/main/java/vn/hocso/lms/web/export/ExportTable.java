package vn.hocso.lms.web.export;

import java.util.List;
import java.util.Objects;

/**
 * A table to download: a title (the sheet's name and the CSV's first line), column headers, and its
 * rows, which may be read lazily (a long list is fetched a chunk at a time while it is written).
 * Cells are text, whole numbers ({@link Long}, {@link Integer}) or decimals ({@link Double}); null
 * is an empty cell.
 */
public record ExportTable(String title, List<String> headers, Iterable<List<Object>> rows) {

  public ExportTable {
    Objects.requireNonNull(title, "title");
    headers = List.copyOf(headers);
    Objects.requireNonNull(rows, "rows");
  }
}
