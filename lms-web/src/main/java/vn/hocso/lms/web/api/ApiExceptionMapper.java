package vn.hocso.lms.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.lms.accounts.control.RoleGrantRejectedException;
import vn.hocso.lms.people.control.ImportOutdatedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.UnknownUnitException;
import vn.hocso.lms.units.domain.UnitRuleException;
import vn.hocso.lms.web.Messages;

/**
 * The API's one exception mapper: every refusal or failure becomes an {@link ApiError} in
 * Vietnamese, or in English for {@code Accept-Language: en}.
 *
 * <ul>
 *   <li>404 {@code not-found}: a target outside the caller's scope ({@link AccessDeniedException})
 *       and one that does not exist get the same answer, so nobody learns what another province
 *       holds; also unknown paths.
 *   <li>400 {@code bad-request}: a parameter or field missing or malformed, JSON that cannot be
 *       read.
 *   <li>422 {@code rule}: within reach but against a rule of the domain (a merge of units of two
 *       kinds, a role that does not fit the unit, a blank name), with the rule's own message.
 *   <li>413 {@code too-large}: a JSON body over {@link JsonBodyLimit#MAX_BYTES}.
 *   <li>409 {@code conflict}: someone changed the data meanwhile (optimistic lock, an import
 *       overtaken since its preview, a change to a closed unit).
 *   <li>500 {@code failed}: anything else, logged; its details stay in the log.
 * </ul>
 *
 * 403 is not used for scope: telling "exists but not yours" apart from "does not exist" would leak.
 */
@Provider
@ApplicationScoped
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable thrown) {
    return toResponse(thrown, english(headers));
  }

  /** Separate from the request, for plain tests. */
  static Response toResponse(Throwable thrown, boolean english) {
    var known = known(thrown);
    var error = error(known, english);
    if (error.status() >= 500) {
      LOG.log(Level.SEVERE, "API request failed", thrown);
    }
    return Response.status(error.status())
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .entity(error)
        .build();
  }

  static ApiError error(Throwable known, boolean english) {
    var bundle =
        ResourceBundle.getBundle(
            Messages.BUNDLE, english ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    if (known instanceof AccessDeniedException
        || known instanceof UnknownUnitException
        || known instanceof NotFoundException) {
      return new ApiError(404, "not-found", bundle.getString("api.notFound"), List.of());
    }
    if (known instanceof BodyTooLargeException) {
      return new ApiError(
          413,
          "too-large",
          format(bundle, "api.tooLarge", Integer.toString(JsonBodyLimit.MAX_BYTES / 1024)),
          List.of());
    }
    if (known instanceof ApiBadRequestException bad) {
      var key = bad.isMissing() ? "api.missing" : "api.badRequest";
      return new ApiError(400, "bad-request", format(bundle, key, bad.getMessage()), List.of());
    }
    if (known instanceof JsonbException || known instanceof ProcessingException) {
      return new ApiError(400, "bad-request", bundle.getString("api.badJson"), List.of());
    }
    if (known instanceof ConstraintViolationException invalid) {
      var problems =
          invalid.getConstraintViolations().stream()
              .map(v -> v.getPropertyPath() + ": " + v.getMessage())
              .sorted()
              .toList();
      return new ApiError(
          400,
          "bad-request",
          format(bundle, "api.badRequest", String.join("; ", problems)),
          problems);
    }
    if (known instanceof UnitRuleException rule) {
      return new ApiError(
          422, "rule", english ? rule.getMessage() : rule.vietnameseMessage(), List.of());
    }
    if (known instanceof RoleGrantRejectedException || known instanceof IllegalArgumentException) {
      // Their messages are written for the forms, in Vietnamese, whatever the language.
      return new ApiError(422, "rule", known.getMessage(), List.of());
    }
    if (known instanceof ImportOutdatedException) {
      return new ApiError(409, "conflict", bundle.getString("api.importOutdated"), List.of());
    }
    if (known instanceof OptimisticLockException) {
      return new ApiError(409, "conflict", bundle.getString("api.conflict"), List.of());
    }
    if (known instanceof IllegalStateException) {
      return new ApiError(409, "conflict", known.getMessage(), List.of());
    }
    if (known instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return new ApiError(
          status,
          status >= 500 ? "failed" : "http-" + status,
          format(bundle, "api.http", Integer.toString(status)),
          List.of());
    }
    return new ApiError(500, "failed", bundle.getString("api.failed"), List.of());
  }

  /**
   * The exception that says what happened: the first of a known kind along the causes (a
   * transaction's commit wraps an optimistic lock failure; JSON-B's errors arrive inside JAX-RS
   * ones).
   */
  static Throwable known(Throwable thrown) {
    // The cap, first: JSON-B reports a body cut at the cap as unreadable JSON, wrapping the cause.
    for (var t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return t;
      }
    }
    for (var t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AccessDeniedException
          || t instanceof ApiBadRequestException
          || t instanceof UnitRuleException
          || t instanceof RoleGrantRejectedException
          || t instanceof ImportOutdatedException
          || t instanceof OptimisticLockException
          || t instanceof ConstraintViolationException
          || t instanceof JsonbException) {
        return t;
      }
    }
    // Not known along the chain: the outermost JAX-RS status stands, else the outermost kind.
    for (var t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WebApplicationException
          || t instanceof IllegalArgumentException
          || t instanceof IllegalStateException
          || t instanceof ProcessingException) {
        return t;
      }
    }
    return thrown;
  }

  static boolean english(HttpHeaders headers) {
    if (headers == null) {
      return false;
    }
    try {
      var languages = headers.getAcceptableLanguages();
      return !languages.isEmpty() && "en".equals(languages.get(0).getLanguage());
    } catch (RuntimeException e) {
      return false; // a malformed header: Vietnamese
    }
  }

  private static String format(ResourceBundle bundle, String key, String argument) {
    return new MessageFormat(bundle.getString(key), Locale.ROOT).format(new Object[] {argument});
  }
}
