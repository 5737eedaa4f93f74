package vn.hocso.lms.people.control;

import java.util.HashMap;
import java.util.Map;
import vn.hocso.content.search.FoldedText;

/**
 * Finds duplicates among people in memory: the same phone, or the same name (ignoring diacritics,
 * case and spacing), birth year and unit. Each person is remembered with the row she came from, so
 * the second one is reported against the first.
 */
final class DuplicateIndex {

  private final Map<String, Integer> phones = new HashMap<>();
  private final Map<String, Integer> people = new HashMap<>();

  /** Remembers a phone; returns the row that had it first, or null. */
  Integer addPhone(String phone, int row) {
    return phone == null ? null : phones.putIfAbsent(phone, row);
  }

  /** Remembers a person; returns the row of an earlier same person, or null. */
  Integer addPerson(String fullName, Integer birthYear, long unitId, int row) {
    return people.putIfAbsent(key(fullName, birthYear, unitId), row);
  }

  /** The row of a remembered phone, or null. */
  Integer rowOfPhone(String phone) {
    return phones.get(phone);
  }

  /** The row of a remembered person, or null. */
  Integer rowOfPerson(String fullName, Integer birthYear, long unitId) {
    return people.get(key(fullName, birthYear, unitId));
  }

  java.util.Set<String> phones() {
    return phones.keySet();
  }

  static String key(String fullName, Integer birthYear, long unitId) {
    return FoldedText.fold(fullName) + "|" + birthYear + "|" + unitId;
  }
}
