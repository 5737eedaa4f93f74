package vn.hocso.lms.coverage.report.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.coverage.report.control.CoverageReports;
import vn.hocso.lms.coverage.report.control.ReportFormat;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * A stored report's file at /app/reports/&lt;id&gt;.xlsx or .pdf, byte for byte as generated: under
 * /app/, so the login guards it; the service answers only for units of her scope, and anything else
 * is 404 (an unknown id and another unit's report alike). The file name is Vietnamese (RFC 6266
 * {@code filename*} in UTF-8) with a plain ASCII fallback; never cached.
 */
@WebServlet(urlPatterns = "/app/reports/*")
public class ReportDownload extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("/(\\d{1,18})\\.(xlsx|pdf)");

  @Inject CoverageReports reports;
  @Inject AccessScope access;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var path = request.getPathInfo();
    var match = path == null ? null : PATH.matcher(path);
    if (match == null || !match.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var format = ReportFormat.ofExtension(match.group(2)).orElseThrow();
    byte[] body;
    String name;
    String ascii;
    try {
      var file = reports.file(Long.parseLong(match.group(1)), format, access.managed());
      body = file.bytes();
      name = file.fileName();
      ascii = file.asciiFileName();
    } catch (AccessDeniedException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(format.contentType());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + ascii
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setHeader("Cache-Control", "private, no-store"); // a unit's figures: never kept
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
