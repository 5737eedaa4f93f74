package vn.hocso.xapi.client.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The JSON form of the model, through Jakarta JSON Processing.
 *
 * <p>Reading is strict where the spec is (unknown properties, wrong types and broken rules are an
 * {@link InvalidStatementException} naming the field) and lenient where it allows choices: an actor
 * without {@code objectType} is an Agent, an object without one an Activity, and a single context
 * activity (1.0.3) is read as a list of one.
 *
 * <p>Writing gives the same JSON back, with three normalisations: every actor and object is written
 * with its {@code objectType}; UUIDs are written in lower case; empty lists are left out. Numbers
 * keep their exact decimal form and extension values are copied untouched.
 */
public final class XapiJson {

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
  private static final List<String> IFI_KEYS = List.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> DEFINITION_KEYS =
      Set.of(
          "name",
          "description",
          "type",
          "moreInfo",
          "interactionType",
          "correctResponsesPattern",
          "choices",
          "scale",
          "source",
          "target",
          "steps",
          "extensions");
  private static final List<String> COMPONENT_LISTS =
      List.of("choices", "scale", "source", "target", "steps");
  private static final Set<String> CONTEXT_KEYS =
      Set.of(
          "registration",
          "instructor",
          "team",
          "contextActivities",
          "revision",
          "platform",
          "language",
          "statement",
          "extensions",
          "contextAgents",
          "contextGroups");

  private XapiJson() {}

  /** The JSON-P provider, looked up once (the lookup scans the class path). */
  private static final class Provider {
    static final JsonProvider JSON = JsonProvider.provider();
  }

  static JsonProvider json() {
    return Provider.JSON;
  }

  /** Parses JSON text that must be an object. */
  public static JsonObject parseObject(String text) {
    try (var reader = json().createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new InvalidStatementException(
          "statement", "json-syntax", "is not a JSON object: " + e.getMessage());
    }
  }

  // --- writing -------------------------------------------------------------------------------

  public static JsonObject write(Statement s) {
    var b = json().createObjectBuilder();
    if (s.id() != null) {
      b.add("id", s.id().toString());
    }
    writeBody(b, s.actor(), s.verb(), s.object(), s.result(), s.context(), s.timestamp());
    add(b, "stored", s.stored());
    if (s.authority() != null) {
      b.add("authority", write(s.authority()));
    }
    add(b, "version", s.version());
    writeAttachments(b, s.attachments());
    return b.build();
  }

  private static void writeBody(
      JsonObjectBuilder b,
      Actor actor,
      Verb verb,
      StatementObject object,
      Result result,
      Context context,
      String timestamp) {
    b.add("actor", write(actor));
    b.add("verb", write(verb));
    b.add("object", write(object));
    if (result != null) {
      b.add("result", write(result));
    }
    if (context != null) {
      b.add("context", write(context));
    }
    add(b, "timestamp", timestamp);
  }

  private static void writeAttachments(JsonObjectBuilder b, List<Attachment> attachments) {
    if (!attachments.isEmpty()) {
      var list = json().createArrayBuilder();
      attachments.forEach(a -> list.add(write(a)));
      b.add("attachments", list);
    }
  }

  /** An Agent or Group, e.g. for the {@code agent} parameter of a query or a document. */
  public static JsonObject write(Actor actor) {
    var b = json().createObjectBuilder().add("objectType", actor.objectType());
    actor.displayName().ifPresent(name -> b.add("name", name));
    actor.identifier().ifPresent(ifi -> writeIfi(b, ifi));
    if (actor instanceof Group group && !group.members().isEmpty()) {
      var members = json().createArrayBuilder();
      group.members().forEach(m -> members.add(write(m)));
      b.add("member", members);
    }
    return b.build();
  }

