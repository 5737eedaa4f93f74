package vn.hocso.lms.certificates.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.certificates.control.Certificates;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * A certificate as PDF, at /app/certificates/&lt;code&gt;.pdf: under /app/, so the login guards it;
 * the service lets her (or an officer over her unit) have it and answers 404 to anyone else.
 */
@WebServlet(urlPatterns = "/app/certificates/*")
public class CertificateDownload extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject Certificates certificates;
  @Inject AccessScope access;
  @Inject PublicAddress publicAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var path = request.getPathInfo();
    if (path == null || !path.endsWith(".pdf")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var code = path.substring(1, path.length() - ".pdf".length());
    byte[] body;
    try {
      body = certificates.pdf(code, access.requester(), publicAddress.of(request));
    } catch (AccessDeniedException e) {
      // The same answer for "no such code" and "not yours": a code's existence is not told.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"chung-nhan-hoc-so-" + code + ".pdf\"");
    response.setHeader("Cache-Control", "no-store"); // names her: never kept by a proxy
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
