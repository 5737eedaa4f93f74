package vn.hocso.lms.people.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.people.control.MembershipClaim;
import vn.hocso.lms.people.control.MembershipClaims;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.Messages;

/** An officer's list of membership claims to confirm or decline. */
@Named
@ViewScoped
public class MembershipClaimsView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 20;

  @Inject MembershipClaims claims;
  @Inject AccessScope access;
  @Inject Messages messages;

  private int page;
  private List<MembershipClaim> shown;
  private long total;

  public List<MembershipClaim> getShown() {
    if (shown == null) {
      var officer = access.requester();
      total = claims.countPending(officer);
      shown = claims.pending(officer, page * PAGE_SIZE, PAGE_SIZE);
    }
    return shown;
  }

  public long getTotal() {
    getShown();
    return total;
  }

  public void confirm(long personId) {
    answer(personId, true);
  }

  public void decline(long personId) {
    answer(personId, false);
  }

  private void answer(long personId, boolean confirm) {
    var faces = FacesContext.getCurrentInstance();
    try {
      if (confirm) {
        claims.confirm(personId, access.requester());
      } else {
        claims.decline(personId, access.requester());
      }
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              messages.get(confirm ? "claims.confirmed" : "claims.declined"),
              null));
    } catch (AccessDeniedException | IllegalStateException e) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.get("claims.gone"), null));
    }
    shown = null;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * PAGE_SIZE < getTotal();
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public void next() {
    page++;
    shown = null;
  }

  public void previous() {
    page = Math.max(0, page - 1);
    shown = null;
  }

  public int getPageNumber() {
    return page + 1;
  }
}
