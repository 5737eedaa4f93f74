package vn.hocso.xapi.stream;

/**
 * Where a reader of the xAPI query transport keeps its position between runs: a file ({@link
 * FileQueryStreamPositionStore}) or, for a reader that applies statements to a database, a row
 * written in the same transaction.
 */
public interface QueryStreamPositionStore {

  /** The position saved last, or {@link QueryStreamPosition#beginning()} if none was. */
  QueryStreamPosition load();

  /** Saves the position durably before returning. */
  void save(QueryStreamPosition position);
}
