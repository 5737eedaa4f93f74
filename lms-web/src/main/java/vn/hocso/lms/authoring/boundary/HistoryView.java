package vn.hocso.lms.authoring.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import vn.hocso.content.authoring.Change;
import vn.hocso.lms.authoring.control.CourseAuthoring;
import vn.hocso.lms.authoring.control.VersionEntry;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/** The version history of a course: each version, what changed and who did what when. */
@Named
@RequestScoped
public class HistoryView {

  @Inject CourseAuthoring authoring;
  @Inject SignedInAuthor author;
  @Inject Messages messages;

  private long id;
  private List<VersionEntry> versions = List.of();

  public void load() throws IOException {
    try {
      versions = authoring.history(author.caller(), id);
    } catch (AccessDeniedException e) {
      CourseEditorView.notFound();
    }
  }

  /** A change as a sentence, e.g. «Đổi tên bài học "Quét mã"». */
  public String describe(Change change) {
    var text = messages.get("history.change." + change.kind().name());
    return change.subject().isEmpty() ? text : text + " «" + change.subject() + "»";
  }

  /** A time as Vietnam reads it (UTC+7), e.g. 08/03/2026 09:00. */
  public String when(java.time.Instant at) {
    return at == null
        ? ""
        : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
            .format(at);
  }

  public List<VersionEntry> getVersions() {
    return versions;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }
}
