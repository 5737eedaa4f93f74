package vn.hocso.lms.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class JsonBodyLimitTest {

  @Test
  void aBodyUpToTheCapReadsWhole() throws Exception {
    var body = new byte[JsonBodyLimit.MAX_BYTES];
    try (var in = new JsonBodyLimit.Capped(new ByteArrayInputStream(body))) {
      assertThat(in.readAllBytes()).hasSize(JsonBodyLimit.MAX_BYTES);
    }
  }

  @Test
  void aChunkedBodyIsCutOneBytePastTheCap() {
    var body = new byte[JsonBodyLimit.MAX_BYTES + 1];
    assertThatThrownBy(
            () -> {
              try (var in = new JsonBodyLimit.Capped(new ByteArrayInputStream(body))) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(BodyTooLargeException.class);
  }
}
