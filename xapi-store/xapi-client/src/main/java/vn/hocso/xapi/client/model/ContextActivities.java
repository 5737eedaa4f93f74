package vn.hocso.xapi.client.model;

import java.util.List;

/**
 * Activities the statement relates to (xAPI 2.0 Part 2 §2.4.6.2): for Học Số, the lesson's module
 * and course as {@code parent} / {@code grouping}, the cmi5 category as {@code category}. Lists are
 * never null; empty lists are not written.
 */
public record ContextActivities(
    List<Activity> parent, List<Activity> grouping, List<Activity> category, List<Activity> other) {

  public ContextActivities {
    parent = parent == null ? List.of() : List.copyOf(parent);
    grouping = grouping == null ? List.of() : List.copyOf(grouping);
    category = category == null ? List.of() : List.copyOf(category);
    other = other == null ? List.of() : List.copyOf(other);
  }

  public static ContextActivities of(
      List<Activity> parent, List<Activity> grouping, List<Activity> category) {
    return new ContextActivities(parent, grouping, category, List.of());
  }
}
