package vn.hocso.xapi.auth.entity;

import jakarta.json.JsonObject;
import java.util.Set;
import vn.hocso.xapi.version.XapiVersion;

/** A client as the registry keeps it, without its secret: what credential management shows. */
public record RegisteredClient(
    String key, Set<Scope> scopes, JsonObject authority, XapiVersion speaks, long updatedMicros) {

  public RegisteredClient {
    scopes = Set.copyOf(scopes);
  }
}
