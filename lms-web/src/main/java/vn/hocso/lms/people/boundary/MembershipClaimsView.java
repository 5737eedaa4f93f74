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
import vn.hocso.lms.web.Pager;

/** An officer's list of membership claims to confirm or decline. */
@Named
@ViewScoped
public class MembershipClaimsView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 20;

  @Inject MembershipClaims claims;
  @Inject AccessScope access;
  @Inject Messages messages;

  private final Pager<MembershipClaim> pager = new Pager<>(PAGE_SIZE, new Pending());

  public Pager<MembershipClaim> getPager() {
    return pager;
  }

  /** The claims waiting for an answer in her scope. */
  private final class Pending implements Pager.Source<MembershipClaim> {
    private static final long serialVersionUID = 1L;

    @Override
    public long count() {
      return claims.countPending(access.requester());
    }

    @Override
    public List<MembershipClaim> page(int first, int max) {
      return claims.pending(access.requester(), first, max);
    }
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
    pager.refresh();
  }
}
