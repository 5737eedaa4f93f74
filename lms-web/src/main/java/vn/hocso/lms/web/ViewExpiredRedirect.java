package vn.hocso.lms.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * A postback whose view her session no longer holds (the session timed out: a phone left on a
 * lesson for more than 30 minutes; or it was replaced at log-in) shows the page again, fresh,
 * instead of an HTTP 500 with a stack trace in the log. If her session is gone, the page's security
 * constraint then sends her to log in and back. Ajax requests get the same redirect as a partial
 * response. Under load (bench/run-learners.sh) these 500s were learners whose earlier request had
 * timed out, posting on with the form they had.
 */
public class ViewExpiredRedirect extends ExceptionHandlerWrapper {

  public ViewExpiredRedirect(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    var events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      var context = (ExceptionQueuedEventContext) events.next().getSource();
      if (expired(context.getException())) {
        events.remove();
        redirectToTheSamePage(context.getContext());
      }
    }
    getWrapped().handle();
  }

  private static boolean expired(Throwable exception) {
    for (var cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ViewExpiredException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static void redirectToTheSamePage(FacesContext faces) {
    var external = faces.getExternalContext();
    var request = (HttpServletRequest) external.getRequest();
    var query = request.getQueryString();
    try {
      external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    } catch (IOException e) {
      throw new FacesException(e);
    }
    faces.responseComplete();
  }

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ViewExpiredRedirect(getWrapped().getExceptionHandler());
    }
  }
}
