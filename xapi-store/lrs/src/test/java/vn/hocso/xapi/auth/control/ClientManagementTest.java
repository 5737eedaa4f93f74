package vn.hocso.xapi.auth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.xapi.auth.entity.RegisteredClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.AuthenticationRequiredException;
import vn.hocso.xapi.storage.TestDatabases;
import vn.hocso.xapi.version.XapiVersion;

/** Listing, changing and deleting clients, on H2 and MariaDB through the same SQL. */
class ClientManagementTest {

  static Optional<BasicCredentials> basic(String key, String secret) {
    return BasicCredentials.parse(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void listsClientsByKeyWithoutSecrets(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      var registry = new ClientRegistry(database.dataSource());
      registry.save("b-lms", "secret-of-the-lms", EnumSet.of(Scope.STATEMENTS_WRITE));
      registry.save("a-app", "secret-of-the-app", EnumSet.of(Scope.STATE, Scope.PROFILE));
      registry.save("c-cts", "secret-of-the-cts", EnumSet.of(Scope.ALL));

      assertThat(registry.count()).isEqualTo(3);
      assertThat(registry.list(2, 0))
          .extracting(RegisteredClient::key)
          .containsExactly("a-app", "b-lms");
      assertThat(registry.list(2, 2)).extracting(RegisteredClient::key).containsExactly("c-cts");
      var app = registry.find("a-app").orElseThrow();
      assertThat(app.scopes()).containsExactlyInAnyOrder(Scope.STATE, Scope.PROFILE);
      assertThat(app.authority().getJsonObject("account").getString("name")).isEqualTo("a-app");
      assertThat(registry.find("nobody")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void changesScopesKeepingTheSecretUnlessANewOneIsGiven(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      var registry = new ClientRegistry(database.dataSource());
      registry.save("lms", "first-secret-long", EnumSet.of(Scope.STATEMENTS_WRITE));
      registry.authenticate(basic("lms", "first-secret-long")); // remembered

      assertThat(registry.update("lms", Optional.empty(), EnumSet.of(Scope.ALL_READ))).isTrue();
      assertThat(registry.authenticate(basic("lms", "first-secret-long")).scopes())
          .containsExactly(Scope.ALL_READ);

      assertThat(registry.update("lms", Optional.of("second-secret-long"), EnumSet.of(Scope.ALL)))
          .isTrue();
      assertThat(registry.authenticate(basic("lms", "second-secret-long")).scopes())
          .containsExactly(Scope.ALL);
      assertThat(
              catchThrowableOfType(
                  AuthenticationRequiredException.class,
                  () -> registry.authenticate(basic("lms", "first-secret-long"))))
          .isNotNull();

      assertThat(registry.update("nobody", Optional.empty(), EnumSet.of(Scope.ALL))).isFalse();
      assertThat(registry.find("nobody")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void keepsTheVersionAClientSpeaksUntilItIsChanged(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      var registry = new ClientRegistry(database.dataSource());
      registry.save("new", "secret-of-the-new", EnumSet.of(Scope.ALL));
      registry.save(
          "old", "secret-of-the-old", EnumSet.of(Scope.ALL), Optional.of(XapiVersion.V1_0_3));

      assertThat(registry.find("new").orElseThrow().speaks()).isEqualTo(XapiVersion.V2_0_0);
      assertThat(registry.authenticate(basic("old", "secret-of-the-old")).speaks())
          .isEqualTo(XapiVersion.V1_0_3);

      registry.update("old", Optional.empty(), EnumSet.of(Scope.STATEMENTS_READ));
      assertThat(registry.find("old").orElseThrow().speaks()).isEqualTo(XapiVersion.V1_0_3);
      registry.update(
          "old", Optional.empty(), EnumSet.of(Scope.ALL), Optional.of(XapiVersion.V2_0_0));
      assertThat(registry.authenticate(basic("old", "secret-of-the-old")).speaks())
          .isEqualTo(XapiVersion.V2_0_0);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aDeletedClientIsRefusedAtOnce(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      var registry = new ClientRegistry(database.dataSource());
      registry.save("lms", "the-lms-secret-1", EnumSet.of(Scope.ALL));
      registry.authenticate(basic("lms", "the-lms-secret-1")); // remembered

      assertThat(registry.delete("lms")).isTrue();

      assertThat(
              catchThrowableOfType(
                  AuthenticationRequiredException.class,
                  () -> registry.authenticate(basic("lms", "the-lms-secret-1"))))
          .isNotNull();
      assertThat(registry.delete("lms")).isFalse();
    }
  }
}
