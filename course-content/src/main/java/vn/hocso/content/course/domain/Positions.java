package vn.hocso.content.course.domain;

import java.util.List;
import java.util.function.ObjIntConsumer;

/** Keeps the positions of ordered children dense (0, 1, 2, …) after every change. */
final class Positions {

  private Positions() {}

  /** Moves the item at {@code from} to {@code to}, shifting the others, then renumbers. */
  static <T> void move(List<T> items, int from, int to, ObjIntConsumer<T> setPosition) {
    requireIndex(items, from, "from");
    requireIndex(items, to, "to");
    items.add(to, items.remove(from));
    renumber(items, setPosition);
  }

  static <T> void renumber(List<T> items, ObjIntConsumer<T> setPosition) {
    for (int i = 0; i < items.size(); i++) {
      setPosition.accept(items.get(i), i);
    }
  }

  static void requireIndex(List<?> items, int index, String what) {
    if (index < 0 || index >= items.size()) {
      throw new IllegalArgumentException(
          "Position " + index + " (" + what + ") is outside 0.." + (items.size() - 1));
    }
  }

  static void requireInsertionIndex(List<?> items, int index) {
    if (index < 0 || index > items.size()) {
      throw new IllegalArgumentException("Position " + index + " is outside 0.." + items.size());
    }
  }
}
