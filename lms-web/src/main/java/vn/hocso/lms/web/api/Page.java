package vn.hocso.lms.web.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items from {@code offset}, at most {@code limit} of them, and how many
 * there are in all.
 */
public record Page<T>(long total, int offset, int limit, List<T> items) {

  /** The most a client may ask for in one page. */
  public static final int MAX_LIMIT = 200;

  public static final int DEFAULT_LIMIT = 50;

  /** A page cut from a list held in memory (a unit's sub-units: tens, not thousands). */
  public static <S, T> Page<T> of(List<S> all, Paging paging, Function<S, T> map) {
    int from = Math.min(paging.offset(), all.size());
    int to = Math.min(all.size(), from + paging.limit());
    return new Page<>(
        all.size(),
        paging.offset(),
        paging.limit(),
        all.subList(from, to).stream().map(map).toList());
  }

  /** Offset and limit as asked, checked: negative offsets and limits outside 1–200 are refused. */
  public record Paging(int offset, int limit) {

    public static Paging of(Integer offset, Integer limit) {
      int o = offset == null ? 0 : offset;
      int l = limit == null ? DEFAULT_LIMIT : limit;
      if (o < 0) {
        throw new ApiBadRequestException("offset ≥ 0");
      }
      if (l < 1 || l > MAX_LIMIT) {
        throw new ApiBadRequestException("1 ≤ limit ≤ " + MAX_LIMIT);
      }
      return new Paging(o, l);
    }
  }
}
