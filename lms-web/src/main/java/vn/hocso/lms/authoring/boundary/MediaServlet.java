package vn.hocso.lms.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import vn.hocso.lms.authoring.control.CourseAuthoring;

/**
 * Serves the images of courses at {@code /app/media/<course id>/<file>} (web.xml lets only
 * signed-in visitors into /app/): an image of a published version to anyone signed in, any other
 * only to those who may edit the course and to reviewers; to others it does not exist (404). Files
 * never change, so a browser may keep them a year, privately; {@code nosniff} and a strict CSP make
 * sure it treats them as nothing but pictures.
 */
@WebServlet("/app/media/*")
public class MediaServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern PATH =
      Pattern.compile("/(\\d{1,18})/([A-Za-z0-9][A-Za-z0-9._-]{0,199})");

  @Inject transient CourseAuthoring authoring;
  @Inject transient SignedInAuthor author;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    var matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var media =
        authoring.media(author.caller(), Long.parseLong(matcher.group(1)), matcher.group(2));
    if (media.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var content = media.get().content();
    response.setContentType(media.get().contentType());
    response.setContentLength(content.length);
    response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.getOutputStream().write(content);
  }
}
