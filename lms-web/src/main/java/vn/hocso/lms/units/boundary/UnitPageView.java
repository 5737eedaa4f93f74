package vn.hocso.lms.units.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.UnitDetails;
import vn.hocso.lms.units.control.UnitDirectory;

/** The page of one unit: where it sits, its sub-units, its people count and its history. */
@Named
@ViewScoped
public class UnitPageView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UnitDirectory directory;
  @Inject AccessScope access;

  private Long id;
  private UnitDetails details;

  /** Called by f:viewAction once the id parameter is set. */
  public void load() {
    if (id == null) {
      return;
    }
    try {
      details = directory.details(id, access.managed());
    } catch (AccessDeniedException e) {
      details = null;
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public UnitDetails getDetails() {
    return details;
  }
}
