package vn.hocso.lms.units.domain;

/** The levels of the Union after the 2025 reorganisation (no district level any more). */
public enum UnitKind {
  /** Trung ương Hội: the root. */
  CENTRAL,
  /** Tỉnh/thành phố: 34 since 1 July 2025, 2-digit official code. */
  PROVINCE,
  /** Xã/phường/đặc khu: the grassroots Union (cơ sở Hội), 5-digit official code. */
  COMMUNE,
  /** Chi hội: roughly one per village or residential group. */
  BRANCH,
  /** Tổ phụ nữ: a women's group inside a branch. */
  GROUP,
  /** A non-territorial organisation (the police or army women's organisations). */
  ORGANISATION;

  /** Whether a unit of this kind may sit directly below a unit of the given kind. */
  public boolean mayBeChildOf(UnitKind parent) {
    return switch (this) {
      case CENTRAL -> false;
      case PROVINCE, ORGANISATION -> parent == CENTRAL;
      case COMMUNE -> parent == PROVINCE || parent == ORGANISATION;
      case BRANCH -> parent == COMMUNE;
      case GROUP -> parent == BRANCH;
    };
  }
}
