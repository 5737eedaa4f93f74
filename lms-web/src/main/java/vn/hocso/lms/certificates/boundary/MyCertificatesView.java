package vn.hocso.lms.certificates.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.certificates.control.CertificateView;
import vn.hocso.lms.certificates.control.Certificates;

/** "Chứng nhận của tôi": her certificates, each with its PDF and its public verification page. */
@Named
@RequestScoped
public class MyCertificatesView {

  @Inject Certificates certificates;
  @Inject AccessScope access;

  private List<CertificateView> mine;

  public List<CertificateView> getMine() {
    if (mine == null) {
      mine = certificates.mine(access.requester());
    }
    return mine;
  }
}
