package vn.hocso.lms.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HocsoAuthenticationMechanismTest {

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAUsernameAndAPasswordThatMayHoldColons() {
    var credential =
        HocsoAuthenticationMechanism.basicCredential(basic("canbo.tinh:a:b:c")).orElseThrow();
    assertThat(credential.getCaller()).isEqualTo("canbo.tinh");
    assertThat(credential.getPasswordAsString()).isEqualTo("a:b:c");
  }

  @Test
  void readsUtf8AndTheSchemeInAnyCase() {
    var credential =
        HocsoAuthenticationMechanism.basicCredential("bAsIc " + basic("lan:mật-khẩu").substring(6))
            .orElseThrow();
    assertThat(credential.getPasswordAsString()).isEqualTo("mật-khẩu");
  }

  @Test
  void ignoresWhatIsNotAWellFormedBasicCredential() {
    assertThat(HocsoAuthenticationMechanism.basicCredential(null)).isEmpty();
    assertThat(HocsoAuthenticationMechanism.basicCredential("Bearer abc")).isEmpty();
    assertThat(HocsoAuthenticationMechanism.basicCredential("Basic !!!not-base64")).isEmpty();
    assertThat(HocsoAuthenticationMechanism.basicCredential(basic("no-colon"))).isEmpty();
    assertThat(HocsoAuthenticationMechanism.basicCredential(basic(":password-only"))).isEmpty();
  }

  @Test
  void theApiIsKnownByTheMappedPathNotByTheRawAddress() {
    assertThat(HocsoAuthenticationMechanism.isApiPath("/api/v1", "/units/36")).isTrue();
    assertThat(HocsoAuthenticationMechanism.isApiPath("/api/v1", null)).isTrue();
    assertThat(HocsoAuthenticationMechanism.isApiPath("/app/unit.xhtml", null)).isFalse();
    assertThat(HocsoAuthenticationMechanism.isApiPath("/apiary.xhtml", null)).isFalse();
    assertThat(HocsoAuthenticationMechanism.isApiPath("", "/")).isFalse();
  }
}
