package vn.hocso.lms.people.control;

/** One problem of one row of an import file, told in Vietnamese. Rows count from 1 = header. */
public record ImportProblem(int row, String column, String problem) {}
