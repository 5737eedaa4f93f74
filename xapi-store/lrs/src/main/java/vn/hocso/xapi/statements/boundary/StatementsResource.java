package vn.hocso.xapi.statements.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.auth.boundary.BasicAuthenticationFilter;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.MultipartMixed;
import vn.hocso.xapi.platform.NotFoundRejection;
import vn.hocso.xapi.platform.RequestBodies;
import vn.hocso.xapi.statements.control.StatementService;
import vn.hocso.xapi.statements.control.StoredClock;
import vn.hocso.xapi.statements.entity.StatementQuery;
import vn.hocso.xapi.statements.entity.StoredStatement;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.version.XapiVersion;

/** The Statement resource (xAPI 2.0 Part 3 §2.1; 1.0.3 §7.2). */
@Path("statements")
@RequestScoped
public class StatementsResource {

  static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

  @Inject StatementService service;
  @Inject StoredClock clock;

  @Inject
  @ConfigProperty(name = "lrs.request.max-bytes", defaultValue = "4194304")
  long maxRequestBytes;

  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /** Stores one statement under the given id; 204 (xAPI 2.0 Part 3 §2.1.1). */
  @PUT
  public Response put(InputStream body) {
    var parameters = parameters(Set.of("statementId"));
    var statementId = parameters.get("statementId");
    if (statementId == null) {
      throw new InvalidRequestException(
          "statementId",
          "statement-id-required",
          "statementId: a PUT names the statement's id (xAPI 2.0 Part 3 §2.1.1)");
    }
    requireUuid(statementId, "statementId");
    var submission = submission(body);
    service.recordWithId(
        submission.json(), submission.attachments(), statementId, version(), client());
    return Response.noContent().build();
  }

