package vn.hocso.content.catalogue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import vn.hocso.content.course.domain.CourseVersion;
import vn.hocso.content.course.domain.VersionStatus;
import vn.hocso.content.search.FoldedText;

/**
 * An immutable in-memory index of published courses and the catalogue's ranking. Built once per
 * change of what is published ({@link CatalogueSearch} decides when), then shared by every search;
 * a few hundred courses of a few thousand words each fit easily in memory.
 *
 * <p>Text is folded ({@link FoldedText#fold}: no diacritics, lower case) and cut into words. A
 * query word matches a word of the index exactly, or, for the last word typed, as the start of a
 * longer word (so results follow as she types: "vie" finds "VietQR"), or, when the word is nowhere
 * in the catalogue, with one typo (two for words of eight letters or more), counted as
 * Damerau-Levenshtein edits. Vietnamese syllables are short, so typo tolerance starts at four
 * letters ("toam" finds "toán"); it is tried only for unknown words because a real word one edit
 * away from another ("toan", "doan") would otherwise drown good results in noise.
 *
 * <p>Ranking, in order: (1) how many of the query's words the course matches ("all words present"
 * beats "some"; a course must match at least half of them to be listed), (2) a score, (3) the
 * catalogue's browse order. The score adds, for each query word and each field, the field's weight
 * (title 10, tags 6, summary 4, module and lesson titles 2, lesson text 1) × the match quality
 * (exact 1, prefix 0.75, one typo 0.5, two 0.35) × the word's rarity (log(1 + courses / courses
 * with the word)) × a small bonus for repetition (up to ×2); plus, for each pair of neighbouring
 * query words found next to each other in a field ("thanh toan", "dich vu"), that field's weight
 * again, because Vietnamese meaning lives in syllable pairs.
 */
public final class CatalogueIndex {

  static final double EXACT = 1.0;
  static final double PREFIX = 0.75;
  static final double ONE_TYPO = 0.5;
  static final double TWO_TYPOS = 0.35;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int MAX_TERMS = 12;
  private static final int MAX_TERM_LENGTH = 40;

  /**
   * Between two fragments of a field (two tags, two lesson paragraphs), so no phrase spans them.
   */
  private static final int FRAGMENT_GAP = 2;

  private static final Comparator<CourseText> BROWSE_ORDER =
      Comparator.<CourseText, Integer>comparing(text -> text.course().track().ordinal())
          .thenComparing(text -> FoldedText.fold(text.course().title()))
          .thenComparing(text -> text.course().activityIri());

  private final List<CatalogueCourse> courses;
  private final Map<String, Integer> tokenIds = new HashMap<>();
  private final List<String> vocabulary = new ArrayList<>();
  private final List<List<Posting>> postings = new ArrayList<>();
  private final int[] documentFrequency;

  /** Where one word occurs in one field of one course. */
  private record Posting(int document, SearchField field, int[] positions) {}

  /** An index of these published versions (one per course). */
  public static CatalogueIndex of(Collection<CourseVersion> publishedVersions) {
    var texts = new ArrayList<CourseText>();
    for (var version : publishedVersions) {
      if (version.status() != VersionStatus.PUBLISHED) {
        throw new IllegalArgumentException(
            "The catalogue lists published versions only, not a version that is "
                + version.status());
      }
      texts.add(CourseText.of(version));
    }
    return new CatalogueIndex(texts);
  }

  /** An index with no course. */
  public static CatalogueIndex empty() {
    return new CatalogueIndex(List.of());
  }

  CatalogueIndex(List<CourseText> texts) {
    var sorted = texts.stream().sorted(BROWSE_ORDER).toList();
    courses = sorted.stream().map(CourseText::course).toList();
    for (int document = 0; document < sorted.size(); document++) {
      indexDocument(document, sorted.get(document));
    }
    documentFrequency = new int[vocabulary.size()];
    for (int token = 0; token < vocabulary.size(); token++) {
      documentFrequency[token] =
          (int) postings.get(token).stream().mapToInt(Posting::document).distinct().count();
    }
  }

  private void indexDocument(int document, CourseText text) {
    var occurrences = new LinkedHashMap<Integer, Map<SearchField, List<Integer>>>();
    for (var field : SearchField.values()) {
      int position = 0;
      for (var fragment : text.fragments().get(field)) {
        for (var word : words(fragment)) {
          occurrences
              .computeIfAbsent(tokenId(word), id -> new EnumMap<>(SearchField.class))
              .computeIfAbsent(field, f -> new ArrayList<>())
              .add(position++);
        }
        position += FRAGMENT_GAP;
      }
    }
    occurrences.forEach(
        (token, fields) ->
            fields.forEach(
                (field, positions) ->
                    postings
                        .get(token)
                        .add(
                            new Posting(
                                document,
                                field,
                                positions.stream().mapToInt(Integer::intValue).toArray()))));
  }

  private int tokenId(String word) {
    return tokenIds.computeIfAbsent(
        word,
        w -> {
          vocabulary.add(w);
          postings.add(new ArrayList<>());
          return vocabulary.size() - 1;
        });
  }

