package vn.hocso.lms.units.control;

import java.time.LocalDate;

/**
 * A change of the tree or of a person's home unit, fired (CDI, synchronously, in the changing
 * transaction) by {@link Reorganisation} for whoever keeps figures that depend on where people and
 * units are: the coverage counters.
 */
public sealed interface TreeChange {

  LocalDate on();

  /**
   * Fired first, before anything is written, by every reorganisation and transfer that will move
   * people or units: keepers of figures about people take their locks now (coverage: the people
   * counters' lock, which every people writer takes first), so no writer holds a person, unit or
   * membership row while it waits for them.
   */
  record Reorganising(LocalDate on) implements TreeChange {}

  /** A unit now sits below another parent; its sub-units and people came with it. */
  record UnitMoved(long unitId, LocalDate on) implements TreeChange {}

  /** A person's home unit changed from that day on. */
  record PersonMoved(long personId, LocalDate on) implements TreeChange {}
}
