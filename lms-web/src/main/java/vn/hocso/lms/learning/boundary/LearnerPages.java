package vn.hocso.lms.learning.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.hocso.lms.learning.control.LearningRefusedException;
import vn.hocso.lms.learning.domain.CoursePath;
import vn.hocso.lms.web.Messages;

/**
 * What the learner pages share: who is signed in, where a step of a course is, and the one place
 * where a refusal of the learning service becomes a message (a missing course or step is a 404).
 */
final class LearnerPages {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private LearnerPages() {}

  static String username() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  /** The page of a step: the lesson player or the quiz. */
  static String outcome(long courseId, CoursePath.Step step) {
    return step.kind() == CoursePath.Kind.LESSON
        ? "/app/learn?faces-redirect=true&course=" + courseId + "&lesson=" + step.key()
        : "/app/quiz?faces-redirect=true&course=" + courseId + "&quiz=" + step.key();
  }

  /** Shows why the service refused, as a page message. */
  static void show(Messages messages, LearningRefusedException refused) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_WARN, messages.get(refused.reason().messageKey()), null));
  }

  static void notFound() throws IOException {
    var context = FacesContext.getCurrentInstance();
    context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "");
    context.responseComplete();
  }

  /** A time as Vietnam reads it. */
  static String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(VIETNAM));
  }
}
