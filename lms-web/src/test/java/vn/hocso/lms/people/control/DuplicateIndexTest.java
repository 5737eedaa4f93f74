package vn.hocso.lms.people.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Duplicate detection: same phone, or same name, birth year and unit. */
class DuplicateIndexTest {

  @Test
  void reportsTheRowThatHadAPhoneFirst() {
    var index = new DuplicateIndex();

    assertThat(index.addPhone("0912000001", 2)).isNull();
    assertThat(index.addPhone("0912000002", 3)).isNull();
    assertThat(index.addPhone("0912000001", 7)).isEqualTo(2);
    assertThat(index.addPhone(null, 8)).as("no phone is no duplicate").isNull();
    assertThat(index.addPhone(null, 9)).isNull();
    assertThat(index.rowOfPhone("0912000002")).isEqualTo(3);
  }

  @Test
  void samePersonIgnoresDiacriticsCaseAndSpacesButNotYearOrUnit() {
    var index = new DuplicateIndex();

    assertThat(index.addPerson("Nguyễn Thị An", 1985, 10, 2)).isNull();
    assertThat(index.addPerson("nguyen  thi AN", 1985, 10, 3)).isEqualTo(2);
    assertThat(index.addPerson("Nguyễn Thị An", 1986, 10, 4)).isNull();
    assertThat(index.addPerson("Nguyễn Thị An", 1985, 11, 5)).isNull();
    assertThat(index.addPerson("Nguyễn Thị An", null, 10, 6)).isNull();
    assertThat(index.addPerson("Nguyễn Thị An", null, 10, 7)).isEqualTo(6);
    assertThat(index.rowOfPerson("NGUYỄN THỊ AN", 1986, 10)).isEqualTo(4);
  }
}
