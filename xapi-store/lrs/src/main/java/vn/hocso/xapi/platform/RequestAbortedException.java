package vn.hocso.xapi.platform;

import java.io.IOException;

/**
 * The request body could not be read to its end: the client went away mid-body (Grizzly's
 * "EOFException: Reset by peer", a client that gave up waiting) or sent a broken chunked body. The
 * client's doing, not a fault of the LRS: a 400 that is logged as one quiet line, not a 500 with a
 * stack trace.
 */
public class RequestAbortedException extends XapiRejection {

  public RequestAbortedException(IOException cause) {
    super(null, "body-incomplete", "The request body ended before it was complete: " + cause);
  }
}
