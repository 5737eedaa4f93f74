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
import vn.hocso.lms.web.Pager;

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

  private final Pager<CertificateRow> pager = new Pager<>(PAGE_SIZE, new Shown());
  private String selectedCode;
  private String reason;

  public boolean isOfficer() {
    return !access.managed().isEmpty();
  }

  public Pager<CertificateRow> getPager() {
    return pager;
  }

  /** Her scope's certificates, none for a learner. */
  private final class Shown implements Pager.Source<CertificateRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public long count() {
      return isOfficer() ? certificates.count(access.requester()) : 0;
    }

    @Override
    public List<CertificateRow> page(int first, int max) {
      return isOfficer() ? certificates.list(access.requester(), first, max) : List.of();
    }
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
    pager.refresh();
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
}
