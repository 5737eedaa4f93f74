package vn.hocso.xapi.about.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.hocso.xapi.platform.Json;

/**
 * The About resource (xAPI 2.0 Part 3 §2.8; 1.0.3 §7.7): which versions of the specification this
 * LRS speaks. It needs no authentication.
 */
@Path("about")
public class AboutResource {

  /** The versions we accept in X-Experience-API-Version, newest first. */
  static final String[] VERSIONS = {"2.0.0", "1.0.3"};

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject about() {
    var versions = Json.createArrayBuilder();
    for (String version : VERSIONS) {
      versions.add(version);
    }
    return Json.createObjectBuilder()
        .add("version", versions)
        .add("extensions", Json.createObjectBuilder())
        .build();
  }
}
