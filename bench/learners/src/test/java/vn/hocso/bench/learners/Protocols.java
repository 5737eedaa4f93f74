package vn.hocso.bench.learners;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The same HTTP settings for the learners and the baseline: a phone browser's headers, gzip. */
final class Protocols {

  private Protocols() {}

  static HttpProtocolBuilder http(Settings settings) {
    return http.baseUrl(settings.baseUrl())
        .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .acceptEncodingHeader("gzip")
        .acceptLanguageHeader("vi-VN,vi;q=0.9")
        .userAgentHeader("Mozilla/5.0 (Linux; Android 13) Gatling learner")
        .disableCaching();
  }
}
