package vn.hocso.xapi.statements.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SHA-2 hashes attachments are known by (xAPI 2.0 Part 2 §2.4.11). */
class AttachmentDataTest {

  static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
  static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hashesWithTheSha2VariantTheHashLengthNames() {
    assertThat(AttachmentData.digest("0".repeat(64), ABC)).contains(SHA256_ABC);
    assertThat(AttachmentData.digest("0".repeat(96), ABC).orElseThrow()).hasSize(96);
    assertThat(AttachmentData.digest("0".repeat(128), ABC).orElseThrow()).hasSize(128);
    assertThat(AttachmentData.digest("0".repeat(40), ABC)).isEmpty(); // SHA-1 is not SHA-2
  }

  @Test
  void knowsWhetherItsDataHasItsHashWhateverTheCase() {
    assertThat(new AttachmentData(SHA256_ABC.toUpperCase(), "text/plain", ABC).hashMatches())
        .isTrue();
    assertThat(new AttachmentData(SHA256_ABC, "text/plain", new byte[] {1}).hashMatches())
        .isFalse();
  }
}
