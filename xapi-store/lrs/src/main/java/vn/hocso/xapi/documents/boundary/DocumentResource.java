package vn.hocso.xapi.documents.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.xapi.auth.boundary.BasicAuthenticationFilter;
import vn.hocso.xapi.auth.entity.LrsClient;
import vn.hocso.xapi.documents.control.DocumentService;
import vn.hocso.xapi.documents.entity.DocumentContext;
import vn.hocso.xapi.documents.entity.DocumentKind;
import vn.hocso.xapi.documents.entity.Preconditions;
import vn.hocso.xapi.platform.InvalidRequestException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.platform.NotFoundRejection;
import vn.hocso.xapi.platform.RequestBodies;
import vn.hocso.xapi.statements.entity.Timestamps;
import vn.hocso.xapi.version.XapiVersion;

/**
 * What the three document resources share (xAPI 2.0 Part 3 §2.2): GET of one document (with ETag
 * and Last-Modified) or of the ids, PUT, POST (JSON merge), DELETE of one or all; HEAD is GET
 * without the body (JAX-RS answers it from the GET method). Subclasses say which parameters name
 * the context and which scope guards it.
 */
public abstract class DocumentResource {

  @Inject DocumentService service;

  @Inject
  @ConfigProperty(name = "lrs.request.max-bytes", defaultValue = "4194304")
  long maxRequestBytes;

  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  protected abstract DocumentKind kind();

  /** The parameters that name the context (besides the document id and since). */
  protected abstract Set<String> contextParameters();

  protected abstract DocumentContext context(DocumentParameters parameters);

  protected abstract void authorize(LrsClient client, boolean write);

  /** The section of the specification this resource implements, for error messages. */
  protected abstract String section();

  /** One document, or the ids of the context's documents (changed after since, if given). */
  @GET
  public Response get() {
    var parameters = parameters(true);
    var context = context(parameters);
    var id = parameters.optional(kind().idParameter());
    if (id.isPresent()) {
      var document =
          service
              .find(context, id.get())
              .orElseThrow(
                  () ->
                      new NotFoundRejection(
                          kind().idParameter(), "No document with this id (" + section() + ")"));
      return Response.ok(document.content())
          .header(HttpHeaders.CONTENT_TYPE, document.contentType())
          .tag(document.etag())
          .lastModified(Date.from(Timestamps.toInstant(document.updatedMicros())))
          .build();
    }
    var ids = Json.createArrayBuilder();
    service.ids(context, parameters.since()).forEach(ids::add);
    return Response.ok(ids.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Stores the document, replacing any (§2.2). */
  @PUT
  public Response put(InputStream body) {
    var parameters = parameters(false);
    var context = context(parameters);
    var id = parameters.required(kind().idParameter());
    service.put(context, id, read(body), contentType(), preconditions(), version());
    return Response.noContent().build();
  }

  /** Merges a JSON object into the document, or stores it (§2.2). */
  @POST
  public Response post(InputStream body) {
    var parameters = parameters(false);
    var context = context(parameters);
    var id = parameters.required(kind().idParameter());
    service.post(context, id, read(body), contentType(), preconditions());
    return Response.noContent().build();
  }

  /**
   * Deletes one document, or all of the context's (State only: profiles are deleted one by one).
   */
  @DELETE
  public Response delete() {
    var parameters = parameters(false);
    var context = context(parameters);
    var id = parameters.optional(kind().idParameter());
    if (id.isPresent()) {
      service.delete(context, id.get(), preconditions());
    } else if (kind() == DocumentKind.STATE) {
      service.deleteAll(context);
    } else {
      parameters.required(kind().idParameter());
    }
    return Response.noContent().build();
  }

  private DocumentParameters parameters(boolean read) {
    var client = BasicAuthenticationFilter.clientOf(security);
    var allowed = new HashSet<>(contextParameters());
    allowed.add(kind().idParameter());
    if (read) {
      allowed.add("since");
    }
    var parameters =
        DocumentParameters.read(uri.getQueryParameters(), allowed, version(), section());
    authorize(client, !read);
    return parameters;
  }

  private byte[] read(InputStream body) {
    return RequestBodies.readBytes(body, maxRequestBytes);
  }

  /** The Content-Type the document came with, kept and answered unchanged. */
  private String contentType() {
    var type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (type == null || type.isBlank()) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
    try {
      MediaType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          HttpHeaders.CONTENT_TYPE, "content-type-valid", "Content-Type is not a media type");
    }
    if (type.length() > 255) {
      throw new InvalidRequestException(
          HttpHeaders.CONTENT_TYPE, "content-type-length", "Content-Type is over 255 characters");
    }
    return type.trim();
  }

  private Preconditions preconditions() {
    return Preconditions.of(
        headers.getHeaderString(HttpHeaders.IF_MATCH),
        headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
  }

  protected XapiVersion version() {
    return XapiVersion.negotiate(headers.getHeaderString(XapiVersion.HEADER));
  }
}
