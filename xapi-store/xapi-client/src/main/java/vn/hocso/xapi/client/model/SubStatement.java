package vn.hocso.xapi.client.model;

import java.util.List;

/**
 * A statement inside a statement, not stored on its own (xAPI 2.0 Part 2 §2.4.4.4): it has no id,
 * stored, version or authority, and cannot hold another SubStatement.
 */
public record SubStatement(
    Actor actor,
    Verb verb,
    StatementObject object,
    Result result,
    Context context,
    String timestamp,
    List<Attachment> attachments)
    implements StatementObject {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.4.4";

  public SubStatement {
    Rules.required(actor, "actor", SECTION);
    Rules.required(verb, "verb", SECTION);
    Rules.required(object, "object", SECTION);
    if (object instanceof SubStatement) {
      throw Rules.fail(
          "object", "sub-statement-not-nested", "a SubStatement cannot hold another", SECTION);
    }
    Statement.checkBody(verb, object, context);
    Rules.timestamp(timestamp, "timestamp");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public static SubStatement of(Actor actor, Verb verb, StatementObject object) {
    return new SubStatement(actor, verb, object, null, null, null, List.of());
  }

  @Override
  public String objectType() {
    return "SubStatement";
  }
}
