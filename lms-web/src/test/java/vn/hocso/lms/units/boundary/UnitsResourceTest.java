package vn.hocso.lms.units.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.web.api.ApiBadRequestException;

class UnitsResourceTest {

  @Test
  void splitPartsByIdReadTheKeysAsIds() {
    assertThat(UnitsResource.byId(Map.of(" 12 ", 0, "7", 1), "personParts"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(12L, 0, 7L, 1));
  }

  @Test
  void aPartThatIsNullOrAKeyThatIsNoIdIsABadRequest() {
    var nullPart = new HashMap<String, Integer>();
    nullPart.put("12", null);
    assertThatThrownBy(() -> UnitsResource.byId(nullPart, "personParts"))
        .isInstanceOf(ApiBadRequestException.class)
        .hasMessage("personParts.12");
    assertThatThrownBy(() -> UnitsResource.byId(Map.of("x", 0), "personParts"))
        .isInstanceOf(ApiBadRequestException.class);
  }
}
