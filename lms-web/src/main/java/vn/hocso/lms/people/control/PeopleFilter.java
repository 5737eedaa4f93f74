package vn.hocso.lms.people.control;

/**
 * Which people a list shows.
 *
 * @param unitId the unit whose subtree is listed, or null for the whole of the viewer's scope
 * @param name words of the name, matched ignoring diacritics and case; blank for all
 * @param kind one kind of person, or null for every kind
 */
public record PeopleFilter(Long unitId, String name, PersonKind kind) {

  /** Sort orders a list offers. */
  public enum Sort {
    NAME,
    BIRTH_YEAR,
    UNIT
  }

  /** What goes into the audit log: which filter, never the name typed (it may be personal). */
  String auditDetail() {
    return "unit="
        + (unitId == null ? "scope" : unitId)
        + " kind="
        + (kind == null ? "all" : kind)
        + (name == null || name.isBlank() ? "" : " nameFilter");
  }
}
