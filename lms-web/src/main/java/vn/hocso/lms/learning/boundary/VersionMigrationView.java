package vn.hocso.lms.learning.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.control.VersionMigrations;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;

/**
 * An officer's list of courses whose learners in her units are on an older published version, with
 * a confirmed action per version to move them to the published one. The service decides whom she
 * may move; this only binds.
 */
@Named
@ViewScoped
public class VersionMigrationView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject VersionMigrations migrations;
  @Inject AccessScope access;
  @Inject Messages messages;

  private transient List<VersionMigrations.Behind> behind;

  public boolean isOfficer() {
    return !access.managed().isEmpty();
  }

  public List<VersionMigrations.Behind> getBehind() {
    if (behind == null) {
      behind = isOfficer() ? migrations.behind(access.managed()) : List.of();
    }
    return behind;
  }

  public void migrate(long courseId, int fromVersion) {
    try {
      int moved = migrations.migrate(courseId, fromVersion, access.managed());
      FormFeedback.info(java.text.MessageFormat.format(messages.get("versions.migrated"), moved));
    } catch (RuntimeException e) {
      var cause = FormFeedback.unwrap(e);
      if (cause instanceof LearningRefusedException refused) {
        FormFeedback.error(messages.get(refused.reason().messageKey()));
      } else if (cause instanceof AccessDeniedException) {
        FormFeedback.error(messages.get("versions.denied"));
      } else {
        throw e;
      }
    }
    behind = null;
  }
}