  private static void writeIfi(JsonObjectBuilder b, Ifi ifi) {
    if (ifi instanceof Ifi.Mbox m) {
      b.add("mbox", m.mbox());
    } else if (ifi instanceof Ifi.MboxSha1Sum s) {
      b.add("mbox_sha1sum", s.mboxSha1sum());
    } else if (ifi instanceof Ifi.OpenId o) {
      b.add("openid", o.openid());
    } else if (ifi instanceof Ifi.Account a) {
      b.add(
          "account",
          json().createObjectBuilder().add("homePage", a.homePage()).add("name", a.name()));
    }
  }

  static JsonObject write(Verb verb) {
    var b = json().createObjectBuilder().add("id", verb.id());
    add(b, "display", verb.display());
    return b.build();
  }

  static JsonObject write(StatementObject object) {
    if (object instanceof Actor actor) {
      return write(actor);
    }
    if (object instanceof Activity activity) {
      return write(activity);
    }
    if (object instanceof StatementRef ref) {
      return json()
          .createObjectBuilder()
          .add("objectType", "StatementRef")
          .add("id", ref.id().toString())
          .build();
    }
    var sub = (SubStatement) object;
    var b = json().createObjectBuilder().add("objectType", "SubStatement");
    writeBody(
        b, sub.actor(), sub.verb(), sub.object(), sub.result(), sub.context(), sub.timestamp());
    writeAttachments(b, sub.attachments());
    return b.build();
  }

  static JsonObject write(Activity activity) {
    var b = json().createObjectBuilder().add("objectType", "Activity").add("id", activity.id());
    if (activity.definition() != null) {
      b.add("definition", write(activity.definition()));
    }
    return b.build();
  }

  private static JsonObject write(ActivityDefinition d) {
    var b = json().createObjectBuilder();
    add(b, "name", d.name());
    add(b, "description", d.description());
    add(b, "type", d.type());
    add(b, "moreInfo", d.moreInfo());
    add(b, "interactionType", d.interactionType());
    if (d.correctResponsesPattern() != null) {
      var list = json().createArrayBuilder();
      d.correctResponsesPattern().forEach(list::add);
      b.add("correctResponsesPattern", list);
    }
    var lists = List.of(d.choices(), d.scale(), d.source(), d.target(), d.steps());
    for (int i = 0; i < lists.size(); i++) {
      if (!lists.get(i).isEmpty()) {
        var list = json().createArrayBuilder();
        for (var component : lists.get(i)) {
          var c = json().createObjectBuilder().add("id", component.id());
          add(c, "description", component.description());
          list.add(c);
        }
        b.add(COMPONENT_LISTS.get(i), list);
      }
    }
    add(b, "extensions", d.extensions());
    return b.build();
  }

  private static JsonObject write(Result r) {
    var b = json().createObjectBuilder();
    if (r.score() != null) {
      var s = json().createObjectBuilder();
      add(s, "scaled", r.score().scaled());
      add(s, "raw", r.score().raw());
      add(s, "min", r.score().min());
      add(s, "max", r.score().max());
      b.add("score", s);
    }
    if (r.success() != null) {
      b.add("success", r.success());
    }
    if (r.completion() != null) {
      b.add("completion", r.completion());
    }
    add(b, "response", r.response());
    add(b, "duration", r.duration());
    add(b, "extensions", r.extensions());
    return b.build();
  }

