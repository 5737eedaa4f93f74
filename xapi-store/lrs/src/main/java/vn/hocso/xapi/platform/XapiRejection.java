package vn.hocso.xapi.platform;

import java.util.Objects;

/**
 * A request the LRS refuses because of what the client sent. Each subtype is one kind of refusal;
 * {@link XapiExceptionMapper} alone decides which HTTP status it becomes.
 */
public abstract class XapiRejection extends RuntimeException {

  private final String field;
  private final String rule;

  /**
   * @param field the path of the offending field or parameter ({@code actor.mbox}), or null when
   *     the whole request is at fault
   * @param rule a short, stable name of the rule broken ({@code mbox-is-mailto-iri})
   * @param message what was wrong, for a human, citing the xAPI section where there is one
   */
  protected XapiRejection(String field, String rule, String message) {
    super(Objects.requireNonNull(message), null, false, false); // no stack: these are not bugs
    this.field = field;
    this.rule = Objects.requireNonNull(rule);
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
