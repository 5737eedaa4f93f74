package vn.hocso.lms.people.control;

/** One person as lists and exports show her; ethnicity (sensitive) is left out on purpose. */
public record PersonRow(
    long id,
    String fullName,
    Integer birthYear,
    String phone,
    String unitName,
    String unitCode,
    boolean member,
    boolean trainer,
    String staffPosition) {}
