package vn.hocso.xapi.validation;

import vn.hocso.xapi.platform.InvalidRequestException;

/** A statement that breaks a rule of the xAPI data model (HTTP 400). */
public class InvalidStatementException extends InvalidRequestException {

  private final String detail;
  private final String section;

  /**
   * @param field the path of the field, e.g. {@code actor.mbox}
   * @param rule the short name of the rule, e.g. {@code mbox-is-mailto-iri}
   * @param detail what is wrong with the field, e.g. "must be a mailto: IRI"
   * @param section where the specification states the rule, e.g. "xAPI 2.0 Part 2 §2.4.2.3"
   */
  public InvalidStatementException(String field, String rule, String detail, String section) {
    super(field, rule, field + ": " + detail + " (" + section + ")");
    this.detail = detail;
    this.section = section;
  }

  /** The same rejection for the statement at {@code index} of a batch. */
  public InvalidStatementException inBatchAt(int index) {
    return new InvalidStatementException("[" + index + "]." + field(), rule(), detail, section);
  }

  public String section() {
    return section;
  }
}
