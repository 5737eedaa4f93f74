package vn.hocso.lms.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.units.domain.ClosureReason;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.units.domain.UnitRuleException;

class PersonTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final LocalDate MOVE = LocalDate.of(2026, 3, 8);

  final OrgUnit central = OrgUnit.central("Trung ương", START);
  final OrgUnit hanoi = central.addChild("01", "Thành phố Hà Nội", UnitKind.PROVINCE, START);
  final OrgUnit badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
  final OrgUnit ngocha = hanoi.addChild("00008", "Phường Ngọc Hà", UnitKind.COMMUNE, START);

  @Test
  void keepsHerEarlierHomeUnitInHistoryWhenSheMoves() {
    var lan = new Person("Nguyễn Thị Lan", 1985, badinh, START);

    lan.moveTo(ngocha, MOVE);

    assertThat(lan.homeUnit()).isSameAs(ngocha);
    assertThat(lan.unitOn(MOVE.minusDays(1))).contains(badinh);
    assertThat(lan.unitOn(MOVE)).contains(ngocha);
    assertThat(lan.unitOn(START.minusDays(1))).isEmpty();
    assertThat(lan.memberships()).hasSize(2);
  }

  @Test
  void cannotMoveToAClosedUnitOrBackInTime() {
    var lan = new Person("Nguyễn Thị Lan", 1985, badinh, START);
    ngocha.close(MOVE, ClosureReason.MERGED);

    assertThatThrownBy(() -> lan.moveTo(ngocha, MOVE)).isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> lan.moveTo(ngocha, START)).isInstanceOf(UnitRuleException.class);
  }

  @Test
  void hasAnOpaqueXapiAccountThatRevealsNothing() {
    var lan = new Person("Nguyễn Thị Lan", 1985, badinh, START);
    lan.setPhone("0912 345 678");

    assertThat(lan.xapiAccount()).matches("[0-9a-f-]{36}").doesNotContain("0912345678");
    assertThat(lan.phone()).contains("0912345678");
  }

  @Test
  void rejectsAPhoneNumberThatIsNotVietnameseMobileFormat() {
    var lan = new Person("Nguyễn Thị Lan", 1985, badinh, START);

    assertThatThrownBy(() -> lan.setPhone("12345")).hasMessageContaining("10 chữ số");
    lan.setPhone("+84912345678");
    assertThat(lan.phone()).contains("+84912345678");
  }

  @Test
  void rejectsAnImpossibleBirthYearAndABlankName() {
    assertThatThrownBy(() -> new Person("Lan", 1800, badinh, START))
        .hasMessageContaining("Năm sinh");
    assertThatThrownBy(() -> new Person(" ", 1985, badinh, START))
        .hasMessageContaining("Họ và tên");
  }

  @Test
  void anOfficerHasAPosition() {
    var mai = new Person("Lê Thị Mai", 1979, badinh, START);

    assertThatThrownBy(() -> mai.employAsStaff(StaffEmployment.FULL_TIME, " "))
        .hasMessageContaining("chức vụ");
    mai.employAsStaff(StaffEmployment.FULL_TIME, "Chủ tịch Hội LHPN phường");
    assertThat(mai.staffEmployment()).contains(StaffEmployment.FULL_TIME);
  }
}
