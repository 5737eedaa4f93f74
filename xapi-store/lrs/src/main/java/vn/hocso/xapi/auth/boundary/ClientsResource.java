package vn.hocso.xapi.auth.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.auth.control.ClientChange;
import vn.hocso.xapi.auth.control.ClientRegistry;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.auth.entity.RegisteredClient;
import vn.hocso.xapi.auth.entity.Scope;
import vn.hocso.xapi.platform.ConflictException;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.platform.NotFoundRejection;
import vn.hocso.xapi.platform.RequestBodies;

/**
 * Credential management for the installation's administrator (a client with scope {@code
 * hocso/clients}, which the bootstrap client has). Not an xAPI resource: it needs no {@code
 * X-Experience-API-Version}. Secrets are answered once, when the LRS makes them, and never again.
 */
@Path("admin/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

  private static final Logger LOG = Logger.getLogger(ClientsResource.class.getName());
  private static final int MAX_LIMIT = 500;

  @Inject ClientRegistry registry;

  @Inject
  @ConfigProperty(name = "lrs.request.max-bytes", defaultValue = "4194304")
  long maxRequestBytes;

  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public JsonObject list(
      @QueryParam("limit") @DefaultValue("100") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    administrator();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit", "limit-range", "limit must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new InvalidRequestException("offset", "offset-range", "offset must not be negative");
    }
    var clients = Json.createArrayBuilder();
    registry.list(limit, offset).forEach(client -> clients.add(describe(client)));
    return Json.createObjectBuilder()
        .add("clients", clients)
        .add("total", registry.count())
        .add("limit", limit)
        .add("offset", offset)
        .build();
  }

  @GET
  @Path("{key}")
  public JsonObject get(@PathParam("key") String key) {
    administrator();
    return describe(existing(key));
  }

  /** Creates a client with a key and secret made by the LRS, answered once. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(InputStream body) {
    var admin = administrator();
    var change = ClientChange.read(RequestBodies.parseJson(read(body)));
    var key = ClientChange.newKey();
    var secret = change.secret().orElseGet(ClientChange::newSecret);
    registry.save(key, secret, change.scopes(), change.speaks());
    LOG.info(() -> "LRS client " + key + " created by " + admin.key());
    var created = registry.find(key).orElseThrow();
    return Response.created(uri.getAbsolutePathBuilder().path(key).build())
        .entity(Json.createObjectBuilder(describe(created)).add("secret", secret).build())
        .build();
  }

  /**
   * Creates the client with this key (a secret is then required) or changes its scopes and, if
   * given, its secret.
   */
  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("key") String key, InputStream body) {
    var admin = administrator();
    ClientChange.checkKey(key);
    var change = ClientChange.read(RequestBodies.parseJson(read(body)));
    if (key.equals(admin.key()) && !change.scopes().contains(Scope.MANAGE_CLIENTS)) {
      throw new ConflictException(
          "scopes",
          "client-keep-own-management",
          "A client cannot take hocso/clients from itself: nobody could manage clients after");
    }
    if (registry.update(key, change.secret(), change.scopes(), change.speaks())) {
      LOG.info(() -> "LRS client " + key + " changed by " + admin.key());
      return Response.ok(describe(existing(key))).build();
    }
    var secret =
        change
            .secret()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "secret",
                        "client-secret-required",
                        "A new client needs a secret (or POST to have the LRS make one)"));
    registry.save(key, secret, change.scopes(), change.speaks());
    LOG.info(() -> "LRS client " + key + " created by " + admin.key());
    return Response.created(uri.getAbsolutePath()).entity(describe(existing(key))).build();
  }

  @DELETE
  @Path("{key}")
  public Response delete(@PathParam("key") String key) {
    var admin = administrator();
    if (key.equals(admin.key())) {
      throw new ConflictException(
          null, "client-delete-self", "A client cannot delete itself; use another administrator");
    }
    if (!registry.delete(key)) {
      throw unknown(key);
    }
    LOG.info(() -> "LRS client " + key + " deleted by " + admin.key());
    return Response.noContent().build();
  }

  private LrsClient administrator() {
    var client = BasicAuthenticationFilter.clientOf(security);
    client.requireClientManagement();
    return client;
  }

  private RegisteredClient existing(String key) {
    return registry.find(key).orElseThrow(() -> unknown(key));
  }

  private static NotFoundRejection unknown(String key) {
    return new NotFoundRejection("key", "No LRS client has the key " + key);
  }

  private String read(InputStream body) {
    return RequestBodies.read(body, maxRequestBytes);
  }

  private static JsonObject describe(RegisteredClient client) {
    var scopes = Json.createArrayBuilder();
    client.scopes().stream().map(Scope::text).sorted().forEach(scopes::add);
    return Json.createObjectBuilder()
        .add("key", client.key())
        .add("scopes", scopes)
        .add("authority", client.authority())
        .add("xapiVersion", client.speaks().text())
        .add(
            "updated",
            Instant.EPOCH.plusNanos(Math.multiplyExact(client.updatedMicros(), 1000L)).toString())
        .build();
  }
}
