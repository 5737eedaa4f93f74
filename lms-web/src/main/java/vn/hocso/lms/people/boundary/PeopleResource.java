package vn.hocso.lms.people.boundary;

import static vn.hocso.lms.web.api.ApiBadRequestException.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.people.control.PeopleDirectory;
import vn.hocso.lms.people.control.PeopleFilter;
import vn.hocso.lms.people.control.PersonKind;
import vn.hocso.lms.people.control.PersonRecords;
import vn.hocso.lms.people.control.PersonRow;
import vn.hocso.lms.people.control.PersonTransfers;
import vn.hocso.lms.people.domain.Person;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.web.api.ApiBadRequestException;
import vn.hocso.lms.web.api.Page;

/**
 * People over the API: the list of a unit's subtree ({@link PeopleDirectory}, audited per page as
 * on the people page), one person ({@link PersonalData#view}, audited), "chuyển sinh hoạt" ({@link
 * PersonTransfers}) and erasure ({@link PersonalData#erase}), each with the caller's {@link
 * AccessScope}, as the pages call them. Ethnicity (sensitive) is never sent.
 */
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class PeopleResource {

  @Inject PeopleDirectory directory;
  @Inject PersonalData personalData;
  @Inject PersonTransfers transfers;
  @Inject PersonRecords records;
  @Inject AccessScope access;
  @Context UriInfo uri;

  /** A person in a list. */
  public record PersonJson(
      long id,
      String fullName,
      Integer birthYear,
      String phone,
      String unitName,
      String unitCode,
      boolean member,
      boolean trainer,
      String staffPosition) {
    static PersonJson of(PersonRow row) {
      return new PersonJson(
          row.id(),
          row.fullName(),
          row.birthYear(),
          row.phone(),
          row.unitName(),
          row.unitCode(),
          row.member(),
          row.trainer(),
          row.staffPosition());
    }
  }

  /** One person with her membership history, newest first. */
  public record PersonPageJson(
      long id,
      String fullName,
      Integer birthYear,
      String phone,
      long homeUnitId,
      String homeUnitName,
      boolean member,
      boolean trainer,
      String staffPosition,
      boolean erased,
      List<MembershipJson> memberships) {
    static PersonPageJson of(Person p) {
      return new PersonPageJson(
          p.id(),
          p.fullName(),
          p.birthYear().orElse(null),
          p.phone().orElse(null),
          p.homeUnit().id(),
          p.homeUnit().name(),
          p.isMember(),
          p.isTrainer(),
          p.staffPosition().orElse(null),
          p.isErased(),
          p.memberships().stream()
              .map(
                  m ->
                      new MembershipJson(
                          m.unit().id(), m.unit().name(), m.validFrom(), m.validTo().orElse(null)))
              .sorted(Comparator.comparing(MembershipJson::from).reversed())
              .toList());
    }
  }

  public record MembershipJson(long unitId, String unitName, LocalDate from, LocalDate to) {}

  /** A person added by hand to a commune, branch or group, from today. */
  public record NewPerson(
      Long unitId, String fullName, Integer birthYear, String phone, Boolean member) {}

  /** Her corrected details; {@code member} null keeps it as it is. */
  public record Details(String fullName, Integer birthYear, String phone, Boolean member) {}

  /** "Chuyển sinh hoạt": her new home unit from that day (today if none). */
  public record Transfer(Long unitId, LocalDate on) {}

  /**
   * The people of a unit's subtree ({@code unit}; the caller's whole scope without it), searched by
   * name ignoring diacritics, of one kind, sorted by {@code name}, {@code birthYear} or {@code
   * unit}, ascending unless {@code order=desc}.
   */
  @GET
  public Page<PersonJson> list(
      @QueryParam("unit") Long unit,
      @QueryParam("q") String name,
      @QueryParam("kind") String kind,
      @QueryParam("sort") String sort,
      @QueryParam("order") String order,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    var paging = Page.Paging.of(offset, limit);
    var filter = new PeopleFilter(unit, name, kindOf(kind));
    var requester = access.requester();
    var rows =
        directory.list(
            filter,
            sortOf(sort),
            !"desc".equals(order),
            paging.offset(),
            paging.limit(),
            requester);
    return new Page<>(
        directory.count(filter, requester),
        paging.offset(),
        paging.limit(),
        rows.stream().map(PersonJson::of).toList());
  }

  @GET
  @Path("{id}")
  public PersonPageJson get(@PathParam("id") long id) {
    return PersonPageJson.of(personalData.view(id, access.requester()));
  }

  /** Adds one person, with the import's rules for a row (duplicates refused); audited. */
  @POST
  public Response create(NewPerson body) {
    required(body, "body");
    long id =
        records.add(
            required(body.unitId(), "unitId"),
            new PersonRecords.PersonDetails(
                required(body.fullName(), "fullName"),
                body.birthYear(),
                body.phone(),
                body.member()),
            access.requester());
    return Response.created(uri.getBaseUriBuilder().path("people/{id}").build(id))
        .entity(get(id))
        .build();
  }

  /** Corrects her name, birth year, phone and membership (what an officer may write). */
  @PUT
  @Path("{id}")
  public PersonPageJson update(@PathParam("id") long id, Details body) {
    required(body, "body");
    records.correct(
        id,
        new PersonRecords.PersonDetails(
            required(body.fullName(), "fullName"), body.birthYear(), body.phone(), body.member()),
        access.requester());
    return get(id);
  }

  @POST
  @Path("{id}/transfer")
  public PersonPageJson transfer(@PathParam("id") long id, Transfer body) {
    required(body, "body");
    transfers.transfer(
        id,
        required(body.unitId(), "unitId"),
        body.on() == null ? LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) : body.on(),
        access.requester());
    return get(id);
  }

  /** Erases her personal data (Law 91/2025 Art. 16); her anonymised learning records stay. */
  @DELETE
  @Path("{id}/personal-data")
  public Response erase(@PathParam("id") long id) {
    personalData.erase(id, access.requester());
    return Response.noContent().build();
  }

  static PersonKind kindOf(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return PersonKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiBadRequestException("kind=MEMBER|NON_MEMBER_LEARNER|STAFF|TRAINER");
    }
  }

  static PeopleFilter.Sort sortOf(String sort) {
    if (sort == null || sort.isBlank()) {
      return PeopleFilter.Sort.NAME;
    }
    return switch (sort.strip()) {
      case "name" -> PeopleFilter.Sort.NAME;
      case "birthYear" -> PeopleFilter.Sort.BIRTH_YEAR;
      case "unit" -> PeopleFilter.Sort.UNIT;
      default -> throw new ApiBadRequestException("sort=name|birthYear|unit");
    };
  }
}
