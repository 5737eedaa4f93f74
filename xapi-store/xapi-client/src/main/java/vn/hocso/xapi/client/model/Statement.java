package vn.hocso.xapi.client.model;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An xAPI statement (xAPI 2.0 Part 2 §2.4), immutable and checked when built. Equal statements are
 * equal by value. Absent values are null; {@code attachments} is never null.
 *
 * <p>The id should be made by the client before the first send ({@link Builder#newId()} or {@link
 * #identified()}): then sending again after a timeout, or from a durable queue, can never create a
 * duplicate, because the LRS accepts an identical statement with a known id as already stored (xAPI
 * 2.0 Part 3 §2.1.2).
 *
 * @param timestamp when it happened, ISO 8601 as written ({@link #timestampInstant()} reads it)
 * @param stored set by the LRS
 * @param authority set by the LRS from the credentials
 * @param version set by the LRS when the client leaves it out
 */
public record Statement(
    UUID id,
    Actor actor,
    Verb verb,
    StatementObject object,
    Result result,
    Context context,
    String timestamp,
    String stored,
    Actor authority,
    String version,
    List<Attachment> attachments) {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4";
  private static final Pattern VERSION = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

  public Statement {
    Rules.required(actor, "actor", SECTION);
    Rules.required(verb, "verb", SECTION);
    Rules.required(object, "object", SECTION);
    checkBody(verb, object, context);
    Rules.timestamp(timestamp, "timestamp");
    Rules.timestamp(stored, "stored");
    if (version != null && !VERSION.matcher(version).matches()) {
      throw Rules.fail(
          "version", "version-supported", "must start with 1.0 or 2.0", "xAPI 2.0 Part 2 §2.4.10");
    }
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** The rules shared with {@link SubStatement}. */
  static void checkBody(Verb verb, StatementObject object, Context context) {
    if (Verbs.VOIDED.id().equals(verb.id()) && !(object instanceof StatementRef)) {
      throw Rules.fail(
          "object",
          "voiding-object-is-statement-ref",
          "a voiding statement's object is a StatementRef",
          "xAPI 2.0 Part 2 §2.3.2");
    }
    if (context != null && !(object instanceof Activity)) {
      if (context.revision() != null) {
        throw Rules.fail(
            "context.revision",
            "revision-only-for-activities",
            "is only allowed when the object is an Activity",
            "xAPI 2.0 Part 2 §2.4.6");
      }
      if (context.platform() != null) {
        throw Rules.fail(
            "context.platform",
            "platform-only-for-activities",
            "is only allowed when the object is an Activity",
            "xAPI 2.0 Part 2 §2.4.6");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this statement. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .actor(actor)
        .verb(verb)
        .object(object)
        .result(result)
        .context(context)
        .timestamp(timestamp)
        .stored(stored)
        .authority(authority)
        .version(version)
        .attachments(attachments);
  }

  /** This statement if it has an id, otherwise a copy with a new random (version 4) UUID. */
  public Statement identified() {
    return id != null ? this : toBuilder().newId().build();
  }

  /** The id, which a statement built by a client may not have yet. */
  public Optional<UUID> optionalId() {
    return Optional.ofNullable(id);
  }

  public Instant timestampInstant() {
    return timestamp == null ? null : Timestamps.parse(timestamp);
  }

  public Instant storedInstant() {
    return stored == null ? null : Timestamps.parse(stored);
  }

  /** The statement as JSON; see {@link XapiJson} for the exact form. */
  public JsonObject toJson() {
    return XapiJson.write(this);
  }

  public String toJsonString() {
    return toJson().toString();
  }

  /**
   * Reads a statement.
   *
   * @throws InvalidStatementException naming the field when the JSON is not a valid statement
   */
  public static Statement fromJson(JsonObject json) {
    return XapiJson.readStatement(json);
  }

  /** Reads a statement from JSON text. */
  public static Statement parse(String json) {
    return XapiJson.readStatement(XapiJson.parseObject(json));
  }

  /** Builds a {@link Statement}; validation happens in {@link #build()}. */
  public static final class Builder {
    private UUID id;
    private Actor actor;
    private Verb verb;
    private StatementObject object;
    private Result result;
    private Context context;
    private String timestamp;
    private String stored;
    private Actor authority;
    private String version;
    private List<Attachment> attachments;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    /** A new random id, made here so that every retry of this statement carries the same one. */
    public Builder newId() {
      return id(UUID.randomUUID());
    }

    public Builder actor(Actor actor) {
      this.actor = actor;
      return this;
    }

    public Builder verb(Verb verb) {
      this.verb = verb;
      return this;
    }

    public Builder object(StatementObject object) {
      this.object = object;
      return this;
    }

    public Builder result(Result result) {
      this.result = result;
      return this;
    }

    public Builder context(Context context) {
      this.context = context;
      return this;
    }

    /** The timestamp as ISO 8601 text, kept as written. */
    public Builder timestamp(String timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** The timestamp, written in UTC with microseconds. */
    public Builder timestamp(Instant timestamp) {
      return timestamp(timestamp == null ? null : Timestamps.format(timestamp));
    }

    public Builder stored(String stored) {
      this.stored = stored;
      return this;
    }

    public Builder authority(Actor authority) {
      this.authority = authority;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder attachments(List<Attachment> attachments) {
      this.attachments = attachments;
      return this;
    }

    public Statement build() {
      return new Statement(
          id,
          actor,
          verb,
          object,
          result,
          context,
          timestamp,
          stored,
          authority,
          version,
          attachments);
    }
  }
}
