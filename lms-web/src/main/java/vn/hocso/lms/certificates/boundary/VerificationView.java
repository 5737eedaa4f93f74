package vn.hocso.lms.certificates.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hocso.lms.certificates.control.Certificates;
import vn.hocso.lms.certificates.control.Certificates.Verification;

/** The public verification page, /verify.xhtml?code=…: no login, what the QR code opens. */
@Named
@RequestScoped
public class VerificationView {

  @Inject Certificates certificates;

  private String code;
  private Verification verification;

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? null : code.strip().toLowerCase(java.util.Locale.ROOT);
  }

  public Verification getResult() {
    if (verification == null) {
      verification = certificates.verify(code);
    }
    return verification;
  }
}
