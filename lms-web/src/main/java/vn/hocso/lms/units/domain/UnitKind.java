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
  /**
   * A non-territorial organisation directly under Central: the Women's Union of the Ministry of
   * Public Security (police) and the Army women's committee. Not a province: no official code.
   */
  ORGANISATION,
  /**
   * A grassroots Union of a non-territorial organisation (e.g. the women's union of one police or
   * army unit): the organisation's counterpart of a commune, without an official commune code.
   */
  ORGANISATION_BASE;

  /** Whether units of this kind belong to the territorial tree (Decision 19/2025 codes). */
  public boolean isTerritorial() {
    return this == PROVINCE || this == COMMUNE;
  }

  /** Whether a unit of this kind may sit directly below a unit of the given kind. */
  public boolean mayBeChildOf(UnitKind parent) {
    return switch (this) {
      case CENTRAL -> false;
      case PROVINCE, ORGANISATION -> parent == CENTRAL;
      // A territorial commune never sits in an organisation, nor a grassroots unit of an
      // organisation in a province: the two trees are never confused.
      case COMMUNE -> parent == PROVINCE;
      case ORGANISATION_BASE -> parent == ORGANISATION;
      case BRANCH -> parent == COMMUNE || parent == ORGANISATION_BASE;
      case GROUP -> parent == BRANCH;
    };
  }
}
