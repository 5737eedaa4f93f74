package vn.hocso.xapi.auth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.AuthenticationRequiredException;
import vn.hocso.xapi.storage.TestDatabases;

/** Client credentials: hashed at rest, checked, cached, updated. */
class ClientRegistryTest {

  final TestDatabases.TestDatabase database = TestDatabases.H2.create();
  final ClientRegistry registry = new ClientRegistry(database.dataSource());

  @AfterEach
  void drop() throws Exception {
    database.close();
  }

  static Optional<BasicCredentials> basic(String key, String secret) {
    return BasicCredentials.parse(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void authenticatesAClientWithItsScopesAndAuthority() {
    registry.save("lms", "bí mật", EnumSet.of(Scope.STATEMENTS_WRITE, Scope.STATE));

    var client = registry.authenticate(basic("lms", "bí mật"));

    assertThat(client.key()).isEqualTo("lms");
    assertThat(client.scopes()).containsExactlyInAnyOrder(Scope.STATEMENTS_WRITE, Scope.STATE);
    assertThat(client.authority().getJsonObject("account").getString("name")).isEqualTo("lms");
  }

  @Test
  void keepsOnlyAHashOfTheSecret() throws Exception {
    registry.save("lms", "hocso-secret", EnumSet.of(Scope.ALL));

    try (var connection = database.dataSource().getConnection();
        var rows =
            connection.createStatement().executeQuery("select secret_hash from lrs_client")) {
      rows.next();
      assertThat(rows.getString(1)).startsWith("pbkdf2-sha256$").doesNotContain("hocso-secret");
    }
  }

  @Test
  void refusesAWrongSecretAndMissingCredentials() {
    registry.save("lms", "right", EnumSet.of(Scope.ALL));

    assertThat(
            catchThrowableOfType(
                AuthenticationRequiredException.class,
                () -> registry.authenticate(basic("lms", "wrong"))))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                AuthenticationRequiredException.class,
                () -> registry.authenticate(Optional.empty())))
        .isNotNull();
  }

  @Test
  void aNewSecretReplacesTheOldOneAtOnce() {
    registry.save("lms", "old", EnumSet.of(Scope.ALL));
    registry.authenticate(basic("lms", "old")); // now remembered

    registry.save("lms", "new", EnumSet.of(Scope.ALL));

    assertThat(registry.authenticate(basic("lms", "new")).key()).isEqualTo("lms");
    assertThat(
            catchThrowableOfType(
                AuthenticationRequiredException.class,
                () -> registry.authenticate(basic("lms", "old"))))
        .isNotNull();
  }

  @Test
  void parsesOnlyWellFormedBasicCredentials() {
    assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
    assertThat(
            BasicCredentials.parse(
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))))
        .isEmpty();
    assertThat(basic("k", "s:with:colons")).contains(new BasicCredentials("k", "s:with:colons"));
  }
}
