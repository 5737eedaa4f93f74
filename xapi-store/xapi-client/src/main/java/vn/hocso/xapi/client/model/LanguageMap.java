package vn.hocso.xapi.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Text in several languages, keyed by RFC 5646 (BCP 47) language tag (xAPI 2.0 Part 2 §4.2). Keeps
 * the order it was given in, so it is written back as read.
 */
public record LanguageMap(Map<String, String> values) {

  public static final LanguageMap EMPTY = new LanguageMap(Map.of());

  public LanguageMap {
    var copy = new LinkedHashMap<String, String>();
    for (var entry : values.entrySet()) {
      Rules.required(entry.getKey(), "(language)", Rules.LANGUAGE);
      Rules.languageTag(entry.getKey(), entry.getKey(), Rules.LANGUAGE);
      Rules.required(entry.getValue(), entry.getKey(), Rules.LANGUAGE);
      copy.put(entry.getKey(), entry.getValue());
    }
    values = Collections.unmodifiableMap(copy);
  }

  /** One text in one language, e.g. {@code LanguageMap.of("vi", "hoàn thành")}. */
  public static LanguageMap of(String language, String text) {
    return new LanguageMap(Map.of(language, text));
  }

  /** Two texts, kept in this order. */
  public static LanguageMap of(String language, String text, String language2, String text2) {
    var map = new LinkedHashMap<String, String>();
    map.put(language, text);
    map.put(language2, text2);
    return new LanguageMap(map);
  }

  /** This map with one more (or a replaced) text. */
  public LanguageMap with(String language, String text) {
    var map = new LinkedHashMap<>(values);
    map.put(language, text);
    return new LanguageMap(map);
  }

  /** The text in exactly this language. */
  public Optional<String> get(String language) {
    return Optional.ofNullable(values.get(language));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
