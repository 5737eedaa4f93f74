package vn.hocso.lms.units.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrgUnitTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  static final LocalDate LATER = LocalDate.of(2026, 1, 1);

  final OrgUnit central = OrgUnit.central("Trung ương", START);
  final OrgUnit hanoi = central.addChild("01", "Thành phố Hà Nội", UnitKind.PROVINCE, START);
  final OrgUnit hue = central.addChild("46", "Thành phố Huế", UnitKind.PROVINCE, START);
  final OrgUnit badinh = hanoi.addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);
  final OrgUnit branch = badinh.addChild(null, "Chi hội 1", UnitKind.BRANCH, START);

  @Test
  void branchesAndGroupsCarryNoOfficialCode() {
    assertThatThrownBy(() -> badinh.addChild("12345", "Chi hội có mã", UnitKind.BRANCH, START))
        .isInstanceOf(UnitRuleException.class)
        .hasMessageContaining("no official code");
    var branch = badinh.addChild(null, "Chi hội 1", UnitKind.BRANCH, START);
    assertThatThrownBy(() -> branch.addChild("1", "Tổ 1", UnitKind.GROUP, START))
        .isInstanceOf(UnitRuleException.class);
    assertThat(branch.addChild(null, "Tổ 1", UnitKind.GROUP, START).code()).isEmpty();
  }

  @Test
  void requiresOfficialCodesForProvincesAndCommunes() {
    assertThatThrownBy(() -> central.addChild("1", "Hà Nội", UnitKind.PROVINCE, START))
        .hasMessageContaining("2 digits");
    assertThatThrownBy(() -> hanoi.addChild(null, "Phường X", UnitKind.COMMUNE, START))
        .hasMessageContaining("5 digits");
  }

  @Test
  void refusesALevelThatCannotSitThere() {
    assertThatThrownBy(() -> central.addChild(null, "Chi hội", UnitKind.BRANCH, START))
        .hasMessageContaining("cannot sit below CENTRAL");
  }

  @Test
  void keepsTheNonTerritorialOrganisationsApartFromTheTerritorialTree() {
    var police = central.addChild(null, "Hội Phụ nữ Bộ Công an", UnitKind.ORGANISATION, START);
    var base = police.addChild(null, "Hội Phụ nữ Cục A", UnitKind.ORGANISATION_BASE, START);
    var policeBranch = base.addChild(null, "Chi hội Phòng 1", UnitKind.BRANCH, START);

    assertThat(policeBranch.isWithin(police)).isTrue();
    assertThat(UnitKind.ORGANISATION.isTerritorial()).isFalse();
    assertThat(UnitKind.PROVINCE.isTerritorial()).isTrue();
    // Neither tree takes the other's grassroots units, nor does an organisation take a code.
    assertThatThrownBy(() -> police.addChild("00999", "Phường Z", UnitKind.COMMUNE, START))
        .hasMessageContaining("cannot sit below ORGANISATION");
    assertThatThrownBy(() -> hanoi.addChild(null, "Cơ sở X", UnitKind.ORGANISATION_BASE, START))
        .hasMessageContaining("cannot sit below PROVINCE");
    assertThatThrownBy(() -> central.addChild("99", "Ban X", UnitKind.ORGANISATION, START))
        .hasMessageContaining("no official code");
    assertThatThrownBy(() -> badinh.moveUnder(police, LATER)).isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> base.moveUnder(hue, LATER)).isInstanceOf(UnitRuleException.class);
  }

  @Test
  void isOpenFromItsFirstDayUntilTheDayBeforeItCloses() {
    badinh.close(LATER, ClosureReason.MERGED);

    assertThat(badinh.isOpenOn(START)).isTrue();
    assertThat(badinh.isOpenOn(LATER.minusDays(1))).isTrue();
    assertThat(badinh.isOpenOn(LATER)).isFalse();
    assertThat(badinh.isOpenOn(START.minusDays(1))).isFalse();
    assertThat(badinh.closedReason()).contains(ClosureReason.MERGED);
  }

  @Test
  void cannotCloseTwiceOrBeforeItBegan() {
    badinh.close(LATER, ClosureReason.DISSOLVED);

    assertThatThrownBy(() -> badinh.close(LATER.plusDays(1), ClosureReason.DISSOLVED))
        .isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> branch.close(START, ClosureReason.DISSOLVED))
        .isInstanceOf(UnitRuleException.class);
  }

  @Test
  void movesUnderAnotherUnitOfTheRightLevel() {
    badinh.moveUnder(hue, LATER);

    assertThat(badinh.parent()).contains(hue);
    assertThat(branch.isWithin(hue)).isTrue();
    assertThat(branch.isWithin(hanoi)).isFalse();
  }

  @Test
  void refusesToMoveUnderItsOwnSubUnitOrAWrongLevel() {
    assertThatThrownBy(() -> badinh.moveUnder(central, LATER))
        .isInstanceOf(UnitRuleException.class)
        .hasMessageContaining("cannot sit below");
    var other = hanoi.addChild("00008", "Phường Ngọc Hà", UnitKind.COMMUNE, START);
    var otherBranch = other.addChild(null, "Chi hội 2", UnitKind.BRANCH, START);
    assertThatThrownBy(() -> otherBranch.moveUnder(otherBranch, LATER))
        .isInstanceOf(UnitRuleException.class);
  }

  @Test
  void refusesToMoveOrAddUnderAClosedUnit() {
    hue.close(LATER, ClosureReason.MERGED);

    assertThatThrownBy(() -> badinh.moveUnder(hue, LATER)).isInstanceOf(UnitRuleException.class);
    assertThatThrownBy(() -> hue.addChild("99999", "Xã Mới", UnitKind.COMMUNE, LATER))
        .isInstanceOf(IllegalStateException.class);
  }
}