  /** The folded words of a text. */
  static List<String> words(String text) {
    var words = new ArrayList<String>();
    for (var word : NON_WORD.split(FoldedText.fold(text))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** The distinct words of a query, in the order typed, at most 12 of at most 40 letters. */
  static List<String> terms(String query) {
    var terms = new LinkedHashSet<String>();
    for (var word : words(query)) {
      terms.add(word.length() > MAX_TERM_LENGTH ? word.substring(0, MAX_TERM_LENGTH) : word);
    }
    return terms.stream().limit(MAX_TERMS).toList();
  }

  /** How many courses the index holds. */
  public int size() {
    return courses.size();
  }

  /**
   * The courses that pass the query's filters and match its words, best first, one page of them.
   * Without words, every course that passes the filters, in browse order (by track, then title).
   */
  public CataloguePage search(CatalogueQuery query) {
    var terms = terms(query.text());
    var ranked =
        terms.isEmpty()
            ? IntStream.range(0, courses.size())
                .filter(d -> query.admits(courses.get(d)))
                .boxed()
                .toList()
            : rank(terms, query);
    int total = ranked.size();
    int pageCount = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
    int page = Math.min(query.page(), pageCount - 1);
    int from = page * query.pageSize();
    int to = Math.min(total, from + query.pageSize());
    return new CataloguePage(
        ranked.subList(from, to).stream().map(courses::get).toList(),
        total,
        page,
        query.pageSize());
  }

  private List<Integer> rank(List<String> terms, CatalogueQuery query) {
    int termCount = terms.size();
    var matches = new HashMap<Integer, DocumentMatch>();
    for (int term = 0; term < termCount; term++) {
      var expansion = expand(terms.get(term), term == termCount - 1);
      for (var entry : expansion.entrySet()) {
        int token = entry.getKey();
        double rarity = Math.log(1 + (double) courses.size() / documentFrequency[token]);
        for (var posting : postings.get(token)) {
          if (query.admits(courses.get(posting.document()))) {
            matches
                .computeIfAbsent(posting.document(), d -> new DocumentMatch(termCount))
                .add(term, posting, entry.getValue(), rarity);
          }
        }
      }
    }
    int needed = (termCount + 1) / 2;
    record Ranked(int document, int coverage, double score) {}
    return matches.entrySet().stream()
        .map(e -> new Ranked(e.getKey(), e.getValue().coverage(), e.getValue().score()))
        .filter(r -> r.coverage() >= needed)
        .sorted(
            Comparator.comparingInt(Ranked::coverage)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
                .thenComparingInt(Ranked::document))
        .map(Ranked::document)
        .toList();
  }

  /** The index's words a query word stands for, each with the quality of the match. */
  Map<Integer, Double> expand(String term, boolean lastTerm) {
    var found = new HashMap<Integer, Double>();
    var exact = tokenIds.get(term);
    if (exact != null) {
      found.put(exact, EXACT);
    }
    // only the last word may be half typed; one letter would match half the catalogue
    boolean prefixes = lastTerm && term.length() >= 2;
    int typos = exact != null ? 0 : term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
    if (!prefixes && typos == 0) {
      return found;
    }
    for (int token = 0; token < vocabulary.size(); token++) {
      var word = vocabulary.get(token);
      if (exact != null && token == exact) {
        continue;
      }
      if (prefixes && word.startsWith(term)) {
        found.put(token, PREFIX);
      } else if (typos > 0) {
        int distance = EditDistance.within(term, word, typos);
        if (distance > 0) {
          found.put(token, distance == 1 ? ONE_TYPO : TWO_TYPOS);
        }
      }
    }
    return found;
  }

  /** What one course matched of a query: per query word and field, the best hit and where. */
  private static final class DocumentMatch {

    private static final SearchField[] FIELDS = SearchField.values();

    private final double[][] score;
    private final double[][] quality;
    private final BitSet[][] positions;

    DocumentMatch(int terms) {
      score = new double[terms][FIELDS.length];
      quality = new double[terms][FIELDS.length];
      positions = new BitSet[terms][FIELDS.length];
    }

    void add(int term, Posting posting, double matchQuality, double rarity) {
      int field = posting.field().ordinal();
      int occurrences = Math.min(posting.positions().length, 20);
      double repetition = 1 + Math.log(occurrences) / Math.log(20);
      score[term][field] =
          Math.max(score[term][field], posting.field().weight * matchQuality * rarity * repetition);
      quality[term][field] = Math.max(quality[term][field], matchQuality);
      if (positions[term][field] == null) {
        positions[term][field] = new BitSet();
      }
      for (int position : posting.positions()) {
        positions[term][field].set(position);
      }
    }

    int coverage() {
      int covered = 0;
      for (var fields : score) {
        for (double value : fields) {
          if (value > 0) {
            covered++;
            break;
          }
        }
      }
      return covered;
    }

    double score() {
      double total = 0;
      for (var fields : score) {
        for (double value : fields) {
          total += value;
        }
      }
      for (int term = 0; term + 1 < score.length; term++) {
        total += phraseBonus(term);
      }
      return total;
    }

    /** The weight of the best field where word {@code term} is directly followed by the next. */
    private double phraseBonus(int term) {
      double best = 0;
      for (var field : FIELDS) {
        var first = positions[term][field.ordinal()];
        var second = positions[term + 1][field.ordinal()];
        if (first == null || second == null) {
          continue;
        }
        for (int p = first.nextSetBit(0); p >= 0; p = first.nextSetBit(p + 1)) {
          if (second.get(p + 1)) {
            double pairQuality =
                Math.min(quality[term][field.ordinal()], quality[term + 1][field.ordinal()]);
            best = Math.max(best, field.weight * pairQuality);
            break;
          }
        }
      }
      return best;
    }
  }
}
