package vn.hocso.xapi.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks to an LRS over the standard xAPI HTTP API. This first version reads {@code /about}; the
 * statement and document calls grow here.
 */
public final class XapiClient {

  /** The version this client speaks (xAPI 2.0 Part 3 §1.4: sent on every request). */
  public static final String VERSION = "2.0.0";

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param endpoint the LRS endpoint, e.g. {@code http://localhost:8080/xapi/}
   * @param timeout how long to wait for a connection and for each answer
   */
  public XapiClient(URI endpoint, Duration timeout) {
    var text = endpoint.toString();
    this.endpoint = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Asks the LRS which versions it speaks. */
  public About about() {
    var request =
        HttpRequest.newBuilder(endpoint.resolve("about"))
            .timeout(timeout)
            .header("X-Experience-API-Version", VERSION)
            .GET()
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new XapiException(
            "The LRS answered " + response.statusCode() + " to GET about: " + response.body());
      }
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        var versions =
            reader.readObject().getJsonArray("version").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        return new About(versions);
      }
    } catch (IOException | JsonException | ClassCastException | NullPointerException e) {
      throw new XapiException("The LRS at " + endpoint + " gave no usable About: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XapiException("Interrupted while asking the LRS at " + endpoint, e);
    }
  }
}
