package vn.hocso.lms.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiBadRequestExceptionTest {

  @Test
  void aListWithANullElementIsRefusedNamingTheElement() {
    assertThatThrownBy(() -> ApiBadRequestException.requiredEach(Arrays.asList(4L, null), "ids"))
        .isInstanceOfSatisfying(
            ApiBadRequestException.class,
            e -> {
              assertThat(e.isMissing()).isTrue();
              assertThat(e.getMessage()).isEqualTo("ids[1]");
            });
  }

  @Test
  void aMissingListIsRefusedAndAFullOneReturned() {
    assertThatThrownBy(() -> ApiBadRequestException.requiredEach(null, "ids")).hasMessage("ids");
    assertThat(ApiBadRequestException.requiredEach(List.of(1L, 2L), "ids")).containsExactly(1L, 2L);
  }
}
