package vn.hocso.xapi.client.model;

/**
 * What a statement is about (xAPI 2.0 Part 2 §2.4.4): an Activity, an Agent or Group, a reference
 * to another statement, or a SubStatement.
 */
public sealed interface StatementObject permits Activity, Actor, StatementRef, SubStatement {

  /** The {@code objectType} written for this object. */
  String objectType();
}
