package vn.hocso.xapi.client.model;

import java.util.Objects;

/**
 * A statement (or part of one) breaks a rule of the xAPI data model that a client can check before
 * sending. Thrown when a model object is built or read from JSON; never retry it.
 */
public class InvalidStatementException extends IllegalArgumentException {

  private final String field;
  private final String rule;

  /**
   * @param field the path of the offending field, relative to the object being built or read
   *     ({@code actor.mbox})
   * @param rule a short, stable name of the rule ({@code mbox-is-mailto-iri}), as the LRS names it
   * @param message what is wrong, citing the spec section
   */
  public InvalidStatementException(String field, String rule, String message) {
    super(field + ": " + Objects.requireNonNull(message));
    this.field = Objects.requireNonNull(field);
    this.rule = Objects.requireNonNull(rule);
  }

  private InvalidStatementException(String field, String rule, String message, boolean raw) {
    super(message);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  /** The same failure seen from the enclosing object: {@code mbox} within {@code actor}. */
  public InvalidStatementException within(String parent) {
    var path = field.startsWith("[") ? parent + field : parent + "." + field;
    var detail = getMessage().substring(field.length() + 2);
    return new InvalidStatementException(path, rule, path + ": " + detail, true);
  }
}
