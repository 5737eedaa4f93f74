package vn.hocso.lms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's one authentication mechanism (Jakarta Security 3.0 allows one per application):
 * requests to the JSON API under {@code /api/} use HTTP Basic (RFC 7617) with the same accounts and
 * the same {@link LoginThrottle} as the login form; every other request goes to {@link FormLogin}.
 *
 * <p>The API never looks at the session cookie, so a page's session cannot be used to call the API
 * from another site (no CSRF through the API), and the API creates no session. A call without valid
 * credentials gets 401 with {@code WWW-Authenticate} and a JSON body, never a redirect to the login
 * page; a username or address that is locked out gets 429 with {@code Retry-After} and no password
 * check, as the form refuses it.
 */
@ApplicationScoped
public class HocsoAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Where the API lives, below the context root. */
  public static final String API_PREFIX = "/api/";

  @Inject FormLogin form;
  @Inject IdentityStoreHandler identityStores;
  @Inject LoginThrottle throttle;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (!isApi(request)) {
      return form.validateRequest(request, response, context);
    }
    var credential = basicCredential(request.getHeader("Authorization"));
    if (credential.isEmpty()) {
      return context.isProtected() ? challenge(request, response) : context.doNothing();
    }
    var username = credential.get().getCaller();
    var address = request.getRemoteAddr();
    var wait = throttle.tryStart(username, address);
    if (wait.isPresent()) {
      return throttled(request, response, wait.get().toSeconds() + 1);
    }
    try {
      var result = identityStores.validate(credential.get());
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        throttle.recordFailure(username, address);
        return challenge(request, response);
      }
      throttle.recordSuccess(username);
      return context.notifyContainerAboutLogin(result);
    } finally {
      throttle.finish(username);
    }
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return isApi(request)
        ? AuthenticationStatus.SUCCESS
        : form.secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isApi(request)) {
      context.cleanClientSubject();
    } else {
      form.cleanSubject(request, response, context);
    }
  }

  /**
   * Whether the request goes to the API: by the decoded path the container mapped (servlet path and
   * path info), not the raw URI, so that {@code /%61pi/…} cannot reach the API by the form
   * mechanism and its session cookie.
   */
  static boolean isApi(HttpServletRequest request) {
    return isApiPath(request.getServletPath(), request.getPathInfo());
  }

  static boolean isApiPath(String servletPath, String pathInfo) {
    var path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.startsWith(API_PREFIX) || path.equals("/api");
  }

  /** The credential of an {@code Authorization: Basic …} header, if it holds a well-formed one. */
  static Optional<UsernamePasswordCredential> basicCredential(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new UsernamePasswordCredential(
            decoded.substring(0, colon), new Password(decoded.substring(colon + 1))));
  }

  private static AuthenticationStatus challenge(
      HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"hocso\", charset=\"UTF-8\"");
    write(
        request,
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Cần đăng nhập: gửi tên đăng nhập và mật khẩu theo HTTP Basic.",
        "Sign in: send your username and password with HTTP Basic.");
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus throttled(
      HttpServletRequest request, HttpServletResponse response, long seconds) {
    response.setHeader("Retry-After", Long.toString(seconds));
    write(
        request,
        response,
        429,
        "Đăng nhập sai quá nhiều lần. Thử lại sau " + seconds + " giây.",
        "Too many failed sign-ins. Try again in " + seconds + " seconds.");
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** The same JSON shape as {@code ApiExceptionMapper}'s errors. */
  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String vietnamese,
      String english) {
    var language = request.getHeader("Accept-Language");
    boolean inEnglish =
        language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en");
    var message = inEnglish ? english : vietnamese;
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    try {
      response
          .getWriter()
          .write(
              "{\"status\":"
                  + status
                  + ",\"error\":\""
                  + (status == 429 ? "too-many-attempts" : "unauthenticated")
                  + "\",\"message\":\""
                  + message.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}");
      response.flushBuffer();
    } catch (IOException e) {
      // The client went away; nothing left to tell it.
    }
  }
}
