package vn.hocso.xapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AboutTest {

  @Test
  void tellsWhichVersionsTheLrsSpeaks() {
    var about = new About(List.of("2.0.0", "1.0.3"));

    assertThat(about.speaks("2.0.0")).isTrue();
    assertThat(about.speaks("0.95")).isFalse();
  }

  @Test
  void rejectsAnLrsThatSpeaksNoVersion() {
    assertThatThrownBy(() -> new About(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
