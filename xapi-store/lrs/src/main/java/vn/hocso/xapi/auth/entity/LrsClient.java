package vn.hocso.xapi.auth.entity;

import jakarta.json.JsonObject;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import vn.hocso.xapi.platform.ForbiddenException;
import vn.hocso.xapi.platform.Json;
import vn.hocso.xapi.version.XapiVersion;

/**
 * A client of the LRS, as authenticated: its key, its scopes and the authority its statements get
 * (xAPI 2.0 Part 2 §2.4.9: the LRS sets the authority from the credential).
 */
public final class LrsClient implements Principal {

  /** The home page of the accounts that name clients in {@code authority}. */
  public static final String AUTHORITY_HOME_PAGE = "https://hocso.vn/xapi/clients";

  private final String key;
  private final Set<Scope> scopes;
  private final JsonObject authority;
  private final XapiVersion speaks;

  public LrsClient(String key, Set<Scope> scopes, JsonObject authority) {
    this(key, scopes, authority, XapiVersion.V2_0_0);
  }

  /**
   * A client whose content speaks {@code speaks}: the version the LRS names when it refuses this
   * client's request for lacking {@code X-Experience-API-Version} (see {@link #speaks()}).
   */
  public LrsClient(String key, Set<Scope> scopes, JsonObject authority, XapiVersion speaks) {
    if (key == null || key.isBlank() || key.contains(":")) {
      throw new IllegalArgumentException("A client key is non-blank and has no colon (HTTP Basic)");
    }
    this.key = key;
    this.scopes = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
    this.authority = Objects.requireNonNull(authority);
    this.speaks = Objects.requireNonNull(speaks);
  }

  /** The authority an LRS of this installation gives a client by default: an account agent. */
  public static JsonObject defaultAuthority(String key) {
    return Json.createObjectBuilder()
        .add("objectType", "Agent")
        .add("name", key)
        .add(
            "account",
            Json.createObjectBuilder().add("homePage", AUTHORITY_HOME_PAGE).add("name", key))
        .build();
  }

  @Override
  public String getName() {
    return key;
  }

  public String key() {
    return key;
  }

  public Set<Scope> scopes() {
    return EnumSet.copyOf(scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : scopes);
  }

  public JsonObject authority() {
    return authority;
  }

  /**
   * The xAPI version this client's content speaks, as its administrator registered it (2.0.0 unless
   * told otherwise). Every request still names its own version; this only decides which version the
   * LRS answers in when a request names none and is refused (xAPI 1.0.3 §6.2 and 2.0 Part 3 §1.3
   * each expect their own version there).
   */
  public XapiVersion speaks() {
    return speaks;
  }

  /** Statements may be written with statements/write or all (xAPI 2.0 Part 3 §4.2). */
  public void requireStatementWrite() {
    if (!scopes.contains(Scope.ALL) && !scopes.contains(Scope.STATEMENTS_WRITE)) {
      throw new ForbiddenException(
          "scope-statements-write",
          "This client may not write statements: it needs scope statements/write or all (xAPI 2.0"
              + " Part 3 §4.2)");
    }
  }

  /**
   * Reading statements needs statements/read, all/read or all; statements/read/mine reads only the
   * client's own. Returns whether the reads are limited to its own statements.
   */
  public boolean requireStatementRead() {
    if (scopes.contains(Scope.ALL)
        || scopes.contains(Scope.ALL_READ)
        || scopes.contains(Scope.STATEMENTS_READ)) {
      return false;
    }
    if (scopes.contains(Scope.STATEMENTS_READ_MINE)) {
      return true;
    }
    throw new ForbiddenException(
        "scope-statements-read",
        "This client may not read statements: it needs statements/read, statements/read/mine,"
            + " all/read or all (xAPI 2.0 Part 3 §4.2)");
  }

  /**
   * State documents: scope state or all; reading also with all/read (xAPI 2.0 Part 3 §4.2: "state:
   * read/write state data").
   */
  public void requireState(boolean write) {
    requireAny(
        write ? "scope-state-write" : "scope-state-read",
        "This client may not "
            + (write ? "change" : "read")
            + " state documents: it needs scope state or all"
            + (write ? "" : " or all/read")
            + " (xAPI 2.0 Part 3 §4.2)",
        write
            ? EnumSet.of(Scope.STATE, Scope.ALL)
            : EnumSet.of(Scope.STATE, Scope.ALL, Scope.ALL_READ));
  }

  /**
   * Activity and Agent Profile documents: scope profile or all; reading also with all/read (xAPI
   * 2.0 Part 3 §4.2: "profile: read/write access to all profile resources").
   */
  public void requireProfile(boolean write) {
    requireAny(
        write ? "scope-profile-write" : "scope-profile-read",
        "This client may not "
            + (write ? "change" : "read")
            + " profile documents: it needs scope profile or all"
            + (write ? "" : " or all/read")
            + " (xAPI 2.0 Part 3 §4.2)",
        write
            ? EnumSet.of(Scope.PROFILE, Scope.ALL)
            : EnumSet.of(Scope.PROFILE, Scope.ALL, Scope.ALL_READ));
  }

  /**
   * The Activities and Agents resources describe what statements say (xAPI 2.0 Part 3 §2.4, §2.5):
   * readable with all, all/read, statements/read (not /mine: another client's definitions would
   * leak), or define.
   */
  public void requireDefinitionRead() {
    requireAny(
        "scope-definition-read",
        "This client may not read activities or agents: it needs all, all/read, statements/read or"
            + " define (xAPI 2.0 Part 3 §4.2)",
        EnumSet.of(Scope.ALL, Scope.ALL_READ, Scope.STATEMENTS_READ, Scope.DEFINE));
  }

  /**
   * Managing the clients of the LRS is for the installation's administrator: a client with our own
   * scope {@code hocso/clients} (the bootstrap client has it).
   */
  public void requireClientManagement() {
    requireAny(
        "scope-manage-clients",
        "This client may not manage LRS clients: it needs scope hocso/clients",
        EnumSet.of(Scope.MANAGE_CLIENTS));
  }

  private void requireAny(String rule, String message, Set<Scope> enough) {
    for (var scope : enough) {
      if (scopes.contains(scope)) {
        return;
      }
    }
    throw new ForbiddenException(rule, message);
  }
}
