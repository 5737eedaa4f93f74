package vn.hocso.lms.units.domain;

/** What happened to a unit, as kept in its history. */
public enum UnitEventKind {
  CREATED,
  RENAMED,
  MOVED,
  /** This unit merged into the related unit and closed. */
  MERGED_INTO,
  /** The related unit merged into this one. */
  ABSORBED,
  /** This unit was split; the related unit is one of its parts. */
  SPLIT_INTO,
  /** This unit is a part of the related, split unit. */
  SPLIT_FROM,
  DISSOLVED
}
