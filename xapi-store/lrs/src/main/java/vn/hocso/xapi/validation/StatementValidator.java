package vn.hocso.xapi.validation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hocso.xapi.version.XapiVersion;

/**
 * Checks a statement against the xAPI data model (xAPI 2.0 Part 2 §2; 1.0.3 §4.1) and fails on the
 * first rule broken, naming the field path. Strict: unknown properties and nulls are refused (xAPI
 * 2.0 Part 2 §2.2), except inside extensions where any JSON is allowed.
 */
public final class StatementValidator {

  public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

  private static final String FORMAT = "xAPI 2.0 Part 2 §2.2";
  private static final String ID = "xAPI 2.0 Part 2 §2.4.1";
  private static final String ACTOR = "xAPI 2.0 Part 2 §2.4.2";
  private static final String GROUP = "xAPI 2.0 Part 2 §2.4.2.2";
  private static final String IFI = "xAPI 2.0 Part 2 §2.4.2.3";
  private static final String ACCOUNT = "xAPI 2.0 Part 2 §2.4.2.4";
  private static final String VERB = "xAPI 2.0 Part 2 §2.4.3";
  private static final String OBJECT = "xAPI 2.0 Part 2 §2.4.4";
  private static final String ACTIVITY = "xAPI 2.0 Part 2 §2.4.4.1";
  private static final String INTERACTION = "xAPI 2.0 Part 2 §2.4.4.1.1";
  private static final String STATEMENT_REF = "xAPI 2.0 Part 2 §2.4.4.3";
  private static final String SUB_STATEMENT = "xAPI 2.0 Part 2 §2.4.4.4";
  private static final String RESULT = "xAPI 2.0 Part 2 §2.4.5";
  private static final String SCORE = "xAPI 2.0 Part 2 §2.4.5.1";
  private static final String CONTEXT = "xAPI 2.0 Part 2 §2.4.6";
  private static final String CONTEXT_ACTIVITIES = "xAPI 2.0 Part 2 §2.4.6.2";
  private static final String CONTEXT_AGENTS = "xAPI 2.0 Part 2 §2.4.6.3";
  private static final String TIMESTAMP = "xAPI 2.0 Part 2 §2.4.7";
  private static final String AUTHORITY = "xAPI 2.0 Part 2 §2.4.9";
  private static final String VERSION = "xAPI 2.0 Part 2 §2.4.10";
  private static final String ATTACHMENTS = "xAPI 2.0 Part 2 §2.4.11";
  private static final String VOIDING = "xAPI 2.0 Part 2 §2.3.2";
  private static final String EXTENSIONS = "xAPI 2.0 Part 2 §4.1";
  private static final String LANGUAGE = "xAPI 2.0 Part 2 §4.2";
  private static final String DURATION = "xAPI 2.0 Part 2 §4.6";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IRI =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");
  private static final Pattern MBOX = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");
  private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
  private static final Pattern ISO_DURATION =
      Pattern.compile(
          "P(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?D)?"
              + "(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?|P\\d+(\\.\\d+)?W");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)?");

  private static final Set<String> STATEMENT_KEYS =
      Set.of(
          "id",
          "actor",
          "verb",
          "object",
          "result",
          "context",
          "timestamp",
          "stored",
          "authority",
          "version",
          "attachments");
  private static final Set<String> SUB_STATEMENT_KEYS =
      Set.of(
          "objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
  private static final Set<String> AGENT_KEYS =
      Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> GROUP_KEYS =
      Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
  private static final Set<String> IFI_KEYS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> INTERACTION_TYPES =
      Set.of(
          "true-false",
          "choice",
          "fill-in",
          "long-fill-in",
          "matching",
          "performance",
          "sequencing",
          "likert",
          "numeric",
          "other");
  private static final Set<String> CONTEXT_ACTIVITY_KEYS =
      Set.of("parent", "grouping", "category", "other");

  private final XapiVersion version;

  public StatementValidator(XapiVersion version) {
    this.version = version;
  }

  /** Validates a statement as sent by a client (before the LRS adds stored and authority). */
  public void validate(JsonValue statement) {
    var object = object(statement, "statement", FORMAT);
    only(object, "", STATEMENT_KEYS, FORMAT);
    if (object.containsKey("id")) {
      uuid(object.get("id"), "id", ID);
    }
    statementBody(object, "", false);
    if (object.containsKey("stored")) {
      timestamp(object.get("stored"), "stored", "xAPI 2.0 Part 2 §2.4.8");
    }
    if (object.containsKey("authority")) {
      authority(object.get("authority"));
    }
    if (object.containsKey("version")) {
      var text = string(object.get("version"), "version", VERSION);
      if (!version.acceptsStatementVersion(text)) {
        throw fail("version", "version-supported", "must start with 1.0 or 2.0", VERSION);
      }
    }
  }

  /**
   * Validates an Agent or Group given as a query parameter (xAPI 2.0 Part 3 §2.1.3: the agent
   * filter); it must be identified, since anonymous Groups cannot be matched.
   */
  public void validateIdentifiedActor(JsonValue value, String parameter) {
    actor(value, parameter, ACTOR);
    if (identifierCount(value.asJsonObject()) == 0) {
      throw fail(
          parameter,
          "agent-parameter-identified",
          "must carry an inverse functional identifier",
          IFI);
    }
  }

  /** Validates an IRI given as a query parameter. */
  public static void validateIri(JsonValue value, String parameter, String section) {
    iri(value, parameter, section);
  }

  private static int identifierCount(JsonObject actor) {
    int count = 0;
    for (var key : IFI_KEYS) {
      if (actor.containsKey(key)) {
        count++;
      }
    }
    return count;
  }

  /**
   * An authority is an Agent, or an anonymous Group of exactly two Agents: an OAuth consumer and a
   * user (xAPI 2.0 Part 2 §2.4.9).
   */
  private void authority(JsonValue value) {
    actor(value, "authority", AUTHORITY);
    var authority = value.asJsonObject();
    if ("Group".equals(authority.getString("objectType", "Agent"))) {
      if (identifierCount(authority) > 0) {
        throw fail(
            "authority",
            "authority-group-anonymous",
            "a Group authority must be anonymous",
            AUTHORITY);
      }
      if (authority.getJsonArray("member").size() != 2) {
        throw fail(
            "authority.member",
            "authority-group-of-two",
            "a Group authority has exactly two members",
            AUTHORITY);
      }
    }
  }

  /** What a statement and a sub-statement share: actor, verb, object, result, context, … */
  private void statementBody(JsonObject statement, String prefix, boolean sub) {
    required(statement, prefix, "actor", ACTOR);
    required(statement, prefix, "verb", VERB);
    required(statement, prefix, "object", OBJECT);
    actor(statement.get("actor"), prefix + "actor", ACTOR);
    var verbId = verb(statement.get("verb"), prefix + "verb");
    var objectType = statementObject(statement.get("object"), prefix + "object", sub);
    if (VOIDED_VERB.equals(verbId) && !"StatementRef".equals(objectType)) {
      throw fail(
          prefix + "object.objectType",
          "voiding-targets-statement-ref",
          "a voiding statement's object must be a StatementRef",
          VOIDING);
    }
    if (statement.containsKey("result")) {
      result(statement.get("result"), prefix + "result");
    }
    if (statement.containsKey("context")) {
      context(statement.get("context"), prefix + "context", "Activity".equals(objectType));
    }
    if (statement.containsKey("timestamp")) {
      timestamp(statement.get("timestamp"), prefix + "timestamp", TIMESTAMP);
    }
    if (statement.containsKey("attachments")) {
      attachments(statement.get("attachments"), prefix + "attachments");
    }
  }

  // --- actors -------------------------------------------------------------------------------

  private void actor(JsonValue value, String path, String section) {
    var actor = object(value, path, section);
    var type =
        actor.containsKey("objectType")
            ? string(actor.get("objectType"), path + ".objectType", section)
            : "Agent";
    switch (type) {
      case "Agent" -> agent(actor, path);
      case "Group" -> group(actor, path);
      default ->
          throw fail(path + ".objectType", "actor-object-type", "must be Agent or Group", section);
    }
  }

  private void agent(JsonValue value, String path) {
    var agent = object(value, path, ACTOR);
    only(agent, path + ".", AGENT_KEYS, ACTOR);
    if (agent.containsKey("objectType")
        && !"Agent".equals(string(agent.get("objectType"), path + ".objectType", ACTOR))) {
      throw fail(path + ".objectType", "agent-object-type", "must be Agent", ACTOR);
    }
    if (agent.containsKey("name")) {
      string(agent.get("name"), path + ".name", ACTOR);
    }
    int identifiers = identifiers(agent, path);
    if (identifiers != 1) {
      throw fail(
          path,
          "agent-has-one-ifi",
          "an Agent needs exactly one of mbox, mbox_sha1sum, openid, account",
          IFI);
    }
  }

  private void group(JsonObject group, String path) {
    only(group, path + ".", GROUP_KEYS, GROUP);
    if (group.containsKey("name")) {
      string(group.get("name"), path + ".name", GROUP);
    }
    int identifiers = identifiers(group, path);
    if (identifiers > 1) {
      throw fail(
          path,
          "group-has-at-most-one-ifi",
          "a Group has at most one inverse functional identifier",
          IFI);
    }
    if (group.containsKey("member")) {
      var members = array(group.get("member"), path + ".member", GROUP);
      for (int i = 0; i < members.size(); i++) {
        var memberPath = path + ".member[" + i + "]";
        var member = object(members.get(i), memberPath, GROUP);
        if (member.containsKey("objectType")
            && "Group"
                .equals(member.get("objectType") instanceof JsonString s ? s.getString() : null)) {
          throw fail(
              memberPath + ".objectType",
              "group-member-is-agent",
              "a Group's members are Agents, not Groups",
              GROUP);
        }
        agent(member, memberPath);
      }
      if (identifiers == 0 && members.isEmpty()) {
        throw fail(
            path + ".member",
            "anonymous-group-has-members",
            "an anonymous Group needs at least one member",
            GROUP);
      }
    } else if (identifiers == 0) {
      throw fail(
          path + ".member",
          "anonymous-group-has-members",
          "an anonymous Group needs a member list",
          GROUP);
    }
  }

  private int identifiers(JsonObject actor, String path) {
    int count = 0;
    for (var key : IFI_KEYS) {
      if (actor.containsKey(key)) {
        count++;
      }
    }
    if (actor.containsKey("mbox")) {
      var mbox = string(actor.get("mbox"), path + ".mbox", IFI);
      if (!MBOX.matcher(mbox).matches()) {
        throw fail(
            path + ".mbox", "mbox-is-mailto-iri", "must be a mailto: IRI of an email address", IFI);
      }
    }
    if (actor.containsKey("mbox_sha1sum")) {
      var sum = string(actor.get("mbox_sha1sum"), path + ".mbox_sha1sum", IFI);
      if (!SHA1.matcher(sum).matches()) {
        throw fail(
            path + ".mbox_sha1sum", "mbox-sha1sum-is-hex", "must be 40 hexadecimal digits", IFI);
      }
    }
    if (actor.containsKey("openid")) {
      iri(actor.get("openid"), path + ".openid", IFI);
    }
    if (actor.containsKey("account")) {
      var account = object(actor.get("account"), path + ".account", ACCOUNT);
      only(account, path + ".account.", Set.of("homePage", "name"), ACCOUNT);
      required(account, path + ".account.", "homePage", ACCOUNT);
      required(account, path + ".account.", "name", ACCOUNT);
      iri(account.get("homePage"), path + ".account.homePage", ACCOUNT);
      string(account.get("name"), path + ".account.name", ACCOUNT);
    }
    return count;
  }

  // --- verb and object ----------------------------------------------------------------------

  private String verb(JsonValue value, String path) {
    var verb = object(value, path, VERB);
    only(verb, path + ".", Set.of("id", "display"), VERB);
    required(verb, path + ".", "id", VERB);
    var id = iri(verb.get("id"), path + ".id", VERB);
    if (verb.containsKey("display")) {
      languageMap(verb.get("display"), path + ".display");
    }
    return id;
  }

  /** Validates the object of a statement; returns its objectType. */
  private String statementObject(JsonValue value, String path, boolean insideSubStatement) {
    var object = object(value, path, OBJECT);
    var type =
        object.containsKey("objectType")
            ? string(object.get("objectType"), path + ".objectType", OBJECT)
            : "Activity";
    switch (type) {
      case "Activity" -> activity(object, path);
      case "Agent" -> agent(object, path);
      case "Group" -> group(object, path);
      case "StatementRef" -> statementRef(object, path);
      case "SubStatement" -> {
        if (insideSubStatement) {
          throw fail(
              path + ".objectType",
              "sub-statement-not-nested",
              "a SubStatement cannot contain another SubStatement",
              SUB_STATEMENT);
        }
        only(object, path + ".", SUB_STATEMENT_KEYS, SUB_STATEMENT);
        statementBody(object, path + ".", true);
      }
      default ->
          throw fail(
              path + ".objectType",
              "object-type-known",
              "must be Activity, Agent, Group, StatementRef or SubStatement",
              OBJECT);
    }
    return type;
  }

  private void statementRef(JsonObject ref, String path) {
    only(ref, path + ".", Set.of("objectType", "id"), STATEMENT_REF);
    required(ref, path + ".", "objectType", STATEMENT_REF);
    required(ref, path + ".", "id", STATEMENT_REF);
    uuid(ref.get("id"), path + ".id", STATEMENT_REF);
  }

  private void activity(JsonValue value, String path) {
    var activity = object(value, path, ACTIVITY);
    only(activity, path + ".", Set.of("objectType", "id", "definition"), ACTIVITY);
    if (activity.containsKey("objectType")
        && !"Activity".equals(string(activity.get("objectType"), path + ".objectType", ACTIVITY))) {
      throw fail(path + ".objectType", "activity-object-type", "must be Activity", ACTIVITY);
    }
    required(activity, path + ".", "id", ACTIVITY);
    iri(activity.get("id"), path + ".id", ACTIVITY);
    if (activity.containsKey("definition")) {
      definition(activity.get("definition"), path + ".definition");
    }
  }

  private void definition(JsonValue value, String path) {
    var definition = object(value, path, ACTIVITY);
    only(
        definition,
        path + ".",
        Set.of(
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps"),
        ACTIVITY);
    if (definition.containsKey("name")) {
      languageMap(definition.get("name"), path + ".name");
    }
    if (definition.containsKey("description")) {
      languageMap(definition.get("description"), path + ".description");
    }
    if (definition.containsKey("type")) {
      iri(definition.get("type"), path + ".type", ACTIVITY);
    }
    if (definition.containsKey("moreInfo")) {
      iri(definition.get("moreInfo"), path + ".moreInfo", ACTIVITY);
    }
    if (definition.containsKey("extensions")) {
      extensions(definition.get("extensions"), path + ".extensions");
    }
    String interactionType = null;
    if (definition.containsKey("interactionType")) {
      interactionType =
          string(definition.get("interactionType"), path + ".interactionType", INTERACTION);
      if (!INTERACTION_TYPES.contains(interactionType)) {
        throw fail(
            path + ".interactionType",
            "interaction-type-known",
            "must be one of " + INTERACTION_TYPES,
            INTERACTION);
      }
    }
    if (definition.containsKey("correctResponsesPattern")) {
      requireInteraction(interactionType, path + ".correctResponsesPattern");
      var patterns =
          array(
              definition.get("correctResponsesPattern"),
              path + ".correctResponsesPattern",
              INTERACTION);
      for (int i = 0; i < patterns.size(); i++) {
        string(patterns.get(i), path + ".correctResponsesPattern[" + i + "]", INTERACTION);
      }
    }
    for (var list : new String[] {"choices", "scale", "source", "target", "steps"}) {
      if (definition.containsKey(list)) {
        requireInteraction(interactionType, path + "." + list);
        if (!componentsAllowed(interactionType, list)) {
          throw fail(
              path + "." + list,
              "interaction-components-match-type",
              list + " does not belong to interactionType " + interactionType,
              INTERACTION);
        }
        interactionComponents(definition.get(list), path + "." + list);
      }
    }
  }

  private static boolean componentsAllowed(String interactionType, String list) {
    return switch (list) {
      case "choices" -> interactionType.equals("choice") || interactionType.equals("sequencing");
      case "scale" -> interactionType.equals("likert");
      case "source", "target" -> interactionType.equals("matching");
      case "steps" -> interactionType.equals("performance");
      default -> false;
    };
  }

  private static void requireInteraction(String interactionType, String path) {
    if (interactionType == null) {
      throw fail(
          path, "interaction-type-required", "needs definition.interactionType", INTERACTION);
    }
  }

  private void interactionComponents(JsonValue value, String path) {
    var components = array(value, path, INTERACTION);
    var ids = new HashSet<String>();
    for (int i = 0; i < components.size(); i++) {
      var itemPath = path + "[" + i + "]";
      var component = object(components.get(i), itemPath, INTERACTION);
      only(component, itemPath + ".", Set.of("id", "description"), INTERACTION);
      required(component, itemPath + ".", "id", INTERACTION);
      var id = string(component.get("id"), itemPath + ".id", INTERACTION);
      if (!ids.add(id)) {
        throw fail(
            itemPath + ".id", "interaction-component-id-unique", "repeats id " + id, INTERACTION);
      }
      if (component.containsKey("description")) {
        languageMap(component.get("description"), itemPath + ".description");
      }
    }
  }

  // --- result and context -------------------------------------------------------------------

  private void result(JsonValue value, String path) {
    var result = object(value, path, RESULT);
    only(
        result,
        path + ".",
        Set.of("score", "success", "completion", "response", "duration", "extensions"),
        RESULT);
    if (result.containsKey("score")) {
      score(result.get("score"), path + ".score");
    }
    for (var flag : new String[] {"success", "completion"}) {
      if (result.containsKey(flag)) {
        var v = result.get(flag);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
          throw fail(path + "." + flag, "is-boolean", "must be true or false", RESULT);
        }
      }
    }
    if (result.containsKey("response")) {
      string(result.get("response"), path + ".response", RESULT);
    }
    if (result.containsKey("duration")) {
      var duration = string(result.get("duration"), path + ".duration", DURATION);
      if (!ISO_DURATION.matcher(duration).matches()) {
        throw fail(
            path + ".duration",
            "duration-is-iso-8601",
            "must be an ISO 8601 duration such as PT1M30S",
            DURATION);
      }
    }
    if (result.containsKey("extensions")) {
      extensions(result.get("extensions"), path + ".extensions");
    }
  }

  private void score(JsonValue value, String path) {
    var score = object(value, path, SCORE);
    only(score, path + ".", Set.of("scaled", "raw", "min", "max"), SCORE);
    var scaled = number(score, "scaled", path);
    var raw = number(score, "raw", path);
    var min = number(score, "min", path);
    var max = number(score, "max", path);
    if (scaled != null
        && (scaled.compareTo(BigDecimal.ONE) > 0
            || scaled.compareTo(BigDecimal.ONE.negate()) < 0)) {
      throw fail(
          path + ".scaled", "scaled-between-minus-one-and-one", "must be between -1 and 1", SCORE);
    }
    if (min != null && max != null && max.compareTo(min) <= 0) {
      throw fail(path + ".max", "max-above-min", "must be greater than min", SCORE);
    }
    if (raw != null && min != null && raw.compareTo(min) < 0) {
      throw fail(path + ".raw", "raw-within-min-max", "must not be below min", SCORE);
    }
    if (raw != null && max != null && raw.compareTo(max) > 0) {
      throw fail(path + ".raw", "raw-within-min-max", "must not be above max", SCORE);
    }
  }

  private static BigDecimal number(JsonObject object, String key, String path) {
    if (!object.containsKey(key)) {
      return null;
    }
    if (!(object.get(key) instanceof JsonNumber number)) {
      throw fail(path + "." + key, "is-number", "must be a number", SCORE);
    }
    return number.bigDecimalValue();
  }

  private void context(JsonValue value, String path, boolean objectIsActivity) {
    var context = object(value, path, CONTEXT);
    var keys =
        new HashSet<>(
            Set.of(
                "registration",
                "instructor",
                "team",
                "contextActivities",
                "revision",
                "platform",
                "language",
                "statement",
                "extensions"));
    if (version.isTwo()) {
      keys.addAll(Set.of("contextAgents", "contextGroups"));
    }
    only(context, path + ".", keys, CONTEXT);
    if (context.containsKey("registration")) {
      uuid(context.get("registration"), path + ".registration", CONTEXT);
    }
    if (context.containsKey("instructor")) {
      actor(context.get("instructor"), path + ".instructor", CONTEXT);
    }
    if (context.containsKey("team")) {
      var team = object(context.get("team"), path + ".team", CONTEXT);
      if (!"Group".equals(team.get("objectType") instanceof JsonString s ? s.getString() : null)) {
        throw fail(path + ".team.objectType", "team-is-group", "a team must be a Group", CONTEXT);
      }
      group(team, path + ".team");
    }
    for (var text : new String[] {"revision", "platform"}) {
      if (context.containsKey(text)) {
        string(context.get(text), path + "." + text, CONTEXT);
        if (!objectIsActivity) {
          throw fail(
              path + "." + text,
              text + "-only-for-activities",
              "is only allowed when the object is an Activity",
              CONTEXT);
        }
      }
    }
    if (context.containsKey("language")) {
      var language = string(context.get("language"), path + ".language", CONTEXT);
      if (!LANGUAGE_TAG.matcher(language).matches()) {
        throw fail(
            path + ".language",
            "language-is-rfc-5646",
            "must be an RFC 5646 language tag",
            CONTEXT);
      }
    }
    if (context.containsKey("statement")) {
      var ref = object(context.get("statement"), path + ".statement", STATEMENT_REF);
      if (!"StatementRef"
          .equals(ref.get("objectType") instanceof JsonString s ? s.getString() : null)) {
        throw fail(
            path + ".statement.objectType",
            "context-statement-is-ref",
            "must be StatementRef",
            STATEMENT_REF);
      }
      statementRef(ref, path + ".statement");
    }
    if (context.containsKey("extensions")) {
      extensions(context.get("extensions"), path + ".extensions");
    }
    if (context.containsKey("contextActivities")) {
      contextActivities(context.get("contextActivities"), path + ".contextActivities");
    }
    if (context.containsKey("contextAgents")) {
      contextAgents(context.get("contextAgents"), path + ".contextAgents", "contextAgent", "agent");
    }
    if (context.containsKey("contextGroups")) {
      contextAgents(context.get("contextGroups"), path + ".contextGroups", "contextGroup", "group");
    }
  }

  private void contextActivities(JsonValue value, String path) {
    var activities = object(value, path, CONTEXT_ACTIVITIES);
    only(activities, path + ".", CONTEXT_ACTIVITY_KEYS, CONTEXT_ACTIVITIES);
    for (var entry : activities.entrySet()) {
      var entryPath = path + "." + entry.getKey();
      if (entry.getValue() instanceof JsonArray list) {
        for (int i = 0; i < list.size(); i++) {
          activity(list.get(i), entryPath + "[" + i + "]");
        }
      } else {
        activity(entry.getValue(), entryPath); // 1.0.3 §4.1.6.2 allows one Activity alone
      }
    }
  }

  private void contextAgents(JsonValue value, String path, String objectType, String member) {
    var list = array(value, path, CONTEXT_AGENTS);
    for (int i = 0; i < list.size(); i++) {
      var itemPath = path + "[" + i + "]";
      var item = object(list.get(i), itemPath, CONTEXT_AGENTS);
      only(item, itemPath + ".", Set.of("objectType", member, "relevantTypes"), CONTEXT_AGENTS);
      required(item, itemPath + ".", "objectType", CONTEXT_AGENTS);
      required(item, itemPath + ".", member, CONTEXT_AGENTS);
      if (!objectType.equals(
          string(item.get("objectType"), itemPath + ".objectType", CONTEXT_AGENTS))) {
        throw fail(
            itemPath + ".objectType",
            "context-agent-object-type",
            "must be " + objectType,
            CONTEXT_AGENTS);
      }
      if (member.equals("agent")) {
        agent(item.get(member), itemPath + ".agent");
      } else {
        var group = object(item.get(member), itemPath + ".group", CONTEXT_AGENTS);
        if (!"Group"
            .equals(group.get("objectType") instanceof JsonString s ? s.getString() : null)) {
          throw fail(
              itemPath + ".group.objectType",
              "context-group-is-group",
              "must be Group",
              CONTEXT_AGENTS);
        }
        group(group, itemPath + ".group");
      }
      if (item.containsKey("relevantTypes")) {
        var types = array(item.get("relevantTypes"), itemPath + ".relevantTypes", CONTEXT_AGENTS);
        if (types.isEmpty()) {
          throw fail(
              itemPath + ".relevantTypes",
              "relevant-types-not-empty",
              "must list at least one type",
              CONTEXT_AGENTS);
        }
        for (int t = 0; t < types.size(); t++) {
          iri(types.get(t), itemPath + ".relevantTypes[" + t + "]", CONTEXT_AGENTS);
        }
      }
    }
  }

  private void attachments(JsonValue value, String path) {
    var list = array(value, path, ATTACHMENTS);
    for (int i = 0; i < list.size(); i++) {
      var itemPath = path + "[" + i + "]";
      var attachment = object(list.get(i), itemPath, ATTACHMENTS);
      only(
          attachment,
          itemPath + ".",
          Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"),
          ATTACHMENTS);
      for (var key : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
        required(attachment, itemPath + ".", key, ATTACHMENTS);
      }
      iri(attachment.get("usageType"), itemPath + ".usageType", ATTACHMENTS);
      languageMap(attachment.get("display"), itemPath + ".display");
      if (attachment.containsKey("description")) {
        languageMap(attachment.get("description"), itemPath + ".description");
      }
      string(attachment.get("contentType"), itemPath + ".contentType", ATTACHMENTS);
      if (!(attachment.get("length") instanceof JsonNumber length)
          || !length.isIntegral()
          || length.longValue() < 0) {
        throw fail(
            itemPath + ".length",
            "length-is-integer",
            "must be a whole number of octets",
            ATTACHMENTS);
      }
      string(attachment.get("sha2"), itemPath + ".sha2", ATTACHMENTS);
      if (attachment.containsKey("fileUrl")) {
        iri(attachment.get("fileUrl"), itemPath + ".fileUrl", ATTACHMENTS);
      }
    }
  }

  // --- value types --------------------------------------------------------------------------

  private void languageMap(JsonValue value, String path) {
    var map = object(value, path, LANGUAGE);
    for (var entry : map.entrySet()) {
      if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
        throw fail(
            path + "." + entry.getKey(),
            "language-map-key-is-rfc-5646",
            "keys of a language map are RFC 5646 language tags",
            LANGUAGE);
      }
      string(entry.getValue(), path + "." + entry.getKey(), LANGUAGE);
    }
  }

  private static void extensions(JsonValue value, String path) {
    var map = object(value, path, EXTENSIONS);
    for (var key : map.keySet()) {
      if (!isIri(key)) {
        throw fail(
            path + "." + key, "extension-key-is-iri", "extension keys must be IRIs", EXTENSIONS);
      }
    }
  }

  private static void timestamp(JsonValue value, String path, String section) {
    var text = string(value, path, section);
    if (UtcTimestamp.parse(text) != null) {
      return; // the common UTC form, valid
    }
    if (!TIMESTAMP_TEXT.matcher(text).matches()
        || text.endsWith("-00:00")
        || text.endsWith("-0000")
        || text.endsWith("-00")) {
      throw fail(
          path,
          "timestamp-is-iso-8601",
          "must be an ISO 8601 timestamp with a time zone other than -00:00",
          section);
    }
    try {
      parseInstantLeniently(text);
    } catch (DateTimeParseException e) {
      throw fail(path, "timestamp-is-iso-8601", "is not a valid date and time", section);
    }
  }

  /** Parses the ISO 8601 forms {@link #TIMESTAMP_TEXT} admits; no zone means UTC. */
  public static java.time.Instant parseInstantLeniently(String text) {
    var common = UtcTimestamp.parse(text);
    return common != null ? common : parseGenerally(text);
  }

  /** {@link #parseInstantLeniently} without the fast path for the common UTC form. */
  static java.time.Instant parseGenerally(String text) {
    var normalised = text.replace('z', 'Z');
    if (!HAS_ZONE.matcher(normalised).find()) {
      normalised = normalised + "Z";
    }
    normalised =
        HOUR_ONLY_ZONE
            .matcher(COMPACT_ZONE.matcher(normalised).replaceFirst("$1:$2"))
            .replaceFirst("$1:00");
    return OffsetDateTime.parse(normalised).toInstant();
  }

  // Compiled once: the timestamp of every statement goes through them (String.matches and
  // replaceFirst compile their pattern at each call; the profile showed it).
  private static final Pattern HAS_ZONE = Pattern.compile("(Z|[+-]\\d{2}(:?\\d{2})?)$");
  private static final Pattern COMPACT_ZONE = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern HOUR_ONLY_ZONE = Pattern.compile("([+-]\\d{2})$");

  private static String uuid(JsonValue value, String path, String section) {
    var text = string(value, path, section);
    if (!UUID.matcher(text).matches()) {
      throw fail(path, "is-uuid", "must be a UUID", section);
    }
    return text;
  }

  private static String iri(JsonValue value, String path, String section) {
    var text = string(value, path, section);
    if (!isIri(text)) {
      throw fail(path, "is-iri", "must be an absolute IRI", section);
    }
    return text;
  }

  private static String string(JsonValue value, String path, String section) {
    if (!(value instanceof JsonString string)) {
      throw fail(path, "is-string", "must be a string", section);
    }
    return string.getString();
  }

  private static JsonObject object(JsonValue value, String path, String section) {
    if (!(value instanceof JsonObject object)) {
      throw fail(path, "is-object", "must be a JSON object", section);
    }
    return object;
  }

  private static JsonArray array(JsonValue value, String path, String section) {
    if (!(value instanceof JsonArray array)) {
      throw fail(path, "is-array", "must be a JSON array", section);
    }
    return array;
  }

  private static void required(JsonObject object, String prefix, String key, String section) {
    if (!object.containsKey(key)) {
      throw fail(prefix + key, "required", "is required", section);
    }
  }

  /** Refuses properties the specification does not define, and null values (§2.2). */
  private static void only(JsonObject object, String prefix, Set<String> allowed, String section) {
    for (var entry : object.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw fail(
            prefix + entry.getKey(), "property-defined", "is not a property defined here", section);
      }
      if (entry.getValue() == JsonValue.NULL) {
        throw fail(prefix + entry.getKey(), "not-null", "must not be null", FORMAT);
      }
    }
  }

  /**
   * Whether the text matches {@link #IRI}, by a scan instead of the regular expression: every
   * statement has several IRIs (verb, activities, extension keys). A test checks both agree.
   */
  static boolean isIri(String text) {
    int length = text.length();
    if (length == 0 || !isAsciiLetter(text.charAt(0))) {
      return false;
    }
    int colon = 1;
    while (colon < length && text.charAt(colon) != ':') {
      char c = text.charAt(colon);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
        return false;
      }
      colon++;
    }
    if (colon >= length - 1) {
      return false; // no ':' or nothing after it
    }
    for (int i = colon + 1; i < length; i++) {
      switch (text.charAt(i)) {
        case ' ',
            '\t',
            '\n',
            '\u000B',
            '\f',
            '\r',
            '<',
            '>',
            '"',
            '{',
            '}',
            '|',
            '\\',
            '^',
            '`' -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** For the test that {@link #isIri} agrees with it. */
  static boolean matchesIriPattern(String text) {
    return IRI.matcher(text).matches();
  }

  private static InvalidStatementException fail(
      String path, String rule, String message, String section) {
    return new InvalidStatementException(
        path.isEmpty() ? "statement" : path, rule, message, section);
  }
}
