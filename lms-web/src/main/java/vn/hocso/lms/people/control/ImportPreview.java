package vn.hocso.lms.people.control;

import java.util.List;

/**
 * What an import file would do: the rows it would add and every problem found. Nothing is stored
 * unless there are no problems at all (all or nothing).
 *
 * @param rows people ready to add
 * @param problems every problem, by row and column
 * @param rowCount data rows in the file (header excluded)
 */
public record ImportPreview(List<ImportRow> rows, List<ImportProblem> problems, int rowCount) {

  public boolean canCommit() {
    return problems.isEmpty() && !rows.isEmpty();
  }

  /** One valid row: whom to add, and where. */
  public record ImportRow(
      int row,
      String fullName,
      Integer birthYear,
      String phone,
      String ethnicity,
      boolean member,
      long unitId) {}
}
