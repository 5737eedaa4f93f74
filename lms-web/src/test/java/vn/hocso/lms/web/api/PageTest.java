package vn.hocso.lms.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void pagingDefaultsToTheFirstFifty() {
    assertThat(Page.Paging.of(null, null)).isEqualTo(new Page.Paging(0, 50));
  }

  @Test
  void pagingRefusesNegativeOffsetsAndLimitsOutsideOneToTwoHundred() {
    assertThatThrownBy(() -> Page.Paging.of(-1, 10)).isInstanceOf(ApiBadRequestException.class);
    assertThatThrownBy(() -> Page.Paging.of(0, 0)).isInstanceOf(ApiBadRequestException.class);
    assertThatThrownBy(() -> Page.Paging.of(0, 201)).isInstanceOf(ApiBadRequestException.class);
    assertThat(Page.Paging.of(0, 200).limit()).isEqualTo(200);
  }

  @Test
  void aPageCutFromAListKeepsTheTotalAndMapsItsItems() {
    var page = Page.of(List.of(1, 2, 3, 4, 5), new Page.Paging(3, 10), n -> "#" + n);
    assertThat(page).isEqualTo(new Page<>(5, 3, 10, List.of("#4", "#5")));
    assertThat(Page.of(List.of(1, 2), new Page.Paging(7, 10), n -> n).items()).isEmpty();
  }
}
