package vn.hocso.xapi.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal LRS statements query in this JVM, for what our real LRS never does: several statements
 * with one stored time, a statement that becomes visible after a later-stored one, an approximate
 * or missing X-Experience-API-Consistent-Through. Answers {@code GET statements} with {@code since}
 * (exclusive), {@code ascending=true}, {@code limit} and {@code more}, as xAPI 2.0 Part 3 §2.1.3
 * describes.
 */
final class QueryLrs implements AutoCloseable {

  private final HttpServer server;
  private final List<String[]> visible = new ArrayList<>(); // {id, stored, actor}
  private volatile Instant consistentThrough;
  final AtomicInteger queries = new AtomicInteger();

  QueryLrs() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/xapi/statements", this::statements);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/xapi/");
  }

  /** Makes a statement visible to queries. */
  synchronized UUID add(String actorMbox, Instant stored) {
    var id = UUID.randomUUID();
    visible.add(new String[] {id.toString(), stored.toString(), actorMbox});
    return id;
  }

  /** What the header says from now on; null leaves it out. */
  void consistentThrough(Instant instant) {
    consistentThrough = instant;
  }

  private void statements(HttpExchange exchange) throws IOException {
    queries.incrementAndGet();
    var parameters = parameters(exchange.getRequestURI().getRawQuery());
    Instant since = Instant.parse(parameters.get("since"));
    int limit = Integer.parseInt(parameters.get("limit"));
    int offset = Integer.parseInt(parameters.getOrDefault("offset", "0"));
    List<String[]> matching;
    synchronized (this) {
      matching =
          visible.stream()
              .filter(s -> Instant.parse(s[1]).isAfter(since))
              .sorted(Comparator.comparing((String[] s) -> Instant.parse(s[1])))
              .toList();
    }
    var page =
        matching.subList(
            Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
    var body = new StringBuilder("{\"statements\":[");
    for (int i = 0; i < page.size(); i++) {
      var s = page.get(i);
      body.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(s[0])
          .append("\",\"actor\":{\"mbox\":\"")
          .append(s[2])
          .append("\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},")
          .append("\"object\":{\"id\":\"https://hocso.vn/bai/1\"},\"stored\":\"")
          .append(s[1])
          .append("\",\"timestamp\":\"")
          .append(s[1])
          .append("\"}");
    }
    body.append("],\"more\":\"");
    if (offset + limit < matching.size()) {
      body.append("statements?since=")
          .append(since)
          .append("&limit=")
          .append(limit)
          .append("&offset=")
          .append(offset + limit);
    }
    body.append("\"}");
    var bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Experience-API-Version", "2.0.0");
    if (consistentThrough != null) {
      exchange
          .getResponseHeaders()
          .add("X-Experience-API-Consistent-Through", consistentThrough.toString());
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parameters(String query) {
    var map = new HashMap<String, String>();
    for (var pair : query.split("&")) {
      var equals = pair.indexOf('=');
      map.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return map;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
