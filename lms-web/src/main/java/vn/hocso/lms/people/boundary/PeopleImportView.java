package vn.hocso.lms.people.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.people.control.ImportOutdatedException;
import vn.hocso.lms.people.control.ImportPreview;
import vn.hocso.lms.people.control.ImportProgress;
import vn.hocso.lms.people.control.PeopleImport;
import vn.hocso.lms.people.control.RowSource;
import vn.hocso.lms.web.Messages;

/**
 * Upload a CSV or XLSX file of people, see every problem, then add them all (or fix the file and
 * retry). Checking and saving run on the container's managed executor while the page polls a
 * progress bar: 50,000 rows take longer than a request should.
 */
@Named
@ViewScoped
public class PeopleImportView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(PeopleImportView.class.getName());

  /** Larger files are refused before reading (about 100,000 rows of typical width). */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  @Inject PeopleImport peopleImport;
  @Inject AccessScope access;
  @Inject Messages messages;
  @Resource ManagedExecutorService executor;

  private transient Part file;
  private transient Future<?> job;
  private transient ImportProgress progress;
  private ImportPreview preview;
  private int added = -1;

  /** Starts checking the uploaded file; the page then polls {@link #getPercent()}. */
  public void check() throws IOException {
    added = -1;
    preview = null;
    if (job != null) {
      return;
    }
    if (file == null || file.getSize() == 0) {
      error(messages.get("import.noFile"));
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      error(messages.get("import.tooLarge"));
      return;
    }
    // The upload is gone after this request: the worker reads a copy.
    var copy =
        Files.createTempFile(
            "hocso-import-",
            RowSource.looksLikeXlsx(file.getSubmittedFileName()) ? ".xlsx" : ".csv");
    try (var in = file.getInputStream()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    var scope = access.managed();
    var watched = new ImportProgress();
    progress = watched;
    job =
        executor.submit(
            () -> {
              try {
                return peopleImport.preview(RowSource.open(copy), scope, watched);
              } finally {
                Files.deleteIfExists(copy);
              }
            });
  }

  /** Starts adding everyone of a preview without problems. */
  public void commit() {
    if (job != null || preview == null || !preview.canCommit()) {
      return;
    }
    var officer = access.requester(); // request-scoped: read here, not on the executor's thread
    var checked = preview;
    var watched = new ImportProgress();
    progress = watched;
    job = executor.submit(() -> peopleImport.commit(checked, officer, watched));
  }

  /** Called by the progress bar once it reaches 100: shows what the work found or did. */
  public void finish() {
    if (job == null || !job.isDone()) {
      return;
    }
    try {
      var result = job.get();
      if (result instanceof ImportPreview checked) {
        preview = checked;
      } else if (result instanceof Integer count) {
        added = count;
        preview = null;
      }
    } catch (ExecutionException e) {
      var cause = e.getCause();
      if (cause instanceof IOException) {
        error(messages.get("import.unreadable"));
      } else if (cause instanceof ImportOutdatedException) {
        preview = null;
        error(messages.get("import.outdated"));
      } else {
        LOG.log(Level.SEVERE, "People import failed", cause);
        error(messages.get("import.failed"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      job = null;
    }
  }

  public boolean isRunning() {
    return job != null;
  }

  /** 0–100; 100 only once the result is ready to show. */
  public int getPercent() {
    if (job == null) {
      return 100;
    }
    return job.isDone() ? 100 : Math.min(99, progress.percent());
  }

  /** What the worker is doing, as a message key. */
  public String getStage() {
    return progress == null ? "" : "import.stage." + progress.stage();
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
