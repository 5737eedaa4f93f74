package vn.hocso.lms.people.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.hocso.lms.people.control.PeopleFilter;
import vn.hocso.lms.people.control.PersonKind;
import vn.hocso.lms.people.control.PersonRow;
import vn.hocso.lms.web.api.ApiBadRequestException;

class PeopleResourceTest {

  @Test
  void sortsByTheNamesTheApiDocuments() {
    assertThat(PeopleResource.sortOf(null)).isEqualTo(PeopleFilter.Sort.NAME);
    assertThat(PeopleResource.sortOf("birthYear")).isEqualTo(PeopleFilter.Sort.BIRTH_YEAR);
    assertThat(PeopleResource.sortOf("unit")).isEqualTo(PeopleFilter.Sort.UNIT);
    assertThatThrownBy(() -> PeopleResource.sortOf("phone"))
        .isInstanceOf(ApiBadRequestException.class);
  }

  @Test
  void kindsAreReadInAnyCase() {
    assertThat(PeopleResource.kindOf("member")).isEqualTo(PersonKind.MEMBER);
    assertThat(PeopleResource.kindOf("")).isNull();
    assertThatThrownBy(() -> PeopleResource.kindOf("vip"))
        .isInstanceOf(ApiBadRequestException.class);
  }

  @Test
  void aListedPersonCarriesWhatTheListShowsAndNoEthnicity() {
    var json =
        PeopleResource.PersonJson.of(
            new PersonRow(
                7, "Lê Thị Một", 1980, "0912345678", "Phường Ba Đình", "00004", true, false, null));
    assertThat(json.fullName()).isEqualTo("Lê Thị Một");
    assertThat(json.unitCode()).isEqualTo("00004");
    assertThat(PeopleResource.PersonJson.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .doesNotContain("ethnicity");
  }
}
