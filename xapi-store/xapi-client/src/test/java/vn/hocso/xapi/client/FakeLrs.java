package vn.hocso.xapi.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted stand-in for an LRS on the JDK's HTTP server: it records each request and answers with
 * the next scripted answer (200 with an empty JSON object when none is left).
 */
final class FakeLrs implements AutoCloseable {

  record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The decoded query. */
    String query() {
      return uri.getQuery();
    }
  }

  record Answer(int status, Map<String, String> headers, String body, long delayMillis) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Function<Request, Answer>> script =
      new ConcurrentLinkedQueue<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeLrs() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          var request =
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body);
          requests.add(request);
          var scripted = script.poll();
          var answer =
              scripted == null
                  ? new Answer(200, Map.of("Content-Type", "application/json"), "{}", 0)
                  : scripted.apply(request);
          if (answer.delayMillis() > 0) {
            try {
              Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/xapi/");
  }

  FakeLrs answer(int status, String json) {
    return answer(status, Map.of("Content-Type", "application/json"), json);
  }

  FakeLrs answer(int status, Map<String, String> headers, String body) {
    script.add(request -> new Answer(status, headers, body, 0));
    return this;
  }

  FakeLrs answerLate(long delayMillis, int status, String json) {
    script.add(
        request ->
            new Answer(status, Map.of("Content-Type", "application/json"), json, delayMillis));
    return this;
  }

  /** Answers the next request with whatever {@code answer} makes of it. */
  FakeLrs answer(Function<Request, Answer> answer) {
    script.add(answer);
    return this;
  }

  /** Answers a statement POST as an LRS does: with the ids of the statements sent. */
  static Answer idsOfPostedStatements(Request request) {
    var ids = jakarta.json.Json.createArrayBuilder();
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(request.body()))) {
      reader.readArray().forEach(s -> ids.add(s.asJsonObject().getString("id")));
    }
    return new Answer(200, Map.of("Content-Type", "application/json"), ids.build().toString(), 0);
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
