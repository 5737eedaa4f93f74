package vn.hocso.xapi.client.model;

/**
 * A thing done (xAPI 2.0 Part 2 §2.4.4.1): a course, a lesson, a question.
 *
 * @param id the activity's IRI
 * @param definition what it is, or null
 */
public record Activity(String id, ActivityDefinition definition) implements StatementObject {

  public Activity {
    Rules.iri(id, "id", "xAPI 2.0 Part 2 §2.4.4.1");
  }

  public static Activity of(String id) {
    return new Activity(id, null);
  }

  public static Activity of(String id, ActivityDefinition definition) {
    return new Activity(id, definition);
  }

  @Override
  public String objectType() {
    return "Activity";
  }
}
