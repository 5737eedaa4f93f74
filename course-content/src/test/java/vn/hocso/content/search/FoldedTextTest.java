package vn.hocso.content.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

  @Test
  void dropsDiacriticsAndCase() {
    assertThat(FoldedText.fold("Thành phố Hà Nội")).isEqualTo("thanh pho ha noi");
    assertThat(FoldedText.fold("Thanh toán bằng mã QR")).isEqualTo("thanh toan bang ma qr");
  }

  @Test
  void mapsDToD() {
    assertThat(FoldedText.fold("Đắk Lắk")).isEqualTo("dak lak");
    assertThat(FoldedText.fold("Phường Đống Đa")).contains("dong da");
  }

  @Test
  void treatsPrecomposedAndDecomposedInputAlike() {
    var decomposed = java.text.Normalizer.normalize("Huế", java.text.Normalizer.Form.NFD);

    assertThat(FoldedText.fold(decomposed)).isEqualTo(FoldedText.fold("Huế")).isEqualTo("hue");
  }

  @Test
  void collapsesSpacesAndKeepsNullSafe() {
    assertThat(FoldedText.fold("  Cà   Mau ")).isEqualTo("ca mau");
    assertThat(FoldedText.fold(null)).isEmpty();
  }
}
