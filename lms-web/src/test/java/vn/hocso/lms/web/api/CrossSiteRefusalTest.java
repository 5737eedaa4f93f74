package vn.hocso.lms.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CrossSiteRefusalTest {

  private static final URI API = URI.create("https://hocso.example.vn/api/v1/units/7/close");

  @Test
  void scriptsSendNoOriginAndPass() {
    assertThat(CrossSiteRefusal.isCrossSite(null, null, API)).isFalse();
  }

  @Test
  void theApisOwnOriginPasses() {
    assertThat(CrossSiteRefusal.isCrossSite("same-origin", "https://hocso.example.vn", API))
        .isFalse();
    assertThat(CrossSiteRefusal.isCrossSite(null, "https://HOCSO.example.vn:443", API)).isFalse();
  }

  @Test
  void anotherSitesPageIsRefused() {
    assertThat(CrossSiteRefusal.isCrossSite("cross-site", "https://evil.example", API)).isTrue();
    assertThat(CrossSiteRefusal.isCrossSite(null, "https://evil.example", API)).isTrue();
    assertThat(CrossSiteRefusal.isCrossSite(null, "http://hocso.example.vn", API)).isTrue();
    assertThat(CrossSiteRefusal.isCrossSite(null, "https://hocso.example.vn:8443", API)).isTrue();
    assertThat(CrossSiteRefusal.isCrossSite("same-site", null, API)).isTrue();
    assertThat(CrossSiteRefusal.isCrossSite(null, "null", API)).isTrue();
  }
}