  private static JsonObject write(Context c) {
    var b = json().createObjectBuilder();
    if (c.registration() != null) {
      b.add("registration", c.registration().toString());
    }
    if (c.instructor() != null) {
      b.add("instructor", write(c.instructor()));
    }
    if (c.team() != null) {
      b.add("team", write(c.team()));
    }
    if (c.contextActivities() != null) {
      var a = c.contextActivities();
      var ca = json().createObjectBuilder();
      addActivities(ca, "parent", a.parent());
      addActivities(ca, "grouping", a.grouping());
      addActivities(ca, "category", a.category());
      addActivities(ca, "other", a.other());
      b.add("contextActivities", ca);
    }
    add(b, "revision", c.revision());
    add(b, "platform", c.platform());
    add(b, "language", c.language());
    if (c.statement() != null) {
      b.add("statement", write(c.statement()));
    }
    add(b, "extensions", c.extensions());
    if (!c.contextAgents().isEmpty()) {
      var list = json().createArrayBuilder();
      for (var agent : c.contextAgents()) {
        var item =
            json()
                .createObjectBuilder()
                .add("objectType", "contextAgent")
                .add("agent", write(agent.agent()));
        addIris(item, "relevantTypes", agent.relevantTypes());
        list.add(item);
      }
      b.add("contextAgents", list);
    }
    if (!c.contextGroups().isEmpty()) {
      var list = json().createArrayBuilder();
      for (var group : c.contextGroups()) {
        var item =
            json()
                .createObjectBuilder()
                .add("objectType", "contextGroup")
                .add("group", write(group.group()));
        addIris(item, "relevantTypes", group.relevantTypes());
        list.add(item);
      }
      b.add("contextGroups", list);
    }
    return b.build();
  }

  private static JsonObject write(Attachment a) {
    var b = json().createObjectBuilder().add("usageType", a.usageType());
    add(b, "display", a.display());
    add(b, "description", a.description());
    b.add("contentType", a.contentType()).add("length", a.length()).add("sha2", a.sha2());
    add(b, "fileUrl", a.fileUrl());
    return b.build();
  }

  private static void addActivities(JsonObjectBuilder b, String key, List<Activity> activities) {
    if (!activities.isEmpty()) {
      JsonArrayBuilder list = json().createArrayBuilder();
      activities.forEach(a -> list.add(write(a)));
      b.add(key, list);
    }
  }

  private static void addIris(JsonObjectBuilder b, String key, List<String> iris) {
    if (!iris.isEmpty()) {
      var list = json().createArrayBuilder();
      iris.forEach(list::add);
      b.add(key, list);
    }
  }

