package vn.hocso.lms.certificates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.units.domain.OrgUnit;
import vn.hocso.lms.units.domain.UnitKind;

class CertificateTest {

  static final LocalDate START = LocalDate.of(2025, 7, 1);
  final OrgUnit commune =
      OrgUnit.central("Trung ương", START)
          .addChild("01", "Hà Nội", UnitKind.PROVINCE, START)
          .addChild("00004", "Phường Ba Đình", UnitKind.COMMUNE, START);

  Certificate issue(Person person, Instant at) {
    return new Certificate(
        CertificateCode.random(),
        person,
        UUID.randomUUID(),
        URI.create("https://hocso.vn/xapi/activities/course/thanh-toan"),
        2,
        "Thanh toán điện tử",
        commune,
        at,
        UUID.randomUUID());
  }

  @Test
  void codesAreLongRandomAndUrlSafe() {
    var codes = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      var code = CertificateCode.random();
      assertThat(code).hasSize(24).matches("[0-9a-z]+").doesNotContain("i", "l", "o", "u");
      assertThat(CertificateCode.isWellFormed(code)).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(10_000);
    assertThat(CertificateCode.isWellFormed("' or 1=1 --")).isFalse();
    assertThat(CertificateCode.isWellFormed(null)).isFalse();
    assertThat(CertificateCode.isWellFormed("0123456789abcdefghjkmno")).isFalse();
  }

  @Test
  void statesTheNameTheUnitAndTheDayInVietnam() {
    var her = new Person("Lê Thị Hằng", 1990, commune, START);
    // 18:30 UTC on 8 March is 01:30 on 9 March in Vietnam.
    var certificate = issue(her, Instant.parse("2026-03-08T18:30:00Z"));
    assertThat(certificate.holderName()).contains("Lê Thị Hằng");
    assertThat(certificate.unitName()).isEqualTo("Phường Ba Đình");
    assertThat(certificate.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(certificate.status()).isEqualTo(CertificateStatus.VALID);
  }

  @Test
  void isRevokedOnceWithAReason() {
    var certificate =
        issue(
            new Person("Lê Thị Hằng", 1990, commune, START), Instant.parse("2026-03-08T02:00:00Z"));
    assertThatThrownBy(() -> certificate.revoke("  ", "canbo", Instant.now(), UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> certificate.revoke("x".repeat(501), "canbo", Instant.now(), UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(certificate.isRevoked()).isFalse();

    certificate.revoke(
        " Cấp nhầm người ", "canbo", Instant.parse("2026-04-01T03:00:00Z"), UUID.randomUUID());
    assertThat(certificate.status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(certificate.revocationReason()).contains("Cấp nhầm người");
    assertThatThrownBy(() -> certificate.revoke("lại", "canbo", Instant.now(), UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anErasedPersonsCertificateNamesNobody() {
    var her = new Person("Lê Thị Hằng", 1990, commune, START);
    her.erase(START.plusDays(10));
    assertThat(issue(her, Instant.parse("2026-03-08T02:00:00Z")).holderName()).isEmpty();
  }
}
