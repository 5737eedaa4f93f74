package vn.hocso.lms.accounts.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import vn.hocso.lms.accounts.domain.Role;

/**
 * The signed-in caller's roles for the menu (templates/page.xhtml), asked of the container once per
 * login session. Each {@code request.isUserInRole} is a JACC policy check through synchronized
 * maps; asked once per request they were still some 3 % of every request's CPU under load
 * (bench/run-learners.sh, JFR). Her roles cannot change within a login session: the caller's groups
 * are fixed when she logs in ({@code AutoApplySession} re-applies them on every request), so a role
 * granted meanwhile shows after her next log-in, as before. The answers are kept with the caller's
 * name and asked again if another caller uses the session. What each role may do is still checked
 * in the services.
 */
@Named
@SessionScoped
public class CallerRoles implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient HttpServletRequest request;

  private String caller;
  private boolean author;
  private boolean officer;
  private boolean admin;

  /** Trainers and central administrators: the authoring pages. */
  public boolean isAuthor() {
    return current().author;
  }

  /** Unit officers and central administrators: people, units, reports, coverage. */
  public boolean isOfficer() {
    return current().officer;
  }

  public boolean isAdmin() {
    return current().admin;
  }

  private synchronized CallerRoles current() {
    var name = request.getRemoteUser();
    if (name == null) {
      caller = null;
      author = officer = admin = false;
    } else if (!name.equals(caller)) {
      admin = request.isUserInRole(Role.CENTRAL_ADMIN.name());
      author = admin || request.isUserInRole(Role.TRAINER.name());
      officer = admin || request.isUserInRole(Role.UNIT_OFFICER.name());
      caller = name;
    }
    return this;
  }
}
