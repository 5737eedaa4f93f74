package vn.hocso.lms.accounts.boundary;

import static vn.hocso.lms.web.api.ApiBadRequestException.required;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.accounts.control.RoleGrants;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.web.api.ApiBadRequestException;

/**
 * A person's roles over the API: list, grant, revoke through {@link RoleGrants}, as the person page
 * does, with the caller's {@link AccessScope}. An officer reaches people of her subtree and units
 * of her subtree only; the central-admin role only the central admin.
 */
@Path("people/{person}/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class RoleGrantsResource {

  @Inject RoleGrants roleGrants;
  @Inject AccessScope access;

  /** Her login's roles; {@code username} null and no grants when she has no login. */
  public record RolesJson(String username, List<GrantJson> grants) {}

  /** One role; {@code changeable}: whether this caller may revoke it. */
  public record GrantJson(
      Role role, Long unitId, String unitName, UnitKind unitKind, boolean changeable) {}

  public record Grant(Role role, Long unitId) {}

  @GET
  public RolesJson list(@PathParam("person") long person) {
    return roleGrants
        .rolesOf(person, access.requester())
        .map(
            roles ->
                new RolesJson(
                    roles.username(),
                    roles.grants().stream()
                        .map(
                            line ->
                                new GrantJson(
                                    line.role(),
                                    line.unitId(),
                                    line.unitName(),
                                    line.unitKind(),
                                    line.changeable()))
                        .toList()))
        .orElse(new RolesJson(null, List.of()));
  }

  @POST
  public Response grant(@PathParam("person") long person, Grant body) {
    required(body, "body");
    roleGrants.grant(person, required(body.role(), "role"), body.unitId(), access.requester());
    return Response.ok(list(person)).build();
  }

  /** Takes back one role; {@code unit} names the unit it is held over (none for LEARNER). */
  @DELETE
  @Path("{role}")
  public RolesJson revoke(
      @PathParam("person") long person,
      @PathParam("role") String role,
      @QueryParam("unit") Long unit) {
    roleGrants.revoke(person, roleOf(role), unit, access.requester());
    return list(person);
  }

  static Role roleOf(String role) {
    try {
      return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiBadRequestException("role=LEARNER|TRAINER|UNIT_OFFICER|CENTRAL_ADMIN");
    }
  }
}
