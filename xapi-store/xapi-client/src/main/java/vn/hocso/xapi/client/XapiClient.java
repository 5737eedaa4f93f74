package vn.hocso.xapi.client;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import vn.hocso.xapi.client.model.Activity;
import vn.hocso.xapi.client.model.Agent;
import vn.hocso.xapi.client.model.InvalidStatementException;
import vn.hocso.xapi.client.model.Person;
import vn.hocso.xapi.client.model.Statement;
import vn.hocso.xapi.client.model.Timestamps;
import vn.hocso.xapi.client.model.XapiJson;

/**
 * Talks to an LRS over the standard xAPI HTTP API (xAPI 2.0 Part 3): statements, state and profile
 * documents, activities, agents, About. Thread-safe; make one per LRS and share it.
 *
 * <p>Every statement is given its id here before the first attempt (unless it has one), so a
 * statement sent twice — after a timeout, by the retry policy, or from a caller's durable queue —
 * is stored once: the LRS accepts an identical statement under a known id and answers 409 only for
 * a different one. That makes statement PUT and POST safe to retry, like GET, PUT and DELETE.
 *
 * <p>Failures are typed: {@link XapiUnavailableException} (retry later), {@link
 * XapiRejectedException} and its {@link XapiConflictException} / {@link
 * XapiPreconditionFailedException} (do not retry unchanged), and {@link XapiException} for an
 * answer this client cannot read.
 */
public final class XapiClient {

  /** The version this client speaks (xAPI 2.0 Part 3 §1.4: sent on every request). */
  public static final String VERSION = "2.0.0";

  private static final String VERSION_HEADER = "X-Experience-API-Version";

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private final String authorization;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  /**
   * A client without credentials and without retries, enough to read {@code /about}.
   *
   * @param endpoint the LRS endpoint, e.g. {@code http://localhost:8080/xapi/}
   * @param timeout how long to wait for a connection and for each answer
   */
  public XapiClient(URI endpoint, Duration timeout) {
    this(builder(endpoint).timeout(timeout).retryPolicy(RetryPolicy.none()));
  }

  private XapiClient(Builder b) {
    var text = b.endpoint.toString();
    this.endpoint = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = b.timeout;
    this.http = b.http != null ? b.http : defaultHttpClient(this.endpoint, b.timeout);
    this.authorization = b.authorization;
    this.retry = b.retry;
    this.sleeper = b.sleeper;
  }

  /**
   * HTTP/2 over TLS (negotiated by ALPN), HTTP/1.1 over plain http. The JDK client's default for
   * plain http is an h2c upgrade, after which every request shares one HTTP/2 connection: under
   * load (bench/run-learners.sh) the LMS's threads waited on that connection's frame lock, and a
   * request given up mid-body reset its stream, which Payara's LRS logged as "EOFException: Reset
   * by peer". Over HTTP/1.1 the client keeps a pool of connections instead.
   */
  private static HttpClient defaultHttpClient(URI endpoint, Duration timeout) {
    var version =
        "https".equalsIgnoreCase(endpoint.getScheme())
            ? HttpClient.Version.HTTP_2
            : HttpClient.Version.HTTP_1_1;
    return HttpClient.newBuilder().version(version).connectTimeout(timeout).build();
  }

  /** Starts a client for the LRS at this endpoint, e.g. {@code http://localhost:8080/xapi/}. */
  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  public URI endpoint() {
    return endpoint;
  }

  // --- About ---------------------------------------------------------------------------------

  /** Asks the LRS which versions it speaks (xAPI 2.0 Part 3 §2.8). */
  public About about() {
    var response = send("GET about", request(endpoint.resolve("about")).GET(), true);
    try {
      var versions =
          parse(response, "GET about")
              .asJsonObject()
              .getJsonArray("version")
              .getValuesAs(JsonString.class)
              .stream()
              .map(JsonString::getString)
              .toList();
      return new About(versions);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new XapiException("The LRS at " + endpoint + " gave no usable About: " + e, e);
    }
  }

  // --- Statements ----------------------------------------------------------------------------

