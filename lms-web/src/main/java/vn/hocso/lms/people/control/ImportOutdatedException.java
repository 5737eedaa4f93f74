package vn.hocso.lms.people.control;

/** Someone added one of the file's people between the preview and the commit: check it again. */
public class ImportOutdatedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ImportOutdatedException() {
    super("People of this import were added since its preview");
  }
}
