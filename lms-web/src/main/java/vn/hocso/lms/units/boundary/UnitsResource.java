package vn.hocso.lms.units.boundary;

import static vn.hocso.lms.web.api.ApiBadRequestException.required;
import static vn.hocso.lms.web.api.ApiBadRequestException.requiredEach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.units.control.Reorganisation;
import vn.hocso.lms.units.control.UnitDetails;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.web.api.ApiBadRequestException;
import vn.hocso.lms.web.api.Page;

/**
 * The Union's tree over the API: the same {@link UnitDirectory} and {@link Reorganisation} calls as
 * the unit pages, with the caller's scope from {@link AccessScope}; every refusal is theirs. The
 * reorganisations are actions (POST to {@code /units/{id}/rename} …) because each carries a day and
 * keeps history; none is an overwrite of the unit.
 */
@Path("units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class UnitsResource {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Inject UnitDirectory directory;
  @Inject Reorganisation reorganisation;
  @Inject AccessScope access;
  @Context UriInfo uri;

  // --- JSON shapes.

  /** A unit in a list. */
  public record UnitJson(long id, String code, String name, UnitKind kind, String parentName) {
    static UnitJson of(UnitRow row) {
      return new UnitJson(
          row.id(),
          row.code().isEmpty() ? null : row.code(),
          row.name(),
          row.kind(),
          row.parentName());
    }
  }

  /** One unit with its place in the tree and its history. */
  public record UnitPageJson(
      UnitJson unit,
      List<UnitJson> ancestors,
      long people,
      int subUnits,
      LocalDate closedOn,
      List<HistoryJson> history,
      List<UnitJson> predecessors,
      List<UnitJson> successors) {
    static UnitPageJson of(UnitDetails details) {
      return new UnitPageJson(
          UnitJson.of(details.unit()),
          details.ancestors().stream().map(UnitJson::of).toList(),
          details.people(),
          details.subUnits().size(),
          details.closedOn(),
          details.history().stream().map(HistoryJson::of).toList(),
          details.predecessors().stream().map(UnitJson::of).toList(),
          details.successors().stream().map(UnitJson::of).toList());
    }
  }

  /**
   * One event of a unit's history; {@code relatedUnitId} only when the caller's scope covers it.
   */
  public record HistoryJson(LocalDate on, String kind, String detail, Long relatedUnitId) {
    static HistoryJson of(UnitDetails.HistoryLine line) {
      return new HistoryJson(line.on(), line.kind(), line.detail(), line.relatedUnitId());
    }
  }

  public record NewUnit(String code, String name, UnitKind kind, LocalDate on) {}

  public record Rename(String name, LocalDate on) {}

  public record Move(Long parentId, LocalDate on) {}

  /** Merge {@code sourceIds} into the unit of the address. */
  public record Merge(List<Long> sourceIds, LocalDate on) {}

  /**
   * Split the unit of the address into {@code parts}; every open sub-unit and every person homed
   * directly in it is given the index of her part.
   */
  public record Split(
      List<PartJson> parts,
      Map<String, Integer> subUnitParts,
      Map<String, Integer> personParts,
      LocalDate on) {}

  public record PartJson(String code, String name) {}

  public record Close(LocalDate on) {}

  /** The ids of the units a split made. */
  public record SplitResult(List<Long> newUnitIds) {}

  // --- Reading.

  /** The top of the caller's scope, or with {@code q} the open units whose name matches. */
  @GET
  public Page<UnitJson> list(
      @QueryParam("q") String query,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    var paging = Page.Paging.of(offset, limit);
    var scope = access.managed();
    if (query == null || query.isBlank()) {
      return Page.of(directory.roots(scope), paging, UnitJson::of);
    }
    return new Page<>(
        directory.count(query, scope),
        paging.offset(),
        paging.limit(),
        directory.search(query, scope, paging.offset(), paging.limit()).stream()
            .map(UnitJson::of)
            .toList());
  }

  @GET
  @Path("{id}")
  public UnitPageJson get(@PathParam("id") long id) {
    return UnitPageJson.of(directory.details(id, access.managed()));
  }

  /** The open sub-units, by name. */
  @GET
  @Path("{id}/children")
  public Page<UnitJson> children(
      @PathParam("id") long id,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    var paging = Page.Paging.of(offset, limit);
    return Page.of(directory.details(id, access.managed()).subUnits(), paging, UnitJson::of);
  }

  // --- Changing.

  @POST
  @Path("{id}/children")
  public Response create(@PathParam("id") long id, NewUnit body) {
    required(body, "body");
    var unit =
        reorganisation.create(
            id,
            blankToNull(body.code()),
            required(body.name(), "name"),
            required(body.kind(), "kind"),
            dayOr(body.on()),
            access.managed());
    var created = directory.details(unit.id(), access.managed());
    return Response.created(uri.getBaseUriBuilder().path("units/{id}").build(unit.id()))
        .entity(UnitPageJson.of(created))
        .build();
  }

  @POST
  @Path("{id}/rename")
  public UnitPageJson rename(@PathParam("id") long id, Rename body) {
    required(body, "body");
    reorganisation.rename(id, required(body.name(), "name"), dayOr(body.on()), access.managed());
    return get(id);
  }

  @POST
  @Path("{id}/move")
  public UnitPageJson move(@PathParam("id") long id, Move body) {
    required(body, "body");
    reorganisation.move(
        id, required(body.parentId(), "parentId"), dayOr(body.on()), access.managed());
    return get(id);
  }

  @POST
  @Path("{id}/merge")
  public UnitPageJson merge(@PathParam("id") long id, Merge body) {
    required(body, "body");
    reorganisation.merge(
        requiredEach(body.sourceIds(), "sourceIds"), id, dayOr(body.on()), access.managed());
    return get(id);
  }

  @POST
  @Path("{id}/split")
  public SplitResult split(@PathParam("id") long id, Split body) {
    required(body, "body");
    var parts =
        requiredEach(body.parts(), "parts").stream()
            .map(part -> new Reorganisation.Part(blankToNull(part.code()), part.name()))
            .toList();
    var made =
        reorganisation.split(
            id,
            parts,
            byId(body.subUnitParts(), "subUnitParts"),
            byId(body.personParts(), "personParts"),
            dayOr(body.on()),
            access.managed());
    return new SplitResult(made.stream().map(unit -> unit.id()).toList());
  }

  /** Dissolves an empty unit ("giải thể"). */
  @POST
  @Path("{id}/close")
  public UnitPageJson close(@PathParam("id") long id, Close body) {
    reorganisation.dissolve(id, dayOr(body == null ? null : body.on()), access.managed());
    return get(id);
  }

  /** What a merge, split or close of the unit on that day would move (the pages' preview). */
  @GET
  @Path("{id}/impact")
  public Reorganisation.Impact impact(@PathParam("id") long id, @QueryParam("on") String on) {
    LocalDate day;
    try {
      day = on == null ? null : LocalDate.parse(on);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiBadRequestException("on=YYYY-MM-DD");
    }
    return reorganisation.impact(id, dayOr(day), access.managed());
  }

  /** JSON object keys are text: {"12": 0} gives sub-unit or person 12 the first part. */
  static Map<Long, Integer> byId(Map<String, Integer> parts, String field) {
    var byId = new HashMap<Long, Integer>();
    if (parts != null) {
      parts.forEach(
          (key, part) -> {
            try {
              byId.put(Long.parseLong(key.strip()), required(part, field + "." + key));
            } catch (NumberFormatException e) {
              throw new ApiBadRequestException(field + ": {\"<id>\": <part>}");
            }
          });
    }
    return byId;
  }

  static LocalDate dayOr(LocalDate on) {
    return on == null ? LocalDate.now(VIETNAM) : on;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