  /**
   * Stores one statement under its id with PUT (xAPI 2.0 Part 3 §2.1.1), giving it a new id first
   * if it has none.
   *
   * @return the id it is stored under
   */
  public UUID putStatement(Statement statement) {
    var identified = statement.identified();
    var id = identified.id();
    var request =
        request(uri("statements", Map.of("statementId", id.toString())))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(identified.toJsonString()));
    send("PUT statement " + id, request, true);
    return id;
  }

  /** Stores one statement with POST (xAPI 2.0 Part 3 §2.1.2); see {@link #postStatements}. */
  public UUID postStatement(Statement statement) {
    return postStatements(List.of(statement)).get(0);
  }

  /**
   * Stores a batch in one request (xAPI 2.0 Part 3 §2.1.2): all or none. Statements without an id
   * get one first, so the call is retried safely.
   *
   * @return the ids, in the order of the batch
   */
  public List<UUID> postStatements(List<Statement> statements) {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("A batch holds at least one statement");
    }
    var identified = statements.stream().map(Statement::identified).toList();
    var body = json().createArrayBuilder();
    identified.forEach(s -> body.add(s.toJson()));
    var what = "POST statements (" + identified.size() + ")";
    var response =
        send(
            what,
            request(endpoint.resolve("statements"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())),
            true);
    try {
      var ids = parse(response, what).asJsonArray().getValuesAs(JsonString.class);
      if (ids.size() != identified.size()) {
        throw new XapiException(
            "The LRS answered " + ids.size() + " ids for " + identified.size() + " statements");
      }
      return ids.stream().map(s -> UUID.fromString(s.getString())).toList();
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new XapiException("The LRS answered " + what + " with no list of ids: " + e, e);
    }
  }

  /**
   * Stores statements with the data of their attachments in one multipart/mixed request (xAPI 2.0
   * Part 3 §1.5.2): the statements first, then each content once, as binary with its hash. Each
   * content must be described by an attachment of the statements (see {@link
   * AttachmentContent#describedAs}); attachments with a fileUrl need none.
   *
   * @return the ids, in the order of the batch
   */
  public List<UUID> postStatements(List<Statement> statements, List<AttachmentContent> contents) {
    if (contents.isEmpty()) {
      return postStatements(statements);
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("A batch holds at least one statement");
    }
    var identified = statements.stream().map(Statement::identified).toList();
    var declared = new java.util.HashSet<String>();
    identified.forEach(s -> s.attachments().forEach(a -> declared.add(a.sha2().toLowerCase())));
    var json = json().createArrayBuilder();
    identified.forEach(s -> json.add(s.toJson()));
    var boundary = "hocso-" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json.build() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    var sent = new java.util.HashSet<String>();
    for (var content : contents) {
      var sha2 = content.sha2();
      if (!declared.contains(sha2)) {
        throw new IllegalArgumentException(
            "No attachment of these statements has the sha2 " + sha2 + " of " + content);
      }
      if (!sent.add(sha2)) {
        continue; // the same data once, however many attachments share it
      }
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Type: "
                  + content.contentType()
                  + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                  + sha2
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    var what = "POST statements with attachments (" + identified.size() + ")";
    var response =
        send(
            what,
            request(endpoint.resolve("statements"))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            true);
    try {
      return parse(response, what).asJsonArray().getValuesAs(JsonString.class).stream()
          .map(s -> UUID.fromString(s.getString()))
          .toList();
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new XapiException("The LRS answered " + what + " with no list of ids: " + e, e);
    }
  }

  /**
   * The data the LRS keeps for the attachments of the statement with this id, by sha2 (GET with
   * attachments=true, xAPI 2.0 Part 3 §2.1.3); empty if the statement is unknown or voided.
   */
  public Map<String, AttachmentContent> getAttachments(UUID statementId) {
    var what = "GET statement attachments " + statementId;
    var response =
        send(
            what,
            request(
                    uri(
                        "statements",
                        Map.of("statementId", statementId.toString(), "attachments", "true")))
                .GET(),
            true,
            404);
    var found = new java.util.LinkedHashMap<String, AttachmentContent>();
    if (response.statusCode() == 404) {
      return found;
    }
    var type = response.headers().firstValue("Content-Type").orElse("");
    var at = type.indexOf("boundary=");
    if (!type.startsWith("multipart/mixed") || at < 0) {
      throw new XapiException("The LRS answered " + what + " with " + type + ", not multipart");
    }
    var boundary = type.substring(at + "boundary=".length()).split(";")[0].replace("\"", "");
    var parts = MultipartParts.parse(response.body(), boundary);
    for (int i = 1; i < parts.size(); i++) {
      var part = parts.get(i);
      found.put(
          part.headers().getOrDefault("x-experience-api-hash", ""),
          new AttachmentContent(
              part.headers().getOrDefault("content-type", "application/octet-stream"),
              part.body()));
    }
    return found;
  }

  /** The statement with this id, unless it is unknown or voided (xAPI 2.0 Part 3 §2.1.3). */
  public Optional<Statement> getStatement(UUID id) {
    return single("statementId", id);
  }

  /** The voided statement with this id (xAPI 2.0 Part 3 §2.1.3, voidedStatementId). */
  public Optional<Statement> getVoidedStatement(UUID id) {
    return single("voidedStatementId", id);
  }

  private Optional<Statement> single(String parameter, UUID id) {
    var what = "GET statement " + parameter + "=" + id;
    var response =
        send(what, request(uri("statements", Map.of(parameter, id.toString()))).GET(), true, 404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(statement(parse(response, what), what));
  }

  /** The first page of a query (xAPI 2.0 Part 3 §2.1.3). */
  public StatementPage queryStatements(StatementQuery query) {
    return page(uri("statements", query.parameters()), "GET statements " + query.parameters());
  }

  /**
   * The page after this one.
   *
   * @throws NoSuchElementException when it was the last
   */
  public StatementPage nextPage(StatementPage page) {
    if (!page.hasMore()) {
      throw new NoSuchElementException("This was the last page");
    }
    return more(page.more());
  }

  /** The page a {@code more} link names; relative links are resolved against the endpoint. */
  public StatementPage more(String more) {
    return page(endpoint.resolve(more), "GET more");
  }

  /**
   * Every statement the query matches, fetching page after page as the stream is read. Each page is
   * one request; close or stop reading the stream to stop.
   */
  public Stream<Statement> streamStatements(StatementQuery query) {
    var pages =
        new Iterator<Statement>() {
          StatementPage page = queryStatements(query);
          int next = 0;

          @Override
          public boolean hasNext() {
            while (next >= page.statements().size() && page.hasMore()) {
              page = nextPage(page);
              next = 0;
            }
            return next < page.statements().size();
          }

          @Override
          public Statement next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return page.statements().get(next++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private StatementPage page(URI uri, String what) {
    var response = send(what, request(uri).GET(), true);
    try {
      var result = parse(response, what).asJsonObject();
      var statements = new ArrayList<Statement>();
      for (var value : result.getJsonArray("statements")) {
        statements.add(statement(value, what));
      }
      var more = result.containsKey("more") ? result.getString("more") : "";
      var consistentThrough =
          response
              .headers()
              .firstValue("X-Experience-API-Consistent-Through")
              .map(XapiClient::timestampOrNull)
              .orElse(null);
      return new StatementPage(statements, more, consistentThrough);
    } catch (ClassCastException | NullPointerException e) {
      throw new XapiException("The LRS answered " + what + " with no StatementResult: " + e, e);
    }
  }

  private static Statement statement(JsonValue value, String what) {
    try {
      return Statement.fromJson(value.asJsonObject());
    } catch (InvalidStatementException | ClassCastException e) {
      throw new XapiException(
          "The LRS answered " + what + " with an unreadable statement: " + e, e);
    }
  }

  // --- Activities and Agents ---------------------------------------------------------------

  /**
   * The LRS's canonical definition of an activity (xAPI 2.0 Part 3 §2.5); an activity it knows
   * nothing of comes back with its id only.
   */
  public Activity getActivity(String activityId) {
    var what = "GET activities";
    var response =
        send(what, request(uri("activities", Map.of("activityId", activityId))).GET(), true);
    try {
      return XapiJson.readActivity(parse(response, what).asJsonObject());
    } catch (InvalidStatementException | ClassCastException e) {
      throw new XapiException("The LRS answered " + what + " with no Activity: " + e, e);
    }
  }

  /** Everything the LRS knows identifies the person behind this agent (xAPI 2.0 Part 3 §2.4). */
  public Person getPerson(Agent agent) {
    var what = "GET agents";
    var response =
        send(
            what,
            request(uri("agents", Map.of("agent", XapiJson.write(agent).toString()))).GET(),
            true);
    try {
      return XapiJson.readPerson(parse(response, what).asJsonObject());
    } catch (InvalidStatementException | ClassCastException e) {
      throw new XapiException("The LRS answered " + what + " with no Person: " + e, e);
    }
  }

  // --- Documents -----------------------------------------------------------------------------

  /**
   * One state or profile document with its ETag (xAPI 2.0 Part 3 §2.3–2.6), or empty when there is
   * none.
   */
  public Optional<Document> getDocument(DocumentAddress address) {
    requireSingle(address);
    var what = "GET " + address.resource();
    var response =
        send(what, request(uri(address.resource(), address.parameters())).GET(), true, 404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    var headers = response.headers();
    return Optional.of(
        new Document(
            response.body(),
            headers.firstValue("Content-Type").orElse("application/octet-stream"),
            headers.firstValue("ETag").orElse(null),
            headers.firstValue("Last-Modified").map(XapiClient::httpDate).orElse(null)));
  }

  /**
   * Replaces a document (PUT). A lost answer retried after success fails its own precondition: on
   * {@link XapiPreconditionFailedException} after a retry, read the document again.
   *
   * @return the new ETag when the LRS gives one
   */
  public Optional<String> putDocument(
      DocumentAddress address, Document document, Precondition precondition) {
    requireSingle(address);
    return write("PUT", address, document, precondition);
  }

  /**
   * Merges a JSON object into a JSON document, property by property (POST, xAPI 2.0 Part 3 §3.2).
   */
  public Optional<String> postDocument(
      DocumentAddress address, JsonObject json, Precondition precondition) {
    requireSingle(address);
    return write("POST", address, Document.json(json), precondition);
  }

  /** Deletes a document (DELETE); deleting one that is not there succeeds. */
  public void deleteDocument(DocumentAddress address, Precondition precondition) {
    requireSingle(address);
    var request = request(uri(address.resource(), address.parameters())).DELETE();
    withPrecondition(request, precondition);
    send("DELETE " + address.resource(), request, true, 404);
  }

  /**
   * The ids of the documents in a collection (an address without its id), optionally only those
   * changed after {@code since} (xAPI 2.0 Part 3 §2.3–2.6, multiple document GET).
   */
  public List<String> documentIds(DocumentAddress collection, Instant since) {
    if (collection.isSingle()) {
      throw new IllegalArgumentException("Give the collection: an address without its id");
    }
    var parameters = new java.util.LinkedHashMap<>(collection.parameters());
    if (since != null) {
      parameters.put("since", Timestamps.format(since));
    }
    var what = "GET " + collection.resource() + " ids";
    var response = send(what, request(uri(collection.resource(), parameters)).GET(), true);
    try {
      return parse(response, what).asJsonArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    } catch (ClassCastException e) {
      throw new XapiException("The LRS answered " + what + " with no list of ids", e);
    }
  }

  private Optional<String> write(
      String method, DocumentAddress address, Document document, Precondition precondition) {
    var request =
        request(uri(address.resource(), address.parameters()))
            .header("Content-Type", document.contentType())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(document.content()));
    withPrecondition(request, precondition);
    var response = send(method + " " + address.resource(), request, true);
    return response.headers().firstValue("ETag");
  }

  private static void withPrecondition(HttpRequest.Builder request, Precondition precondition) {
    if (precondition.header() != null) {
      request.header(precondition.header(), precondition.value());
    }
  }

  private static void requireSingle(DocumentAddress address) {
    if (!address.isSingle()) {
      throw new IllegalArgumentException("Name the document: " + address.idName() + " is missing");
    }
  }

  private static Instant timestampOrNull(String text) {
    try {
      return Timestamps.parse(text);
    } catch (InvalidStatementException e) {
      return null;
    }
  }

  private static Instant httpDate(String text) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private HttpRequest.Builder request(URI uri) {
    var request = HttpRequest.newBuilder(uri).timeout(timeout).header(VERSION_HEADER, VERSION);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private URI uri(String resource, Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return endpoint.resolve(resource);
    }
    var query =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return endpoint.resolve(resource + "?" + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends a request, retrying what the policy allows, and answers a 2xx or one of {@code passing};
   * any other answer becomes the matching exception.
   */
  private HttpResponse<byte[]> send(
      String what, HttpRequest.Builder builder, boolean idempotent, int... passing) {
    var request = builder.build();
    int attempt = 0;
    while (true) {
      attempt++;
      XapiException failure;
      Duration retryAfter = null;
      try {
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        var status = response.statusCode();
        if (status / 100 == 2 || contains(passing, status)) {
          return response;
        }
        failure = failure(what, response);
        retryAfter = retryAfter(response);
      } catch (HttpTimeoutException e) {
        failure =
            new XapiUnavailableException(
                "The LRS at " + endpoint + " did not answer " + what + " within " + timeout, e);
      } catch (ConnectException e) {
        failure =
            new XapiUnavailableException(
                "The LRS at " + endpoint + " cannot be reached for " + what + ": " + e, e);
      } catch (IOException e) {
        failure =
            new XapiUnavailableException(
                "The connection to the LRS at " + endpoint + " failed during " + what + ": " + e,
                e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new XapiException("Interrupted during " + what, e);
      }
      if (!idempotent || !failure.retryable() || attempt >= retry.maxAttempts()) {
        throw failure;
      }
      try {
        sleeper.sleep(retry.delayAfter(attempt, retryAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  private static boolean contains(int[] values, int value) {
    for (var v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** The typed exception for a non-2xx answer. */
  private XapiException failure(String what, HttpResponse<byte[]> response) {
    var status = response.statusCode();
    var body = new String(response.body(), StandardCharsets.UTF_8);
    String error = body.isBlank() ? "(no message)" : abbreviate(body);
    String field = null;
    String rule = null;
    try (var reader = json().createReader(new StringReader(body))) {
      var json = reader.readObject();
      if (json.get("error") instanceof JsonString message) {
        error = message.getString();
      }
      if (json.get("field") instanceof JsonString f) {
        field = f.getString();
      }
      if (json.get("rule") instanceof JsonString r) {
        rule = r.getString();
      }
    } catch (JsonException | ClassCastException | IllegalStateException e) {
      // not our LRS's JSON error body: keep the text
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new XapiUnavailableException(
          status,
          "The LRS at " + endpoint + " answered " + what + " with " + status + ": " + error);
    }
    if (status == 409) {
      return new XapiConflictException(error, field, rule, what);
    }
    if (status == 401 || status == 403) {
      return new XapiAccessDeniedException(status, error, field, rule, what);
    }
    if (status == 412) {
      return new XapiPreconditionFailedException(error, field, rule, what);
    }
    if (status >= 400) {
      return new XapiRejectedException(status, error, field, rule, what);
    }
    return new XapiException("The LRS answered " + what + " with " + status + ": " + error);
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .orElse(null);
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }

  private JsonValue parse(HttpResponse<byte[]> response, String what) {
    try (var reader =
        json()
            .createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new XapiException("The LRS answered " + what + " with no valid JSON: " + e, e);
    }
  }

  private static JsonProvider json() {
    return JsonHolder.PROVIDER;
  }

  private static final class JsonHolder {
    static final JsonProvider PROVIDER = JsonProvider.provider();
  }

  /** Configures a {@link XapiClient}. */
  public static final class Builder {
    private final URI endpoint;
    private Duration timeout = Duration.ofSeconds(10);
    private String authorization;
    private RetryPolicy retry = RetryPolicy.defaults();
    private HttpClient http;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
    }

    /** HTTP Basic credentials: the LRS client's key and secret (xAPI 2.0 Part 3 §4). */
    public Builder basicAuth(String key, String secret) {
      this.authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** How long to wait to connect and for each answer; 10 s unless set. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** Retries of idempotent calls; {@link RetryPolicy#defaults()} unless set. */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /** The JDK client to use (proxy, executor, TLS); by default one made for this client. */
    public Builder httpClient(HttpClient http) {
      this.http = http;
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public XapiClient build() {
      return new XapiClient(this);
    }
  }
}
