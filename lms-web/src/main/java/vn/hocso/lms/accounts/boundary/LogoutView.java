package vn.hocso.lms.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Ends the session and goes back to the home page. */
@Named
@RequestScoped
public class LogoutView {

  @Inject FacesContext faces;

  public void logout() throws ServletException, IOException {
    var external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/");
  }
}
