package vn.hocso.lms.units.domain;

/** Why a unit stopped existing. */
public enum ClosureReason {
  /** Sáp nhập: it became part of another unit. */
  MERGED,
  /** Chia tách: it was divided into several units. */
  SPLIT,
  /** Giải thể: it was dissolved. */
  DISSOLVED
}
