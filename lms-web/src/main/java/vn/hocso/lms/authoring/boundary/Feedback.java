package vn.hocso.lms.authoring.boundary;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.transaction.RollbackException;
import java.util.NoSuchElementException;
import vn.hocso.content.course.domain.CourseNotPublishableException;
import vn.hocso.content.course.domain.PublishingProblem;
import vn.hocso.lms.authoring.control.ConcurrentEditException;
import vn.hocso.lms.authoring.control.ImageRejectedException;
import vn.hocso.lms.authoring.control.ImportRejectedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/**
 * The one place the authoring pages turn the service's refusals into form messages: a rule of the
 * course model (the author's input was wrong), a course not ready to publish (every problem), an
 * image refused, or access denied. Anything else is a bug and goes to the error page.
 */
final class Feedback {

  private Feedback() {}

  /** Runs an action; on success shows {@code doneKey} (if not null) and returns true. */
  static boolean attempt(Messages messages, String doneKey, Runnable action) {
    try {
      action.run();
      if (doneKey != null) {
        info(messages.get(doneKey));
      }
      return true;
    } catch (RuntimeException e) {
      var cause = unwrap(e);
      if (cause instanceof CourseNotPublishableException notReady) {
        error(messages.get("authoring.notReady"));
        notReady.problems().forEach(problem -> error(problem(messages, problem)));
      } else if (cause instanceof ConcurrentEditException
          || cause instanceof jakarta.persistence.OptimisticLockException) {
        error(messages.get("authoring.concurrentEdit"));
      } else if (cause instanceof ImportRejectedException rejected) {
        error(messages.get("authoring.import.rejected") + " " + rejected.vietnameseMessage());
      } else if (cause instanceof ImageRejectedException rejected) {
        error(messages.get("authoring.image." + rejected.reason().name()));
      } else if (cause instanceof AccessDeniedException) {
        error(messages.get("authoring.denied"));
      } else if (cause instanceof IllegalArgumentException
          || cause instanceof IllegalStateException
          || cause instanceof NoSuchElementException) {
        error(messages.get("authoring.notSaved") + " " + cause.getMessage());
      } else {
        throw e;
      }
      return false;
    }
  }

  /** A problem before publishing, in the page's language ({@code authoring.problem.<CODE>}). */
  static String problem(Messages messages, PublishingProblem problem) {
    var text =
        format(messages, "authoring.problem." + problem.code(), problem.arguments().toArray());
    return switch (problem.place()) {
      case LESSON, QUIZ ->
          problem.code() == PublishingProblem.Code.QUESTION_NO_RIGHT_ANSWER
                  || problem.code() == PublishingProblem.Code.QUESTION_SEVERAL_RIGHT
              ? format(messages, "authoring.problem.in" + problem.place(), problem.placeTitle())
                  + " "
                  + text
              : text;
      default -> text;
    };
  }

  static String format(Messages messages, String key, Object... arguments) {
    return new java.text.MessageFormat(messages.get(key), java.util.Locale.ROOT).format(arguments);
  }

  /** The exception a transactional interceptor (or the persistence provider) may have wrapped. */
  private static Throwable unwrap(Throwable e) {
    var cause = e;
    while ((cause instanceof EJBException
            || cause instanceof RollbackException
            || cause instanceof jakarta.persistence.PersistenceException
                && !(cause instanceof jakarta.persistence.OptimisticLockException)
            || cause.getClass().getName().startsWith("jakarta.transaction"))
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
