package vn.hocso.xapi.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocso.xapi.platform.InvalidRequestException;

/** Negotiation of X-Experience-API-Version (xAPI 2.0 Part 3 §1.3). */
class XapiVersionTest {

  @ParameterizedTest
  @ValueSource(strings = {"2.0.0", "2.0", "2.0.7", " 2.0.0 "})
  void acceptsAnyPatchOfTwoZeroAndAnswersTwoZeroZero(String header) {
    assertThat(XapiVersion.negotiate(header)).isEqualTo(XapiVersion.V2_0_0);
    assertThat(XapiVersion.negotiate(header).text()).isEqualTo("2.0.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "1.0.1", "1.0.3", "1.0", "1.0.9"})
  void acceptsAnyPatchOfOneZeroAndAnswersOneZeroThree(String header) {
    assertThat(XapiVersion.negotiate(header).text()).isEqualTo("1.0.3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.95", "0.9", "1.1.0", "3.0.0", "2.1", "two", "1.0.x", "2.0.0.1"})
  void rejectsVersionsItDoesNotSpeak(String header) {
    var rejection =
        catchThrowableOfType(InvalidRequestException.class, () -> XapiVersion.negotiate(header));
    assertThat(rejection.field()).isEqualTo("X-Experience-API-Version");
    assertThat(rejection.rule()).isEqualTo("version-supported");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void requiresTheHeader(String header) {
    var rejection =
        catchThrowableOfType(InvalidRequestException.class, () -> XapiVersion.negotiate(header));
    assertThat(rejection.rule()).isEqualTo("version-header-required");
  }

  @org.junit.jupiter.api.Test
  void versionOneZeroThreeRefusesStatementsOfVersionTwo() {
    assertThat(XapiVersion.V1_0_3.acceptsStatementVersion("1.0.0")).isTrue();
    assertThat(XapiVersion.V1_0_3.acceptsStatementVersion("2.0.0")).isFalse();
    assertThat(XapiVersion.V2_0_0.acceptsStatementVersion("2.0.0")).isTrue();
    assertThat(XapiVersion.V2_0_0.acceptsStatementVersion("1.0.3")).isTrue();
  }
}
