package vn.hocso.lms.people.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.people.control.ImportPreview;
import vn.hocso.lms.people.control.PeopleImport;
import vn.hocso.lms.web.Messages;

/** Upload a CSV of people, see every problem, then add them all (or fix the file and retry). */
@Named
@ViewScoped
public class PeopleImportView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Larger files are refused before reading (about 100,000 rows of typical width). */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  @Inject PeopleImport peopleImport;
  @Inject AccessScope access;
  @Inject Messages messages;

  private transient Part file;
  private ImportPreview preview;
  private int added = -1;

  public void check() throws IOException {
    added = -1;
    preview = null;
    if (file == null || file.getSize() == 0) {
      error(messages.get("import.noFile"));
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      error(messages.get("import.tooLarge"));
      return;
    }
    try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      preview = peopleImport.preview(reader, access.managed());
    }
  }

  public void commit() {
    if (preview == null || !preview.canCommit()) {
      return;
    }
    added = peopleImport.commit(preview, access.managed());
    preview = null;
  }

  public boolean isAllowed() {
    return !access.managed().isEmpty();
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public ImportPreview getPreview() {
    return preview;
  }

  public int getAdded() {
    return added;
  }
}
