package vn.hocso.lms.certificates.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.certificates.control.CertificateRow;
import vn.hocso.lms.certificates.control.Certificates;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;

/**
 * An officer's list of the certificates of her scope's people, newest first, with revocation (a
 * reason, in a dialog that is the confirmation). The service decides who may; this only binds.
 */
@Named
@ViewScoped
public class IssuedCertificatesView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 20;

  @Inject Certificates certificates;
  @Inject AccessScope access;
  @Inject Messages messages;

  private int page;
  private List<CertificateRow> shown;
  private long total;
  private String selectedCode;
  private String reason;

  public boolean isOfficer() {
    return !access.managed().isEmpty();
  }

  public List<CertificateRow> getShown() {
    if (shown == null) {
      if (!isOfficer()) {
        shown = List.of();
        return shown;
      }
      var officer = access.requester();
      total = certificates.count(officer);
      shown = certificates.list(officer, page * PAGE_SIZE, PAGE_SIZE);
    }
    return shown;
  }

  public long getTotal() {
    getShown();
    return total;
  }

  /** Opens the dialog for this certificate. */
  public void select(String code) {
    selectedCode = code;
    reason = null;
  }

  public void revoke() {
    try {
      certificates.revoke(selectedCode, reason, access.requester());
      FormFeedback.info(messages.get("certificates.revoked"));
      selectedCode = null;
      reason = null;
    } catch (RuntimeException e) {
      var cause = FormFeedback.unwrap(e);
      String key;
      if (cause instanceof AccessDeniedException) {
        key = "certificates.revoke.denied";
      } else if (cause instanceof IllegalArgumentException) {
        key = "certificates.revoke.reasonRequired";
      } else if (cause instanceof IllegalStateException) {
        key = "certificates.revoke.already";
      } else {
        throw e;
      }
      FormFeedback.error(messages.get(key));
    }
    shown = null;
  }

  public String getSelectedCode() {
    return selectedCode;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
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
