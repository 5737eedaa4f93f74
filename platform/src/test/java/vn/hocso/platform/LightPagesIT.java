package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 item 6 over real HTTP: pages are gzipped and revalidated every time; every Faces resource
 * a page links carries its version and is kept a year; the gzipped bytes are the page.
 */
class LightPagesIT {

  static PlatformProcess platform;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
  }

  @Test
  void pagesAreGzippedAndRevalidatedResourcesVersionedAndKeptAYear() throws Exception {
    var plain = get("/login.xhtml", false);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().firstValue("Cache-Control")).contains("private, no-cache");

    var zipped = get("/login.xhtml", true);
    assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(zipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
    var html = new String(gunzip(zipped.body()), StandardCharsets.UTF_8);
    assertThat(html).contains("<html").contains("login:username");
    assertThat(zipped.body().length).isLessThan(plain.body().length / 2);

    var resources = new ArrayList<String>();
    var link = Pattern.compile("(?:href|src)=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"");
    var matcher = link.matcher(html);
    while (matcher.find()) {
      resources.add(matcher.group(1).replace("&amp;", "&"));
    }
    assertThat(resources).as("resources the login page links").hasSizeGreaterThanOrEqualTo(3);
    assertThat(resources).anyMatch(r -> r.contains("hocso.css"));
    for (var resource : resources) {
      assertThat(resource).as("versioned URL").contains("v=");
      var response = get(resource, true);
      assertThat(response.statusCode()).as(resource).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control"))
          .as(resource)
          .contains("public, max-age=31536000, immutable");
      if (resource.contains(".css") || resource.contains(".js")) {
        assertThat(response.headers().firstValue("Content-Encoding")).as(resource).contains("gzip");
        assertThat(gunzip(response.body())).as(resource).isNotEmpty();
      }
    }
  }

  private static HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
    var request = HttpRequest.newBuilder(platform.uri(path));
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] bytes) throws Exception {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
