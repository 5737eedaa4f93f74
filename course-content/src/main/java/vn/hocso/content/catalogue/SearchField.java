package vn.hocso.content.catalogue;

/**
 * Where in a course a word was found, and what a hit there weighs: a word of the title says far
 * more about a course than the same word somewhere in a lesson.
 */
enum SearchField {
  /** The Vietnamese and English titles. */
  TITLE(10),
  /** The author's keywords, typed for search (often already without diacritics). */
  TAGS(6),
  /** The Vietnamese and English summaries. */
  SUMMARY(4),
  /** Module, lesson and quiz titles. */
  OUTLINE(2),
  /** The text of the lessons. */
  BODY(1);

  final double weight;

  SearchField(double weight) {
    this.weight = weight;
  }
}
