package vn.hocso.lms.people.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.people.control.ImportPreview;
import vn.hocso.lms.people.control.ImportProblem;
import vn.hocso.lms.people.control.ImportProgress;
import vn.hocso.lms.people.control.PeopleImport;
import vn.hocso.lms.people.control.RowSource;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.web.api.ApiBadRequestException;

/**
 * Bulk import over the API, in the page's two steps: {@code POST /people/imports} with the file as
 * the body (CSV in UTF-8 or XLSX, recognised by its bytes) checks it with {@link PeopleImport} and
 * answers every problem by row and column (in Vietnamese, as the page shows them); {@code POST
 * /people/imports/{id}/commit} then adds all rows or none. The check runs in the request (the page
 * runs it on an executor to draw a progress bar; an API client simply waits).
 */
@Path("people/imports")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PeopleImportResource {

  /** As on the import page: about 100,000 rows of typical width. */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  @Inject PeopleImport peopleImport;
  @Inject ImportPreviews previews;
  @Inject AccessScope access;
  @Context UriInfo uri;

  /** What a check found; {@code id} names it for the commit while {@code canCommit}. */
  public record PreviewJson(
      String id, int rowCount, int readyRows, boolean canCommit, List<ImportProblem> problems) {}

  public record Committed(int added) {}

  @POST
  @Consumes({
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.APPLICATION_OCTET_STREAM
  })
  public Response check(InputStream body) throws IOException {
    var scope = access.managed();
    if (scope.isEmpty()) {
      throw new AccessDeniedException("An account without a scope imports nobody");
    }
    var copy = Files.createTempFile("hocso-api-import-", ".upload");
    try {
      try (var out = Files.newOutputStream(copy)) {
        long total = 0;
        var buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) > 0; ) {
          total += n;
          if (total > MAX_BYTES) {
            throw new ApiBadRequestException("≤ 20 MB");
          }
          out.write(buffer, 0, n);
        }
      }
      if (Files.size(copy) == 0) {
        throw ApiBadRequestException.missing("body");
      }
      ImportPreview preview;
      try {
        preview = peopleImport.preview(RowSource.open(copy), scope, ImportProgress.ignored());
      } catch (IOException e) {
        throw new ApiBadRequestException("CSV (UTF-8) / XLSX");
      }
      var username = access.requester().username();
      var id = preview.canCommit() ? previews.keep(username, preview) : null;
      var json =
          new PreviewJson(
              id,
              preview.rowCount(),
              preview.rows().size(),
              preview.canCommit(),
              preview.problems());
      return id == null
          ? Response.ok(json).build()
          : Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(json).build();
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** A kept check, as it was answered. */
  @GET
  @Path("{id}")
  public PreviewJson get(@PathParam("id") String id) {
    var preview = kept(id);
    return new PreviewJson(
        id, preview.rowCount(), preview.rows().size(), preview.canCommit(), preview.problems());
  }

  /** Adds every row of the kept check, all or none; the check is then forgotten. */
  @POST
  @Path("{id}/commit")
  public Committed commit(@PathParam("id") String id) {
    var preview =
        previews
            .take(id, access.requester().username())
            .orElseThrow(() -> new AccessDeniedException("No import " + id + " of this account"));
    try {
      int added = peopleImport.commit(preview, access.requester());
      previews.done(id);
      return new Committed(added);
    } catch (RuntimeException e) {
      previews.putBack(id);
      throw e;
    }
  }

  private ImportPreview kept(String id) {
    return previews
        .find(id, access.requester().username())
        .orElseThrow(() -> new AccessDeniedException("No import " + id + " of this account"));
  }
}
