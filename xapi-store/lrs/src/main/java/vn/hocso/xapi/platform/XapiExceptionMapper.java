package vn.hocso.xapi.platform;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP. Every refusal of client input is a 4xx with a JSON
 * body {@code {"error", "field", "rule"}}; only a fault of the LRS itself is a 500, and is logged.
 */
@Provider
public class XapiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(XapiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    var answer = answer(exception);
    var response = body(answer.status(), answer.error(), answer.field(), answer.rule());
    if (answer.status() == 401) {
      response.header("WWW-Authenticate", "Basic realm=\"xAPI\"");
    }
    return response.build();
  }

  /** What the client is told: the status and the body's fields. */
  record Answer(int status, String error, String field, String rule) {}

  /**
   * The answer to an exception. Logs a fault of the LRS (SEVERE, with its stack trace) and a
   * client's abort (one FINE line); other refusals of client input are not logged.
   */
  static Answer answer(Throwable exception) {
    if (exception instanceof XapiRejection rejection) {
      if (rejection instanceof RequestAbortedException) {
        LOG.fine(() -> "Client aborted its request: " + rejection.getMessage());
      }
      return new Answer(
          statusOf(rejection), rejection.getMessage(), rejection.field(), rejection.rule());
    }
    if (exception instanceof JsonException) {
      return new Answer(
          400, "The body is not valid JSON: " + exception.getMessage(), null, "json-syntax");
    }
    if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      // Raised by JAX-RS itself: unknown path (404), method (405), media type (415), …
      var status = web.getResponse().getStatus();
      return new Answer(status, web.getMessage(), null, "http-" + status);
    }
    var aborted = clientAbort(exception);
    if (aborted != null) {
      // Met while reading elsewhere than RequestBodies (Jersey, a filter): the client's doing too.
      return answer(new RequestAbortedException(aborted));
    }
    LOG.log(Level.SEVERE, "Request failed inside the LRS", exception);
    return new Answer(500, "The LRS failed to handle this request", null, "internal-error");
  }

  /** The end of stream the container met while reading a request the client abandoned, or null. */
  static java.io.EOFException clientAbort(Throwable exception) {
    for (var cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.EOFException eof) {
        return eof;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  static int statusOf(XapiRejection rejection) {
    if (rejection instanceof AuthenticationRequiredException) {
      return 401;
    }
    if (rejection instanceof ForbiddenException) {
      return 403;
    }
    if (rejection instanceof NotFoundRejection) {
      return 404;
    }
    if (rejection instanceof ConflictException) {
      return 409;
    }
    if (rejection instanceof PreconditionFailedException) {
      return 412;
    }
    if (rejection instanceof RequestTooLargeException) {
      return 413;
    }
    return 400;
  }

  private static Response.ResponseBuilder body(
      int status, String error, String field, String rule) {
    var json = Json.createObjectBuilder().add("error", error == null ? "" : error);
    if (field == null) {
      json.addNull("field");
    } else {
      json.add("field", field);
    }
    json.add("rule", rule);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json.build());
  }
}
