package vn.hocso.lms.certificates.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a printed QR code points to. {@code HOCSO_PUBLIC_URL} when set (behind a proxy the
 * request does not know the public name); otherwise the address the request came to.
 */
@ApplicationScoped
public class PublicAddress {

  @Inject
  @ConfigProperty(name = "hocso.public-url")
  Optional<String> configured;

  public URI of(HttpServletRequest request) {
    if (configured != null && configured.isPresent() && !configured.get().isBlank()) {
      return URI.create(configured.get().strip());
    }
    var port = request.getServerPort();
    var scheme = request.getScheme();
    var standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return URI.create(
        scheme
            + "://"
            + request.getServerName()
            + (standard ? "" : ":" + port)
            + request.getContextPath()
            + "/");
  }
}
