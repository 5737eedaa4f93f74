package vn.hocso.lms.people.control;

import java.util.function.DoubleSupplier;

/**
 * How far an import has got, read by the page's progress bar while the work runs on another thread.
 * Reading the file is most of a preview; saving is all of a commit.
 */
public final class ImportProgress {

  /** The steps of an import, in order. */
  public enum Stage {
    WAITING,
    READING,
    CHECKING_DUPLICATES,
    SAVING,
    DONE
  }

  private volatile Stage stage = Stage.WAITING;
  private volatile DoubleSupplier reading = () -> 0;
  private volatile int saved;
  private volatile int toSave;

  /** A progress nobody watches. */
  public static ImportProgress ignored() {
    return new ImportProgress();
  }

  void reading(RowSource source) {
    reading = source::fractionRead;
    stage = Stage.READING;
  }

  void checkingDuplicates() {
    stage = Stage.CHECKING_DUPLICATES;
  }

  void saving(int total) {
    toSave = total;
    saved = 0;
    stage = Stage.SAVING;
  }

  void saved(int count) {
    saved = count;
  }

  void done() {
    stage = Stage.DONE;
  }

  public Stage stage() {
    return stage;
  }

  /** 0–100; reaches 100 only when the work is done. */
  public int percent() {
    return switch (stage) {
      case WAITING -> 0;
      case READING -> (int) Math.min(95, 95 * reading.getAsDouble());
      case CHECKING_DUPLICATES -> 96;
      case SAVING -> toSave == 0 ? 0 : (int) Math.min(99, 99L * saved / toSave);
      case DONE -> 100;
    };
  }
}
