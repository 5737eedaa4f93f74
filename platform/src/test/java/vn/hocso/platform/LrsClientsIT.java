package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credential management over REST on the running platform: the bootstrap client creates, changes
 * and deletes clients; the clients it makes get exactly their scopes; nobody else may manage.
 */
class LrsClientsIT {

  static PlatformProcess platform;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void platform() throws Exception {
    platform = SharedPlatform.get();
  }

  static String basic(String key, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  static final String ADMIN = basic(SharedPlatform.LRS_KEY, SharedPlatform.LRS_SECRET);

  HttpResponse<String> send(String method, String path, String authorization, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(platform.uri("/xapi/" + path))
            .header("Authorization", authorization)
            .header("X-Experience-API-Version", "2.0.0")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  static String statement() {
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"actor\":{\"mbox\":\"mailto:lan@hocso.example\"},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
        + "\"object\":{\"id\":\"https://hocso.vn/xapi/activities/clients-it\"}}";
  }

  @Test
  void theAdministratorMakesAReadOnlyClientThatCanReadButNotWrite() throws Exception {
    var created = send("POST", "admin/clients", ADMIN, "{\"scopes\":[\"statements/read\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var client = json(created);
    var key = client.getString("key");
    var secret = client.getString("secret");
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith(key));
    assertThat(client.getJsonArray("scopes").getString(0)).isEqualTo("statements/read");

    var reader = basic(key, secret);
    assertThat(send("GET", "statements?limit=1", reader, null).statusCode()).isEqualTo(200);
    var write = send("POST", "statements", reader, statement());
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(json(write).getString("rule")).isEqualTo("scope-statements-write");
    assertThat(send("GET", "admin/clients", reader, null).statusCode()).isEqualTo(403);

    var shown = send("GET", "admin/clients/" + key, ADMIN, null);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).doesNotContain(secret).doesNotContain("secret");
  }

  @Test
  void scopesChangeAndADeletedClientIsRefused() throws Exception {
    var key = "it-" + UUID.randomUUID();
    var secret = "a-secret-of-the-it-client";
    var put =
        send(
            "PUT",
            "admin/clients/" + key,
            ADMIN,
            "{\"scopes\":[\"statements/read\"],\"secret\":\"" + secret + "\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    var client = basic(key, secret);
    assertThat(send("POST", "statements", client, statement()).statusCode()).isEqualTo(403);

    var changed = send("PUT", "admin/clients/" + key, ADMIN, "{\"scopes\":[\"statements/write\"]}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(send("POST", "statements", client, statement()).statusCode()).isEqualTo(200);

    var listed = json(send("GET", "admin/clients?limit=500", ADMIN, null));
    assertThat(listed.getJsonArray("clients").toString()).contains(key);

    assertThat(send("DELETE", "admin/clients/" + key, ADMIN, null).statusCode()).isEqualTo(204);
    assertThat(send("POST", "statements", client, statement()).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "admin/clients/" + key, ADMIN, null).statusCode()).isEqualTo(404);
  }

  @Test
  void badRequestsNameTheProblemAndChangeNothing() throws Exception {
    var before = json(send("GET", "admin/clients", ADMIN, null)).getInt("total");

    var unknownScope = send("POST", "admin/clients", ADMIN, "{\"scopes\":[\"everything\"]}");
    assertThat(unknownScope.statusCode()).isEqualTo(400);
    assertThat(json(unknownScope).getString("field")).isEqualTo("scopes[0]");
    var shortSecret =
        send("PUT", "admin/clients/x-short", ADMIN, "{\"scopes\":[\"all\"],\"secret\":\"abc\"}");
    assertThat(shortSecret.statusCode()).isEqualTo(400);
    assertThat(json(shortSecret).getString("rule")).isEqualTo("client-secret-length");
    var noSecret = send("PUT", "admin/clients/x-new", ADMIN, "{\"scopes\":[\"all\"]}");
    assertThat(json(noSecret).getString("rule")).isEqualTo("client-secret-required");
    assertThat(send("POST", "admin/clients", ADMIN, "{\"scopes\":").statusCode()).isEqualTo(400);
    var self = send("DELETE", "admin/clients/" + SharedPlatform.LRS_KEY, ADMIN, null);
    assertThat(self.statusCode()).isEqualTo(409);
    var anonymous = send("GET", "admin/clients", basic("nobody", "nothing-at-all-here"), null);
    assertThat(anonymous.statusCode()).isEqualTo(401);

    assertThat(json(send("GET", "admin/clients", ADMIN, null)).getInt("total")).isEqualTo(before);
  }

  @Test
  void aRequestWithoutVersionIsRefusedInTheVersionItsClientSpeaks() throws Exception {
    var created =
        send("POST", "admin/clients", ADMIN, "{\"scopes\":[\"all\"],\"xapiVersion\":\"1.0.3\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).getString("xapiVersion")).isEqualTo("1.0.3");
    var legacy = basic(json(created).getString("key"), json(created).getString("secret"));

    for (var client : new String[] {legacy, ADMIN, basic("nobody", "wrong-secret-of-nobody")}) {
      var headerless =
          http.send(
              HttpRequest.newBuilder(platform.uri("/xapi/statements?limit=1"))
                  .header("Authorization", client)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(headerless.statusCode()).isEqualTo(400);
      assertThat(headerless.body()).contains("version-header-required");
      assertThat(headerless.headers().firstValue("X-Experience-API-Version"))
          .contains(client.equals(legacy) ? "1.0.3" : "2.0.0");
    }
    // A request that names its version is answered in it, whatever the client speaks.
    var named = send("GET", "statements?limit=1", legacy, null);
    assertThat(named.statusCode()).isEqualTo(200);
    assertThat(named.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");
  }
}