  private static void add(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static void add(JsonObjectBuilder b, String key, BigDecimal value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static void add(JsonObjectBuilder b, String key, LanguageMap map) {
    if (map != null) {
      var m = json().createObjectBuilder();
      map.values().forEach(m::add);
      b.add(key, m);
    }
  }

  private static void add(JsonObjectBuilder b, String key, Extensions extensions) {
    if (extensions != null) {
      var m = json().createObjectBuilder();
      extensions.values().forEach(m::add);
      b.add(key, m);
    }
  }

  // --- reading -------------------------------------------------------------------------------

  public static Statement readStatement(JsonObject json) {
    only(json, "", STATEMENT_KEYS);
    var id = json.containsKey("id") ? uuid(json.get("id"), "id") : null;
    var actor = readActor(object(json, "actor", ""), "actor");
    var verb = readVerb(object(json, "verb", ""), "verb");
    var object = readObject(object(json, "object", ""), "object", false);
    var result =
        json.containsKey("result") ? readResult(object(json, "result", ""), "result") : null;
    var context =
        json.containsKey("context") ? readContext(object(json, "context", ""), "context") : null;
    var authority =
        json.containsKey("authority")
            ? readActor(object(json, "authority", ""), "authority")
            : null;
    var attachments = readList(json, "attachments", "", XapiJson::readAttachment);
    return construct(
        "",
        () ->
            new Statement(
                id,
                actor,
                verb,
                object,
                result,
                context,
                string(json, "timestamp", ""),
                string(json, "stored", ""),
                authority,
                string(json, "version", ""),
                attachments));
  }

  /** Reads an Agent or Group; without {@code objectType} it is an Agent. */
  public static Actor readActor(JsonObject json) {
    return readActor(json, "actor");
  }

  private static Actor readActor(JsonObject json, String path) {
    var type = string(json, "objectType", path);
    if ("Group".equals(type)) {
      only(json, path + ".", GROUP_KEYS);
      var ifi = readIfi(json, path, true);
      var members = readList(json, "member", path + ".", (m, p) -> readAgent(m, p));
      return construct(path, () -> new Group(string(json, "name", path), ifi, members));
    }
    return readAgent(json, path);
  }

  /** Reads an Activity, e.g. the answer of the Activities resource. */
  public static Activity readActivity(JsonObject json) {
    return readActivity(json, "activity");
  }

  /** Reads a Person Object (xAPI 2.0 Part 3 §2.4.1.1): every identifier property is a list. */
  public static Person readPerson(JsonObject json) {
    only(
        json, "person.", Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"));
    requireType(json, "Person", "person");
    var names = new ArrayList<String>();
    var identifiers = new ArrayList<Ifi>();
    for (var key : List.of("name", "mbox", "mbox_sha1sum", "openid", "account")) {
      if (!json.containsKey(key)) {
        continue;
      }
      var list = array(json.get(key), "person." + key);
      for (int i = 0; i < list.size(); i++) {
        var path = "person." + key + "[" + i + "]";
        if (key.equals("name")) {
          names.add(text(list.get(i), path));
        } else {
          var single = json().createObjectBuilder().add(key, list.get(i)).build();
          identifiers.add(readIfi(single, path, false));
        }
      }
    }
    return new Person(names, identifiers);
  }

  private static Agent readAgent(JsonObject json, String path) {
    var type = string(json, "objectType", path);
    if (type != null && !type.equals("Agent")) {
      throw new InvalidStatementException(
          path + ".objectType",
          "agent-object-type",
          "must be Agent here (xAPI 2.0 Part 2 §2.4.2.1)");
    }
    only(json, path + ".", AGENT_KEYS);
    var ifi = readIfi(json, path, false);
    return construct(path, () -> new Agent(string(json, "name", path), ifi));
  }

  private static Ifi readIfi(JsonObject json, String path, boolean optional) {
    var present = IFI_KEYS.stream().filter(json::containsKey).toList();
    if (present.size() > 1 || (present.isEmpty() && !optional)) {
      throw new InvalidStatementException(
          path,
          "one-ifi",
          "must carry exactly one of mbox, mbox_sha1sum, openid, account, not "
              + present
              + " ("
              + Rules.IFI
              + ")");
    }
    if (present.isEmpty()) {
      return null;
    }
    var key = present.get(0);
    return construct(
        path,
        () ->
            switch (key) {
              case "mbox" -> Ifi.mbox(string(json, key, path));
              case "mbox_sha1sum" -> Ifi.mboxSha1Sum(string(json, key, path));
              case "openid" -> Ifi.openId(string(json, key, path));
              default -> {
                var account = object(json, "account", path);
                only(account, path + ".account.", Set.of("homePage", "name"));
                yield Ifi.account(
                    string(account, "homePage", path + ".account"),
                    string(account, "name", path + ".account"));
              }
            });
  }

  private static Verb readVerb(JsonObject json, String path) {
    only(json, path + ".", Set.of("id", "display"));
    var display = languageMap(json, "display", path);
    return construct(path, () -> new Verb(string(json, "id", path), display));
  }

  private static StatementObject readObject(JsonObject json, String path, boolean sub) {
    var type = string(json, "objectType", path);
    if (type == null || type.equals("Activity")) {
      return readActivity(json, path);
    }
    switch (type) {
      case "Agent", "Group":
        return readActor(json, path);
      case "StatementRef":
        only(json, path + ".", Set.of("objectType", "id"));
        return new StatementRef(uuid(json.get("id"), path + ".id"));
      case "SubStatement":
        if (sub) {
          throw new InvalidStatementException(
              path + ".objectType",
              "sub-statement-not-nested",
              "a SubStatement cannot hold another (xAPI 2.0 Part 2 §2.4.4.4)");
        }
        only(json, path + ".", SUB_STATEMENT_KEYS);
        var actor = readActor(object(json, "actor", path), path + ".actor");
        var verb = readVerb(object(json, "verb", path), path + ".verb");
        var object = readObject(object(json, "object", path), path + ".object", true);
        var result =
            json.containsKey("result")
                ? readResult(object(json, "result", path), path + ".result")
                : null;
        var context =
            json.containsKey("context")
                ? readContext(object(json, "context", path), path + ".context")
                : null;
        var attachments = readList(json, "attachments", path + ".", XapiJson::readAttachment);
        return construct(
            path,
            () ->
                new SubStatement(
                    actor,
                    verb,
                    object,
                    result,
                    context,
                    string(json, "timestamp", path),
                    attachments));
      default:
        throw new InvalidStatementException(
            path + ".objectType",
            "object-type-known",
            "must be Activity, Agent, Group, StatementRef or SubStatement (xAPI 2.0 Part 2 §2.4.4)");
    }
  }

  private static Activity readActivity(JsonObject json, String path) {
    only(json, path + ".", Set.of("objectType", "id", "definition"));
    var definition =
        json.containsKey("definition")
            ? readDefinition(object(json, "definition", path), path + ".definition")
            : null;
    return construct(path, () -> new Activity(string(json, "id", path), definition));
  }

  private static ActivityDefinition readDefinition(JsonObject json, String path) {
    only(json, path + ".", DEFINITION_KEYS);
    var components = new ArrayList<List<InteractionComponent>>();
    for (var key : COMPONENT_LISTS) {
      components.add(
          readList(
              json,
              key,
              path + ".",
              (c, p) -> {
                only(c, p + ".", Set.of("id", "description"));
                var description = languageMap(c, "description", p);
                return construct(
                    p, () -> new InteractionComponent(string(c, "id", p), description));
              }));
    }
    List<String> patterns = null;
    if (json.containsKey("correctResponsesPattern")) {
      patterns = new ArrayList<>();
      var list = array(json.get("correctResponsesPattern"), path + ".correctResponsesPattern");
      for (int i = 0; i < list.size(); i++) {
        patterns.add(text(list.get(i), path + ".correctResponsesPattern[" + i + "]"));
      }
    }
    var finalPatterns = patterns;
    var name = languageMap(json, "name", path);
    var description = languageMap(json, "description", path);
    var extensions = extensions(json, "extensions", path);
    return construct(
        path,
        () ->
            new ActivityDefinition(
                name,
                description,
                string(json, "type", path),
                string(json, "moreInfo", path),
                string(json, "interactionType", path),
                finalPatterns,
                components.get(0),
                components.get(1),
                components.get(2),
                components.get(3),
                components.get(4),
                extensions));
  }

  private static Result readResult(JsonObject json, String path) {
    only(
        json,
        path + ".",
        Set.of("score", "success", "completion", "response", "duration", "extensions"));
    Score score = null;
    if (json.containsKey("score")) {
      var s = object(json, "score", path);
      var scorePath = path + ".score";
      only(s, scorePath + ".", Set.of("scaled", "raw", "min", "max"));
      score =
          construct(
              scorePath,
              () ->
                  new Score(
                      number(s, "scaled", scorePath),
                      number(s, "raw", scorePath),
                      number(s, "min", scorePath),
                      number(s, "max", scorePath)));
    }
    var finalScore = score;
    var extensions = extensions(json, "extensions", path);
    return construct(
        path,
        () ->
            new Result(
                finalScore,
                bool(json, "success", path),
                bool(json, "completion", path),
                string(json, "response", path),
                string(json, "duration", path),
                extensions));
  }

  private static Context readContext(JsonObject json, String path) {
    only(json, path + ".", CONTEXT_KEYS);
    var b = Context.builder();
    if (json.containsKey("registration")) {
      b.registration(uuid(json.get("registration"), path + ".registration"));
    }
    if (json.containsKey("instructor")) {
      b.instructor(readActor(object(json, "instructor", path), path + ".instructor"));
    }
    if (json.containsKey("team")) {
      var team = readActor(object(json, "team", path), path + ".team");
      if (!(team instanceof Group group)) {
        throw new InvalidStatementException(
            path + ".team.objectType",
            "team-is-group",
            "a team must be a Group (xAPI 2.0 Part 2 §2.4.6)");
      }
      b.team(group);
    }
    if (json.containsKey("contextActivities")) {
      var ca = object(json, "contextActivities", path);
      var caPath = path + ".contextActivities";
      only(ca, caPath + ".", Set.of("parent", "grouping", "category", "other"));
      var lists = new ArrayList<List<Activity>>();
      for (var key : List.of("parent", "grouping", "category", "other")) {
        var value = ca.get(key);
        if (value instanceof JsonObject single) { // 1.0.3 §4.1.6.2: one Activity alone
          lists.add(List.of(readActivity(single, caPath + "." + key)));
        } else {
          lists.add(readList(ca, key, caPath + ".", XapiJson::readActivity));
        }
      }
      b.contextActivities(
          new ContextActivities(lists.get(0), lists.get(1), lists.get(2), lists.get(3)));
    }
    if (json.containsKey("statement")) {
      var ref = readObject(object(json, "statement", path), path + ".statement", true);
      if (!(ref instanceof StatementRef statementRef)) {
        throw new InvalidStatementException(
            path + ".statement.objectType",
            "context-statement-is-ref",
            "must be StatementRef (xAPI 2.0 Part 2 §2.4.6)");
      }
      b.statement(statementRef);
    }
    b.contextAgents(
        readList(
            json,
            "contextAgents",
            path + ".",
            (item, p) -> {
              only(item, p + ".", Set.of("objectType", "agent", "relevantTypes"));
              requireType(item, "contextAgent", p);
              var agent = readAgent(object(item, "agent", p), p + ".agent");
              var types = iris(item, "relevantTypes", p);
              return construct(p, () -> new ContextAgent(agent, types));
            }));
    b.contextGroups(
        readList(
            json,
            "contextGroups",
            path + ".",
            (item, p) -> {
              only(item, p + ".", Set.of("objectType", "group", "relevantTypes"));
              requireType(item, "contextGroup", p);
              var group = readActor(object(item, "group", p), p + ".group");
              if (!(group instanceof Group g)) {
                throw new InvalidStatementException(
                    p + ".group.objectType", "context-group-is-group", "must be Group");
              }
              var types = iris(item, "relevantTypes", p);
              return construct(p, () -> new ContextGroup(g, types));
            }));
    var extensions = extensions(json, "extensions", path);
    return construct(
        path,
        () ->
            b.revision(string(json, "revision", path))
                .platform(string(json, "platform", path))
                .language(string(json, "language", path))
                .extensions(extensions)
                .build());
  }

  private static Attachment readAttachment(JsonObject json, String path) {
    only(
        json,
        path + ".",
        Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"));
    var length = json.get("length");
    if (!(length instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidStatementException(
          path + ".length", "length-is-integer", "must be a whole number of octets");
    }
    var display = languageMap(json, "display", path);
    var description = languageMap(json, "description", path);
    return construct(
        path,
        () ->
            new Attachment(
                string(json, "usageType", path),
                display,
                description,
                string(json, "contentType", path),
                number.longValueExact(),
                string(json, "sha2", path),
                string(json, "fileUrl", path)));
  }

  // --- reading helpers -----------------------------------------------------------------------

  private interface Construction<T> {
    T get();
  }

  /** Builds a model object, reporting its failures at {@code path}. */
  private static <T> T construct(String path, Construction<T> construction) {
    try {
      return construction.get();
    } catch (InvalidStatementException e) {
      if (path.isEmpty() || e.field().startsWith(path + ".") || e.field().equals(path)) {
        throw e;
      }
      throw e.within(path);
    } catch (ArithmeticException e) {
      throw new InvalidStatementException(path, "is-number", "holds a number out of range");
    }
  }

  private static void only(JsonObject json, String prefix, Set<String> allowed) {
    for (var entry : json.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw new InvalidStatementException(
            prefix + entry.getKey(),
            "property-known",
            "is not a property here (xAPI 2.0 Part 2 §2.2)");
      }
      if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
        throw new InvalidStatementException(
            prefix + entry.getKey(), "not-null", "must not be null (xAPI 2.0 Part 2 §2.2)");
      }
    }
  }

  private static void requireType(JsonObject json, String type, String path) {
    if (!type.equals(string(json, "objectType", path))) {
      throw new InvalidStatementException(path + ".objectType", "object-type", "must be " + type);
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static JsonObject object(JsonObject json, String key, String path) {
    var value = json.get(key);
    if (value == null) {
      throw new InvalidStatementException(join(path, key), "required", "is required");
    }
    if (!(value instanceof JsonObject object)) {
      throw new InvalidStatementException(join(path, key), "is-object", "must be a JSON object");
    }
    return object;
  }

  private static JsonArray array(JsonValue value, String path) {
    if (!(value instanceof JsonArray array)) {
      throw new InvalidStatementException(path, "is-array", "must be a JSON array");
    }
    return array;
  }

  private static String string(JsonObject json, String key, String path) {
    var value = json.get(key);
    return value == null ? null : text(value, join(path, key));
  }

  private static String text(JsonValue value, String path) {
    if (!(value instanceof JsonString s)) {
      throw new InvalidStatementException(path, "is-string", "must be a string");
    }
    return s.getString();
  }

  private static Boolean bool(JsonObject json, String key, String path) {
    var value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      if (value.getValueType() == JsonValue.ValueType.TRUE) {
        return true;
      }
      if (value.getValueType() == JsonValue.ValueType.FALSE) {
        return false;
      }
      throw new InvalidStatementException(join(path, key), "is-boolean", "must be true or false");
    }
    return value == JsonValue.TRUE;
  }

  private static BigDecimal number(JsonObject json, String key, String path) {
    var value = json.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonNumber number)) {
      throw new InvalidStatementException(join(path, key), "is-number", "must be a number");
    }
    return number.bigDecimalValue();
  }

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static UUID uuid(JsonValue value, String path) {
    var text = text(value, path);
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new InvalidStatementException(
          path, "is-uuid", "must be a UUID (xAPI 2.0 Part 2 §2.4.1)");
    }
    return UUID.fromString(text);
  }

  private static LanguageMap languageMap(JsonObject json, String key, String path) {
    if (!json.containsKey(key)) {
      return null;
    }
    var map = object(json, key, path);
    var values = new LinkedHashMap<String, String>();
    for (var entry : map.entrySet()) {
      values.put(entry.getKey(), text(entry.getValue(), join(path, key) + "." + entry.getKey()));
    }
    return construct(join(path, key), () -> new LanguageMap(values));
  }

  private static Extensions extensions(JsonObject json, String key, String path) {
    if (!json.containsKey(key)) {
      return null;
    }
    var map = object(json, key, path);
    return construct(join(path, key), () -> new Extensions(map));
  }

  private static List<String> iris(JsonObject json, String key, String path) {
    if (!json.containsKey(key)) {
      return List.of();
    }
    var list = array(json.get(key), join(path, key));
    var result = new ArrayList<String>();
    for (int i = 0; i < list.size(); i++) {
      result.add(text(list.get(i), join(path, key) + "[" + i + "]"));
    }
    if (result.isEmpty()) {
      throw new InvalidStatementException(
          join(path, key), "relevant-types-not-empty", "must list at least one type");
    }
    return result;
  }

  private static <T> List<T> readList(
      JsonObject json, String key, String prefix, BiFunction<JsonObject, String, T> reader) {
    if (!json.containsKey(key)) {
      return List.of();
    }
    var path = prefix + key;
    var list = array(json.get(key), path);
    var result = new ArrayList<T>();
    for (int i = 0; i < list.size(); i++) {
      var itemPath = path + "[" + i + "]";
      if (!(list.get(i) instanceof JsonObject item)) {
        throw new InvalidStatementException(itemPath, "is-object", "must be a JSON object");
      }
      result.add(reader.apply(item, itemPath));
    }
    return result;
  }
}
