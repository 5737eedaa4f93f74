package vn.hocso.xapi.statements.storage;

/** Another request stored a statement with this id between our check and our insert. */
public class DuplicateStatementException extends RuntimeException {

  public DuplicateStatementException(String message, Throwable cause) {
    super(message, cause);
  }
}
