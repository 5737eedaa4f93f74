package vn.hocso.lms.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.hocso.lms.accounts.domain.Role;

/**
 * The signed-in caller's roles for the menu (templates/page.xhtml), asked of the container once per
 * request. Each {@code request.isUserInRole} is a JACC policy check through synchronized maps: the
 * menu's {@code rendered} conditions made some twenty of them per render, and a postback evaluates
 * them in several phases; under load (bench/run-learners.sh) threads queued on those locks. What
 * each role may do is still checked in the services.
 */
@Named
@RequestScoped
public class CallerRoles {

  @Inject HttpServletRequest request;

  private Boolean author;
  private Boolean officer;
  private Boolean admin;

  /** Trainers and central administrators: the authoring pages. */
  public boolean isAuthor() {
    if (author == null) {
      author = isAdmin() || request.isUserInRole(Role.TRAINER.name());
    }
    return author;
  }

  /** Unit officers and central administrators: people, units, reports, coverage. */
  public boolean isOfficer() {
    if (officer == null) {
      officer = isAdmin() || request.isUserInRole(Role.UNIT_OFFICER.name());
    }
    return officer;
  }

  public boolean isAdmin() {
    if (admin == null) {
      admin = request.isUserInRole(Role.CENTRAL_ADMIN.name());
    }
    return admin;
  }
}