  /** Stores one statement or a batch; answers their ids (xAPI 2.0 Part 3 §2.1.2). */
  @POST
  public Response post(InputStream body) {
    parameters(Set.of());
    var submission = submission(body);
    var json = submission.json();
    List<JsonValue> statements =
        json instanceof JsonArray array ? new ArrayList<>(array) : List.of(json);
    if (statements.isEmpty()) {
      throw new InvalidRequestException(
          "statements", "batch-not-empty", "A batch must hold at least one statement");
    }
    var ids = service.record(statements, submission.attachments(), version(), client());
    var answer = vn.hocso.xapi.platform.Json.createArrayBuilder();
    ids.forEach(answer::add);
    return Response.ok(answer.build(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** One statement by id or voidedStatementId, or a query (xAPI 2.0 Part 3 §2.1.3). */
  @GET
  public Response get() {
    var query = uri.getQueryParameters();
    var client = client();
    var consistentThrough = clock.consistentThrough();
    if (query.containsKey("statementId") || query.containsKey("voidedStatementId")) {
      return single(client, consistentThrough);
    }
    var mineOnly =
        service.readsOnlyOwn(client) ? Optional.of(client.key()) : Optional.<String>empty();
    StatementQueryParameters parameters;
    if (query.containsKey("more")) {
      var values = parameters(Set.of("more"));
      parameters = StatementQueryParameters.continuing(values.get("more"), version(), mineOnly);
    } else {
      parameters = StatementQueryParameters.parse(query, version(), consistentThrough, mineOnly);
    }
    var page = service.query(parameters.query());
    var limit = parameters.query().limit();
    var shown = page.size() > limit ? page.subList(0, limit) : page;
    var languages = StatementFormat.languages(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    var body = new StringBuilder("{\"statements\":[");
    for (int i = 0; i < shown.size(); i++) {
      body.append(i == 0 ? "" : ",")
          .append(StatementFormat.apply(parameters.format(), shown.get(i).json(), languages));
    }
    var more = "";
    if (page.size() > limit) {
      var last = shown.get(shown.size() - 1);
      more =
          uri.getBaseUri().getPath()
              + "statements?more="
              + parameters.moreToken(new StatementQuery.Position(last.storedMicros(), last.id()));
    }
    body.append("],\"more\":").append(vn.hocso.xapi.platform.Json.createValue(more)).append('}');
    var lastModified =
        shown.stream().mapToLong(StoredStatement::storedMicros).max().orElse(consistentThrough);
    return answer(
            body.toString(),
            parameters.attachments(),
            shown.stream().map(StoredStatement::json).toList())
        .header(CONSISTENT_THROUGH, Timestamps.format(parameters.query().boundMicros()))
        .lastModified(Date.from(Timestamps.toInstant(lastModified)))
        .build();
  }

  private Response single(LrsClient client, long consistentThrough) {
    var values = parameters(Set.of("statementId", "voidedStatementId", "format", "attachments"));
    if (values.containsKey("statementId") == values.containsKey("voidedStatementId")) {
      throw new InvalidRequestException(
          "statementId",
          "one-statement-id",
          "Give statementId or voidedStatementId, not both (xAPI 2.0 Part 3 §2.1.3)");
    }
    var voided = values.containsKey("voidedStatementId");
    var name = voided ? "voidedStatementId" : "statementId";
    var id = values.get(name);
    requireUuid(id, name);
    var format = values.getOrDefault("format", "exact");
    if (!Set.of("exact", "ids", "canonical").contains(format)) {
      throw StatementQueryParameters.bad(
          "format", "format-known", "must be ids, exact or canonical");
    }
    var attachments = StatementQueryParameters.bool(values, "attachments");
    var statement =
        service
            .find(id, voided, client)
            .orElseThrow(
                () ->
                    new NotFoundRejection(
                        name, "No " + (voided ? "voided " : "") + "statement with id " + id));
    var languages = StatementFormat.languages(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    return answer(
            StatementFormat.apply(format, statement.json(), languages),
            attachments,
            List.of(statement.json()))
        .header(CONSISTENT_THROUGH, Timestamps.format(consistentThrough))
        .lastModified(Date.from(Timestamps.toInstant(statement.storedMicros())))
        .build();
  }

  /** The request's parameters, single-valued, all among {@code allowed}. */
  private Map<String, String> parameters(Set<String> allowed) {
    var values = new java.util.LinkedHashMap<String, String>();
    for (var entry : uri.getQueryParameters().entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw StatementQueryParameters.bad(
            entry.getKey(), "parameter-known", "is not a parameter of this request");
      }
      if (entry.getValue().size() != 1) {
        throw StatementQueryParameters.bad(
            entry.getKey(), "parameter-single", "must be given once");
      }
      values.put(entry.getKey(), entry.getValue().get(0));
    }
    return values;
  }

  /**
   * The JSON answer, or with attachments=true a multipart/mixed answer: the JSON first, then the
   * stored data of every attachment of these statements, once per hash (xAPI 2.0 Part 3 §2.1.3).
   */
  private Response.ResponseBuilder answer(
      String json, boolean attachments, List<String> statementJsons) {
    if (!attachments) {
      return Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
    }
    var parts = new ArrayList<MultipartMixed.Part>();
    parts.add(
        new MultipartMixed.Part(
            Map.of("Content-Type", "application/json"),
            json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (var attachment : service.attachmentsOf(statementJsons)) {
      var partHeaders = new java.util.LinkedHashMap<String, String>();
      partHeaders.put("Content-Type", attachment.contentType());
      partHeaders.put("Content-Transfer-Encoding", "binary");
      partHeaders.put(StatementSubmission.ATTACHMENT_HASH, attachment.sha2());
      parts.add(new MultipartMixed.Part(partHeaders, attachment.content()));
    }
    var boundary = "xapi-" + java.util.UUID.randomUUID();
    return Response.ok(
        MultipartMixed.write(boundary, parts), "multipart/mixed; boundary=" + boundary);
  }

  private StatementSubmission submission(InputStream body) {
    return StatementSubmission.read(
        headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
        RequestBodies.readBytes(body, maxRequestBytes));
  }

  private static void requireUuid(String text, String name) {
    if (!text.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      throw StatementQueryParameters.bad(name, "is-uuid", "must be a UUID");
    }
  }

  private XapiVersion version() {
    return XapiVersion.negotiate(
        headers.getHeaderString(XapiVersion.HEADER)); // checked by the filter
  }

  private LrsClient client() {
    return BasicAuthenticationFilter.clientOf(security);
  }
}
