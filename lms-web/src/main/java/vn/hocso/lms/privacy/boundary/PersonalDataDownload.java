package vn.hocso.lms.privacy.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.units.control.AccessDeniedException;

/**
 * Her own data, downloaded as JSON (to take elsewhere) or PDF (to read): plain GET links under
 * /app/, so the login guards them, each download audited by the service.
 */
@WebServlet(urlPatterns = {"/app/my-data.json", "/app/my-data.pdf"})
public class PersonalDataDownload extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject PersonalData personalData;
  @Inject AccessScope access;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var requester = access.requester();
    if (requester.ownPersonId() == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "Tài khoản này không gắn với ai");
      return;
    }
    boolean pdf = request.getServletPath().endsWith(".pdf");
    byte[] body;
    try {
      body =
          pdf
              ? personalData.exportPdf(requester.ownPersonId(), requester)
              : personalData
                  .exportJson(requester.ownPersonId(), requester)
                  .getBytes(StandardCharsets.UTF_8);
    } catch (AccessDeniedException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    response.setContentType(pdf ? "application/pdf" : "application/json;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"du-lieu-ca-nhan-hoc-so." + (pdf ? "pdf" : "json") + "\"");
    response.setHeader("Cache-Control", "no-store"); // personal data: never kept by a proxy
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
