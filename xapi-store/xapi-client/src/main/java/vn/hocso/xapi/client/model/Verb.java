package vn.hocso.xapi.client.model;

/**
 * The action (xAPI 2.0 Part 2 §2.4.3). See {@link Verbs} for the ADL and cmi5 verbs Học Số uses.
 *
 * @param id the verb's IRI
 * @param display how to show it, or null
 */
public record Verb(String id, LanguageMap display) {

  public Verb {
    Rules.iri(id, "id", "xAPI 2.0 Part 2 §2.4.3");
  }

  public static Verb of(String id) {
    return new Verb(id, null);
  }

  public static Verb of(String id, String language, String display) {
    return new Verb(id, LanguageMap.of(language, display));
  }
}
