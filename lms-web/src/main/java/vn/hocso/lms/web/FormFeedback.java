package vn.hocso.lms.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.transaction.RollbackException;
import vn.hocso.lms.accounts.control.RoleGrantRejectedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.domain.UnitRuleException;

/**
 * Where the unit and role pages turn a service's refusal into a form message in the visitor's
 * language: out of scope ({@link AccessDeniedException}, one message that tells nothing about the
 * target), a rule of the Union's tree ({@link UnitRuleException}, its Vietnamese message) or a role
 * change that makes no sense ({@link RoleGrantRejectedException}). Anything else is a bug and goes
 * to the error page.
 */
public final class FormFeedback {

  private FormFeedback() {}

  /** Runs an action; on success shows {@code doneKey} (if not null) and returns true. */
  public static boolean attempt(Messages messages, String doneKey, Runnable action) {
    try {
      action.run();
      if (doneKey != null) {
        info(messages.get(doneKey));
      }
      return true;
    } catch (RuntimeException e) {
      var cause = unwrap(e);
      if (cause instanceof AccessDeniedException) {
        error(messages.get("form.denied"));
      } else if (cause instanceof UnitRuleException rule) {
        error(rule.vietnameseMessage());
      } else if (cause instanceof RoleGrantRejectedException rejected) {
        error(rejected.getMessage());
      } else {
        throw e;
      }
      return false;
    }
  }

  /** The exception a transactional interceptor may have wrapped. */
  public static Throwable unwrap(Throwable e) {
    var cause = e;
    while ((cause instanceof EJBException
            || cause instanceof RollbackException
            || cause.getClass().getName().startsWith("jakarta.transaction"))
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }
}
