package vn.hocso.lms.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountPasswordTest {

  static final Instant NOW = Instant.parse("2026-03-08T02:00:00Z");

  final Account lan =
      new Account("lan.nguyen", "mat-khau-cu".toCharArray(), "Nguyễn Thị Lan", null);

  @Test
  void aPbkdf2HashVerifiesAndIsMadeAgainAsArgon2idAtLogIn() throws Exception {
    // As hashes were made until session 7: PBKDF2-HMAC-SHA256, 210,000 iterations (600,000 in
    // session 7).
    var salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    var spec = new javax.crypto.spec.PBEKeySpec("mat-khau-cu".toCharArray(), salt, 210_000, 256);
    var key =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(spec)
            .getEncoded();
    var base64 = java.util.Base64.getEncoder();
    var old =
        "pbkdf2-sha256:210000:" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    var field = Account.class.getDeclaredField("passwordHash");
    field.setAccessible(true);
    field.set(lan, old);
    assertThat(lan.hasCurrentPasswordHash()).isFalse();
    assertThat(lan.acceptsPassword("mat-khau-cu".toCharArray())).isTrue();

    assertThat(lan.rehashIfOutdated("sai-mat-khau".toCharArray())).isFalse();
    assertThat(field.get(lan)).isEqualTo(old);
    assertThat(lan.rehashIfOutdated("mat-khau-cu".toCharArray())).isTrue();

    assertThat((String) field.get(lan)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    assertThat(lan.hasCurrentPasswordHash()).isTrue();
    assertThat(lan.acceptsPassword("mat-khau-cu".toCharArray())).isTrue();
    assertThat(lan.rehashIfOutdated("mat-khau-cu".toCharArray())).isFalse();
  }

  @Test
  void newHashesAreArgon2idWithOneOfOwaspsSettings() {
    var hash = PasswordHashing.hash("mat-khau-moi".toCharArray());

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(PasswordHashing.isCurrent(hash)).isTrue();
    assertThat(PasswordHashing.matches("mat-khau-moi".toCharArray(), hash)).isTrue();
    assertThat(PasswordHashing.matches("mat-khau-moj".toCharArray(), hash)).isFalse();
    assertThat(PasswordHashing.hash("mat-khau-moi".toCharArray())).isNotEqualTo(hash);
    assertThat(PasswordHashing.isCurrent("pbkdf2-sha256:600000:AAAA:AAAA")).isFalse();
    assertThat(PasswordHashing.isCurrent("$argon2id$v=19$m=4096,t=3,p=1$AAAAAAAAAAA$AAAA"))
        .isFalse();
    assertThat(PasswordHashing.isCurrent("bcrypt:10:x:y")).isFalse();
  }

  @Test
  void verifiesHashesMadeByTheReferenceArgon2Implementation() {
    // `echo -n mat-khau-cu | argon2 hocso-salt-0001 -id -t 5 -k 7168 -p 1 -l 32 -e` (Debian's
    // argon2, the reference implementation): the same algorithm, not merely a self-consistent one.
    var reference =
        "$argon2id$v=19$m=7168,t=5,p=1$aG9jc28tc2FsdC0wMDAx$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54";

    assertThat(PasswordHashing.matches("mat-khau-cu".toCharArray(), reference)).isTrue();
    assertThat(PasswordHashing.matches("mat-khau-cu!".toCharArray(), reference)).isFalse();
  }

  @Test
  void refusesForgedOrBrokenHashesWithoutSpendingUnboundedWork() {
    for (var broken :
        new String[] {
          "$argon2id$v=19$m=4194304,t=5,p=1$aG9jc28tc2FsdC0wMDAx$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54",
          "$argon2id$v=19$m=7168,t=1000,p=1$aG9jc28tc2FsdC0wMDAx$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54",
          "$argon2id$v=19$m=7168,t=5$aG9jc28tc2FsdC0wMDAx$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54",
          "$argon2id$v=19$m=7168,t=5,p=1$%%%$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54",
          "$argon2i$v=19$m=7168,t=5,p=1$aG9jc28tc2FsdC0wMDAx$Z/Dsgg7S9+XPkQbIdfd8+BdqYzLOajmD7OEBcQv/O54",
          "pbkdf2-sha256:2000000000:AAAA:AAAA",
          ""
        }) {
      assertThat(PasswordHashing.matches("mat-khau-cu".toCharArray(), broken)).as(broken).isFalse();
    }
  }

  @Test
  void changesHerPasswordWhenSheKnowsTheCurrentOne() {
    lan.changePassword("mat-khau-cu".toCharArray(), "mat-khau-moi".toCharArray());

    assertThat(lan.acceptsPassword("mat-khau-moi".toCharArray())).isTrue();
    assertThat(lan.acceptsPassword("mat-khau-cu".toCharArray())).isFalse();
  }

  @Test
  void refusesAChangeWithAWrongCurrentPasswordOrAWeakNewOne() {
    assertThatThrownBy(() -> lan.changePassword("sai".toCharArray(), "mat-khau-moi".toCharArray()))
        .hasMessageContaining("hiện tại không đúng");
    assertThatThrownBy(() -> lan.changePassword("mat-khau-cu".toCharArray(), "ngan".toCharArray()))
        .hasMessageContaining("ít nhất 8");
    assertThatThrownBy(
            () -> lan.changePassword("mat-khau-cu".toCharArray(), "Lan.Nguyen".toCharArray()))
        .hasMessageContaining("trùng tên đăng nhập");
  }

  @Test
  void aResetCodeWorksOnceAndIgnoresSpacesAndCase() {
    var code = lan.issueResetCode(NOW);
    assertThat(code).hasSize(10).matches("[2-9A-HJKMNP-Z]+");

    var typed = code.substring(0, 5).toLowerCase() + " " + code.substring(5);
    lan.resetPassword(typed, "mat-khau-moi".toCharArray(), NOW.plusSeconds(60));

    assertThat(lan.acceptsPassword("mat-khau-moi".toCharArray())).isTrue();
    assertThatThrownBy(() -> lan.resetPassword(code, "lai-lan-nua".toCharArray(), NOW))
        .hasMessageContaining("không còn hiệu lực");
  }

  @Test
  void aResetCodeExpiresAfterADay() {
    var code = lan.issueResetCode(NOW);

    assertThatThrownBy(
            () ->
                lan.resetPassword(
                    code,
                    "mat-khau-moi".toCharArray(),
                    NOW.plus(Account.RESET_CODE_LIFETIME).plusSeconds(1)))
        .hasMessageContaining("không còn hiệu lực");
  }

  @Test
  void fiveWrongCodesEndTheCode() {
    var code = lan.issueResetCode(NOW);
    for (int i = 0; i < Account.RESET_CODE_ATTEMPTS; i++) {
      assertThatThrownBy(() -> lan.resetPassword("WRONGCODE2", "mat-khau-moi".toCharArray(), NOW))
          .hasMessageContaining("không đúng");
    }

    assertThatThrownBy(() -> lan.resetPassword(code, "mat-khau-moi".toCharArray(), NOW))
        .hasMessageContaining("quá nhiều lần");
    assertThat(lan.acceptsPassword("mat-khau-cu".toCharArray())).isTrue();
  }
}
